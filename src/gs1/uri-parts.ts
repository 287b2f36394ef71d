// Splits an absolute hierarchical URI into its RFC 3986 parts (section 3) without throwing and
// without the WHATWG URL parser, which silently repairs what a conformant parser must reject.

export type UriParts = {
  scheme: string;
  userinfo: string | null;
  /** Host as written (case preserved); IP literals keep their brackets. */
  host: string;
  port: string;
  path: string;
  query: string | null;
  fragment: string | null;
};

const URI = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#([\s\S]*))?$/;
const HOST = /^(?:\[[0-9A-Fa-f:.vV]+\]|[A-Za-z0-9\-._~!$&'()*+,;=%]+)$/;

/** The parts of `text`, or null when it is not `scheme://authority...` with a usable host. */
export function splitUri(text: string): UriParts | null {
  const match = URI.exec(text);
  if (!match) return null;
  const [, scheme = '', authority = '', path = '', query, fragment] = match;
  const at = authority.lastIndexOf('@');
  const userinfo = at >= 0 ? authority.slice(0, at) : null;
  const hostPort = authority.slice(at + 1);
  const portMatch = /^(.*?)(?::(\d*))?$/.exec(hostPort);
  const host = portMatch?.[1] ?? '';
  if (!HOST.test(host)) return null;
  return {
    scheme,
    userinfo,
    host,
    port: portMatch?.[2] ?? '',
    path,
    query: query ?? null,
    fragment: fragment ?? null,
  };
}

/** The host as a comparable domain: lower case, without a trailing root dot. */
export function domainOf(host: string): string {
  return host.toLowerCase().replace(/\.$/, '');
}

// RFC 3986 section 2: unreserved, reserved and `%`. Anything else (spaces, <>{}\^`|", non-ASCII
// such as Persian digits) is outside the URI character set.
const URI_CHARS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;

export function hasOnlyUriCharacters(text: string): boolean {
  return URI_CHARS.test(text);
}
