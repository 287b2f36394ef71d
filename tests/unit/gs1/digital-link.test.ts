import { describe, expect, it } from 'vitest';
import { parseDigitalLink } from '../../../src/gs1/digital-link.ts';
import type { Gs1Parse } from '../../../src/gs1/types.ts';

const PLATE = 'https://qr.example.ir/414/6260000000019';

function ok(parse: Gs1Parse) {
  if (!parse.ok) throw new Error(`expected a parse, got ${parse.error.code}`);
  return parse;
}

function code(uri: string): string | undefined {
  const parse = parseDigitalLink(uri);
  return parse.ok ? undefined : parse.error.code;
}

describe('parseDigitalLink: what a plate carries', () => {
  // URI Syntax 1.6 ABNF, `uncompressedCustomGS1webURI`: a scheme and any domain of the brand's own,
  // then the key's path elements; AI 414 is a primary key (4.4).
  it('recognises a 414 plate URI on any domain', () => {
    const parse = ok(parseDigitalLink(PLATE));
    expect(parse.primaryKey).toEqual({ ai: '414', value: '6260000000019' });
    expect(parse.qualifiers).toEqual([]);
    expect(parse.uri).toEqual({ href: PLATE, domain: 'qr.example.ir', pathPrefix: '' });
  });

  // The same rule: path elements of the domain's own may come before the key.
  it('recognises a 414 plate URI on any domain with a path prefix', () => {
    const parse = ok(parseDigitalLink('https://example.com/shops/tehran/414/6260000000019'));
    expect(parse.uri?.pathPrefix).toBe('/shops/tehran');
    expect(parse.primaryKey?.value).toBe('6260000000019');
  });

  // GS1 Digital Link URI Syntax 1.6, GLN examples: id.gs1.org/414/9520123456788/254/32a%2Fb
  it('reads the GLN extension 254 after percent-decoding', () => {
    const parse = ok(parseDigitalLink('https://id.gs1.org/414/9520123456788/254/32a%2Fb'));
    expect(parse.qualifiers).toEqual([{ ai: '254', value: '32a/b' }]);
    expect(parse.elements.map((e) => e.ai)).toEqual(['414', '254']);
  });

  // URI Syntax 1.6, 4.4 and the Syntax Dictionary's `dlpkey=254|7040` on 414: 254 or 7040 qualify a GLN.
  it('accepts the UIC with extension 7040 as the other qualifier of 414', () => {
    const parse = ok(parseDigitalLink(`${PLATE}/7040/1A2B`));
    expect(parse.qualifiers).toEqual([{ ai: '7040', value: '1A2B' }]);
  });

  // URI Syntax 1.6, 4.6: data attributes are AI=value pairs in the query string; other parameters
  // (linkType, tracking) are not GS1 data and are left to the application.
  it('collects query-string data attributes in order and ignores non-numeric keys', () => {
    const parse = ok(
      parseDigitalLink(`${PLATE}/254/A12?linkType=gs1:locationInfo&91=P1&utm_source=x&90=note`),
    );
    expect(parse.attributes).toEqual([
      { ai: '91', value: 'P1' },
      { ai: '90', value: 'note' },
    ]);
    expect(parse.elements.map((e) => e.ai)).toEqual(['414', '254', '91', '90']);
  });

  // URI Syntax 1.6, 4.2: http or https in all lower or all upper case; RFC 3986 3.2.2: the host is
  // case-insensitive.
  it('accepts an all upper-case scheme and host and reports the domain in lower case', () => {
    const parse = ok(parseDigitalLink('HTTPS://QR.EXAMPLE.IR/414/6260000000019'));
    expect(parse.uri?.domain).toBe('qr.example.ir');
    expect(ok(parseDigitalLink('HTTP://qr.example.ir/414/6260000000019')).primaryKey?.ai).toBe('414');
  });

  it('accepts ports, IP literals, punycode hosts and userinfo, reporting the real host', () => {
    expect(ok(parseDigitalLink('https://qr.example.ir:8443/414/6260000000019')).uri?.domain).toBe(
      'qr.example.ir',
    );
    expect(ok(parseDigitalLink('http://[2001:db8::1]/414/6260000000019')).uri?.domain).toBe('[2001:db8::1]');
    expect(ok(parseDigitalLink('https://xn--mgbh0fb.ir/414/6260000000019')).uri?.domain).toBe(
      'xn--mgbh0fb.ir',
    );
    expect(ok(parseDigitalLink('https://a@evil.example/414/6260000000019')).uri?.domain).toBe('evil.example');
  });

  // Syntax Engine test_dl_parseDLuri: "Ignore fragment after path info".
  it('ignores a fragment', () => {
    expect(ok(parseDigitalLink(`${PLATE}#top`)).primaryKey?.value).toBe('6260000000019');
  });

  it('takes the rightmost key sequence, leaving what is left of it as prefix', () => {
    const parse = ok(parseDigitalLink('https://example.com/01/09520123456788/414/6260000000019'));
    expect(parse.primaryKey?.ai).toBe('414');
    expect(parse.uri?.pathPrefix).toBe('/01/09520123456788');
  });
});

describe('parseDigitalLink: other GS1 keys', () => {
  // GS1 Digital Link URI Syntax 1.6, section 4 example with GTIN, batch, serial and expiry.
  it('reads a GTIN with batch, serial and an expiry date attribute', () => {
    const parse = ok(parseDigitalLink('https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426'));
    expect(parse.primaryKey).toEqual({ ai: '01', value: '09520123456788' });
    expect(parse.qualifiers.map((q) => q.ai)).toEqual(['10', '21']);
    expect(parse.attributes).toEqual([{ ai: '17', value: '180426' }]);
  });

  // Syntax Dictionary header: /01/../22/../10/../21/.. is valid, and /01/../235/.. is the other path.
  it('accepts GTIN qualifiers 22, 10, 21 in order, or 235 alone', () => {
    expect(code('https://id.gs1.org/01/09520123456788/22/2A/10/ABC/21/1')).toBeUndefined();
    expect(code('https://id.gs1.org/01/09520123456788/22/2A/21/1')).toBeUndefined();
    expect(code('https://id.gs1.org/01/09520123456788/235/TPX1')).toBeUndefined();
  });

  it('reads SSCC, GSRN, GIAI, CPID and ITIP keys with their qualifiers', () => {
    expect(ok(parseDigitalLink('https://example.com/00/095201234567891235')).primaryKey?.ai).toBe('00');
    expect(
      ok(parseDigitalLink('https://example.com/8017/795260646688514634/8019/12')).qualifiers,
    ).toHaveLength(1);
    expect(ok(parseDigitalLink('https://example.com/8004/9520614141234567')).primaryKey?.ai).toBe('8004');
    expect(ok(parseDigitalLink('https://example.com/8010/9520ABC-1/8011/123')).qualifiers).toHaveLength(1);
    expect(ok(parseDigitalLink('https://example.com/8006/095201234567880102/10/L1')).qualifiers).toHaveLength(
      1,
    );
  });

  it('lets another identification key ride in the query as a data attribute', () => {
    const parse = ok(parseDigitalLink('https://example.com/00/095201234567891235?02=09520123456788&37=25'));
    expect(parse.attributes.map((a) => a.ai)).toEqual(['02', '37']);
  });

  it('reads a weight with its decimal indicator from the query', () => {
    expect(ok(parseDigitalLink('https://example.com/01/09520123456788?3103=000195')).attributes).toEqual([
      { ai: '3103', value: '000195' },
    ]);
  });
});

describe('parseDigitalLink: what a conformant parser rejects', () => {
  // AI 414 `N13,csum` (General Specifications section 3, check digit 7.9.1).
  it('rejects a bad check digit', () => {
    expect(code('https://qr.example.ir/414/6260000000018')).toBe('bad-check-digit');
  });

  // URI Syntax 1.6 ABNF: gtin-value = 14DIGIT; GTIN-8/12/13 SHALL be padded to 14 digits.
  it('rejects a GTIN in the path that is not 14 digits, and a GLN of the wrong length', () => {
    expect(code('https://id.gs1.org/01/9520123456788')).toBe('bad-length');
    expect(code('https://qr.example.ir/414/626000000001')).toBe('bad-length');
  });

  // RFC 3986 section 2: a space, `<` or a non-ASCII letter is not a URI character; once decoded,
  // 254's value is CSET 82 (General Specifications 7.11), which has no space and no Persian letter.
  it('rejects characters outside the URI set and values outside their character set', () => {
    expect(code('https://qr.example.ir/414/6260000000019/254/A 12')).toBe('bad-character');
    expect(code('https://qr.example.ir/414/۶۲۶۰۰۰۰۰۰۰۰۱۹')).toBe('bad-character');
    expect(code('https://qr.example.ir/414/6260000000019/254/<b>')).toBe('bad-character');
    expect(code('https://qr.example.ir/414/6260000000019/254/A%20B')).toBe('bad-character');
    expect(code('https://qr.example.ir/414/6260000000019/254/%D8%A7')).toBe('bad-character');
  });

  // RFC 3986 2.1: `%` is followed by two hex digits; NUL is not in CSET 82 (General Specifications 7.11).
  it('rejects %00 and malformed percent-escapes', () => {
    expect(code(`${PLATE}/254/A%00`)).toBe('bad-character');
    expect(code(`${PLATE}/254/A%G1`)).toBe('bad-syntax');
    expect(code(`${PLATE}/254/A%2`)).toBe('bad-syntax');
  });

  // URI Syntax 1.6, 4.7: a query string is decoded as a form, where `+` is a space (not in CSET 82,
  // so refused); in a path element `+` is itself.
  it('reads + as a literal plus in the path but as a space in the query', () => {
    expect(ok(parseDigitalLink(`${PLATE}/254/A+B`)).qualifiers[0]?.value).toBe('A+B');
    expect(code(`${PLATE}?91=A+B`)).toBe('bad-character');
    expect(ok(parseDigitalLink(`${PLATE}?91=A%2BB`)).attributes[0]?.value).toBe('A+B');
  });

  // URI Syntax 1.6, 4.2: http or https, all lower or all upper case.
  it('rejects a mixed-case scheme and any scheme other than http(s)', () => {
    expect(code('HtTp://qr.example.ir/414/6260000000019')).toBe('bad-scheme');
    expect(code('Https://qr.example.ir/414/6260000000019')).toBe('bad-scheme');
    expect(code('ftp://qr.example.ir/414/6260000000019')).toBe('bad-scheme');
    expect(code('qr.example.ir/414/6260000000019')).toBe('bad-scheme');
    expect(code('urn:epc:id:sgln:952012.34567.0')).toBe('bad-syntax');
    expect(code('https:///414/6260000000019')).toBe('bad-syntax');
  });

  // Syntax Dictionary header: /01/../10/../22/.. is invalid (order).
  it('rejects key qualifiers out of order', () => {
    expect(code('https://id.gs1.org/01/09520123456788/10/ABC/22/2A')).toBe('bad-qualifier');
    expect(code('https://id.gs1.org/01/09520123456788/21/1/10/ABC')).toBe('bad-qualifier');
  });

  // Syntax Dictionary header: /01/../22/../10/../235/.. is invalid (alternatives mixed).
  it('rejects alternative qualifiers mixed: 254 with 7040, or 22 with 235', () => {
    expect(code(`${PLATE}/254/A/7040/1A2B`)).toBe('bad-qualifier');
    expect(code(`${PLATE}/7040/1A2B/254/A`)).toBe('bad-qualifier');
    expect(code('https://id.gs1.org/01/09520123456788/22/2A/235/X')).toBe('bad-qualifier');
  });

  // URI Syntax 1.6, 4.4: only the key's own qualifiers (414: 254 or 7040) may follow it in the path,
  // each once; data attributes such as 17 go in the query string (4.6).
  it('rejects a qualifier of another key, a repeated qualifier and an attribute in the path', () => {
    expect(code(`${PLATE}/21/123`)).toBe('bad-qualifier');
    expect(code(`${PLATE}/10/ABC`)).toBe('bad-qualifier');
    expect(code(`${PLATE}/17/250101`)).toBe('bad-qualifier');
    expect(code(`${PLATE}/254/A/254/B`)).toBe('duplicate-ai');
  });

  // URI Syntax 1.6, 4.4 and 4.6: path elements after the key and numeric query keys are AIs, and 999
  // and 9999 are none (General Specifications section 3); a word after the key is no AI either.
  it('rejects an unknown AI in a qualifier position or in the query', () => {
    expect(code(`${PLATE}/999/x`)).toBe('unknown-ai');
    expect(code(`${PLATE}?9999=x`)).toBe('unknown-ai');
    expect(code(`${PLATE}/page/x`)).toBe('bad-syntax');
  });

  // URI Syntax 1.6, 4.4: a GS1 Digital Link URI carries exactly one primary key in its path.
  it('finds no primary key when a qualifier stands without its key', () => {
    expect(code('https://qr.example.ir/254/A12')).toBe('no-primary-key');
    expect(code('https://qr.example.ir/')).toBe('no-primary-key');
    expect(code('https://qr.example.ir')).toBe('no-primary-key');
  });

  // Short names (/gln/, /gtin/) were removed from the URI syntax in release 1.3.
  it('does not accept the removed short names', () => {
    expect(code('https://id.gs1.org/gln/6260000000019')).toBe('no-primary-key');
    expect(code('https://id.gs1.org/gtin/09520123456788')).toBe('no-primary-key');
  });

  it('rejects empty segments and double slashes', () => {
    expect(code('https://qr.example.ir/414//6260000000019')).toBe('bad-syntax');
    expect(code('https://qr.example.ir//414/6260000000019')).toBe('bad-syntax');
    expect(code(`${PLATE}//`)).toBe('bad-syntax');
  });

  // URI Syntax 1.6, 4.4: the path ends with a value. Syntax Engine test_dl_parseDLuri:
  // "https://a/stem/00/006141411234567890/" fails ("Can't end in slash").
  it('rejects a trailing slash after the key or a qualifier', () => {
    expect(code('https://a/stem/00/006141411234567890/')).toBe('bad-syntax');
    expect(code(`${PLATE}/`)).toBe('bad-syntax');
    expect(code(`${PLATE}/254/A12/`)).toBe('bad-syntax');
    expect(code(`${PLATE}/?91=A`)).toBe('bad-syntax');
  });

  // URI Syntax 1.6, 4.6: a key qualifier goes in the path. Syntax Engine test_dl_parseDLuri: "AI in
  // query params that should be in the path info" (/01/09520123456788?10=ABC123 fails) and "This
  // is fine because we chose an alternate key qualifier" (/01/09520123456788/235/XYZ?10=ABC123).
  it("rejects a key qualifier of the path's key given in the query string", () => {
    expect(code('https://example.com/01/09520123456788?10=ABC123')).toBe('bad-attribute');
    expect(code('https://id.gs1.org/01/09520123456788/21/S1?10=ABC123')).toBe('bad-attribute');
    expect(code('https://id.gs1.org/01/09520123456788/22/2A?10=ABC123')).toBe('bad-attribute');
    expect(ok(parseDigitalLink('https://id.gs1.org/01/09520123456788/235/XYZ?10=ABC123')).attributes).toEqual(
      [{ ai: '10', value: 'ABC123' }],
    );
    // A batch rides in the query of a key it does not qualify, where its requisite (a GTIN) is met.
    expect(code('https://example.com/8004/9520614141234567?01=09520123456788&10=L1')).toBeUndefined();
  });

  // URI Syntax 1.6, 4.4: the primary key is in the path; a key in the query is only an attribute of it.
  it('rejects a GS1 key carried in the query string only', () => {
    expect(code('https://qr.example.ir/?414=6260000000019')).toBe('no-primary-key');
    expect(code('https://qr.example.ir/shop?414=6260000000019')).toBe('no-primary-key');
  });

  // URI Syntax 1.6, 4.6: a key qualifier belongs in the path; the Syntax Dictionary marks the AIs
  // permitted as data attributes (8200, a product URL, is not).
  it('rejects key qualifiers and path-only AIs in the query string', () => {
    expect(code(`${PLATE}?254=A12`)).toBe('bad-attribute');
    expect(code(`${PLATE}?7040=1A2B`)).toBe('bad-attribute');
    expect(code('https://id.gs1.org/01/09520123456788?8200=x')).toBe('bad-attribute');
  });

  // An AI stands once in a message (Syntax Engine test_dl_parseDLuri: a duplicate AI fails), URI or not.
  it('rejects duplicate AIs, whether in the query or in both path and query', () => {
    expect(code(`${PLATE}?91=A&91=B`)).toBe('duplicate-ai');
    expect(code(`${PLATE}?414=6260000000019`)).toBe('duplicate-ai');
  });

  // Every AI has at least one character (General Specifications section 3), so `91=` is no value;
  // an empty parameter between two `&` is no parameter at all.
  it('rejects empty values in the query, with or without =', () => {
    expect(code(`${PLATE}?91=`)).toBe('empty-value');
    expect(code(`${PLATE}?91`)).toBe('empty-value');
    expect(code(`${PLATE}?91=A&&linkType`)).toBeUndefined();
  });

  // General Specifications 7.12: month 13 is no date; RFC 3986 2.1: `%zz` is no escape.
  it('rejects malformed escapes in query names and values that break their format', () => {
    expect(code(`${PLATE}?17=251301`)).toBe('bad-value');
    expect(code(`${PLATE}?%zz=1`)).toBe('bad-syntax');
  });

  // Not a GS1 rule: the app words the error for the shopper and names the AI it is about.
  it('names the AI an error is about', () => {
    const parse = parseDigitalLink(`${PLATE}?17=251301`);
    expect(parse.ok ? null : parse.error.ai).toBe('17');
    expect(parse.ok ? '' : parse.error.code).toBe('bad-value');
  });

  // Not a GS1 rule: a bad scan is ordinary input (STYLE.md, errors are values).
  it('returns an error, not an exception, for non-string input', () => {
    expect(parseDigitalLink(null as unknown as string).ok).toBe(false);
  });
});

describe('parseDigitalLink: compressed URIs', () => {
  // GS1 Digital Link compression test vectors (gs1 compression prototype test suite):
  // id.gs1.org/AQnYUc1gmg = /01/05412345000013; AN2yxDhfaiaw = /00/998440410914660971;
  // QVSaVjC_dA = (415)5060917510004; gBe1ajAd9ATDmAGXPRfk = (8017)...(8019)...
  it('recognises a compressed Digital Link URI and says so', () => {
    for (const segment of [
      'AQnYUc1gmg',
      'AN2yxDhfaiaw',
      'QVSaVjC_dA',
      'gBe1ajAd9ATDmAGXPRfk',
      'AQnYUc1gmiCNV4JG',
    ]) {
      expect(code(`https://id.gs1.org/${segment}`), segment).toBe('compressed-uri');
    }
    expect(code('https://qr.example.ir/p/AQnYUc1gmiCNV4JG')).toBe('compressed-uri');
  });

  it('accepts a long segment that starts with another known AI', () => {
    // (10)ABC123 (8006)...: same test suite, element string starting with a batch.
    expect(code('https://id.gs1.org/EEarwSOABgwEj9s0bAmQ')).toBe('compressed-uri');
  });

  it('does not mistake video ids or slugs for compressed URIs', () => {
    expect(code('https://id.gs1.org/QWSaVjC_dA')).toBe('no-primary-key');
    expect(code('https://youtu.be/dQw4w9WgXcQ')).toBe('no-primary-key');
    expect(code('https://instagram.com/p/CxYz12AbCdE')).toBe('no-primary-key');
    expect(code('https://shop.example/products/my-product-page')).toBe('no-primary-key');
  });
});
