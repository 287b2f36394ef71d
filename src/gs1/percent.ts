// Percent-encoding as RFC 3986 section 2.1 defines it, without throwing on bad input
// (decodeURIComponent throws on a lone `%` or broken UTF-8; a scanned code is untrusted text).

const HEX = /^[0-9A-Fa-f]{2}$/;

/**
 * Decodes `%XX` escapes byte by byte; `plusIsSpace` for query strings (URI Syntax 1.6, 4.7: `+`
 * is a literal plus in the path but a space in the query). Bytes above 0x7F become U+FFFD:
 * no GS1 character set contains them, so such a value is rejected later with a clear reason.
 * Returns null for a malformed escape.
 */
export function percentDecode(text: string, plusIsSpace: boolean): string | null {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '%') {
      const hex = text.slice(i + 1, i + 3);
      if (!HEX.test(hex)) return null;
      const byte = Number.parseInt(hex, 16);
      out += byte < 0x80 ? String.fromCharCode(byte) : '\ufffd';
      i += 2;
    } else {
      out += plusIsSpace && ch === '+' ? ' ' : ch;
    }
  }
  return out;
}

/** Encodes everything outside the RFC 3986 unreserved set, as GS1 DL URI Syntax 1.6, 4.7 asks. */
export function percentEncode(text: string): string {
  let out = '';
  // TextEncoder writes a lone surrogate as U+FFFD instead of throwing as encodeURIComponent does.
  for (const byte of UTF8.encode(text)) {
    const ch = String.fromCharCode(byte);
    out += UNRESERVED.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const UTF8 = new TextEncoder();
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
