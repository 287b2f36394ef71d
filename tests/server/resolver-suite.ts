import http from 'node:http';
import https from 'node:https';
import { parseDigitalLink } from '../../src/gs1/index.ts';

// Our port of the checks of GS1's resolver test suite (gs1/GS1DL-resolver-testsuite, the code
// behind https://ref.gs1.org/test-suites/resolver/), plus the clauses of the GS1-Conformant
// Resolver standard 1.2.0 that it does not test. Written from the standard's text and the
// suite's list of checks; no code of theirs. Each check carries the clause it verifies, quoted.
//
// Given a Digital Link URI on the resolver under test, the run adapts to what the URI is, as the
// suite does: a valid URI for an identifier the resolver knows gets every check; a valid URI the
// resolver does not know gets the checks that apply to a "not found"; a malformed URI gets the
// checks on error answers. A check is `pass`, `fail` or `warn` (a SHOULD, or a deprecated form).

export type Status = 'pass' | 'fail' | 'warn';
export type Check = { id: string; clause: string; status: Status; msg: string };
export type RunMode = 'resolvable' | 'unknown' | 'malformed';

const GS1_VOC_HOSTS = /^https:\/\/((ref|www)\.)?gs1\.org\/voc\//;
const JSONLD_CONTEXT_REL = 'http://www.w3.org/ns/json-ld#context';

/** The clauses, by check id. Quoted from the GS1-Conformant Resolver standard (1.2.0) and its artefacts page. */
export const CLAUSES = {
  validDL: 'Given input must be a GS1 Digital Link URI (GS1 Digital Link: URI syntax)',
  isHttps: 'SHALL support HTTP Over TLS (HTTPS)',
  httpVersion: 'SHALL support HTTP 1.1 (or higher) GET, HEAD and OPTIONS requests.',
  rdFile: 'SHALL provide a resolver description file at /.well-known/gs1resolver.',
  rdContext:
    'Linkset context file: an HTTP Link header pointing to this file ... can be used to convert the JSON into JSON-LD (declared in the resolver description file)',
  corsCheck: 'SHALL support CORS',
  methodsCheck: 'SHALL support HTTP 1.1 (or higher) GET, HEAD and OPTIONS requests.',
  methodsReadOnly:
    'SHALL support HTTP 1.1 (or higher) GET, HEAD and OPTIONS requests. (a resolver is read-only: CORS allows exactly these)',
  headCheck: 'SHALL support HTTP 1.1 (or higher) GET, HEAD and OPTIONS requests.',
  linkOnRedirect: 'SHOULD expose link to the linkset in an HTTP Link header, even when redirecting.',
  legacyLinkHeaders:
    'The inclusion of all possible links in the HTTP Link header was deprecated in version 1.0.0 of the GS1-Conformant resolver standard, February 2024',
  reportWith400:
    'SHALL extract and syntactically validate the URI in accordance with sections 2 and 4.3.1, and report errors with an HTTP response code of 400.',
  noErrorWith200:
    'SHALL NOT use a 200 OK response code with a resource that indicates an error condition (section 4.3).',
  notFoundIs404:
    'SHALL NOT use a 200 OK response code with a resource that indicates an error condition (section 4.3). (an identifier the resolver holds nothing for is 404)',
  trailingSlash:
    'SHOULD tolerate trailing slashes at the end of GS1 Digital Link URIs, i.e. the resolver SHOULD NOT fail if one is present.',
  basicWalkUp: 'For each supported primary key, a resolver SHALL support all its key qualifiers.',
  decompress:
    'SHALL be able to decompress a URI to generate a GS1 Digital Link URI, in accordance with GS1 Digital Link: Compression [DL-Compression].',
  sameAs:
    'If handling a compressed request URI, it SHALL expose the uncompressed URI in the Link response header with a rel value of owl:sameAs.',
  anchorUncompressed: 'The URI used as the subject of facts presented SHALL be the uncompressed version.',
  qsPassedOn:
    'By default, SHALL pass on all key=value pairs in the query string of the request URI (if present) when redirecting.',
  qsPassedOnAllTypes:
    'By default, SHALL pass on all key=value pairs in the query string of the request URI (if present) when redirecting. (to every link type)',
  ltLinksetNoRedirect:
    'On receiving a request for the linkset, by setting the linkType parameter to linkset, the resolver SHALL NOT redirect the query and SHALL return the linkset.',
  ltAllNoRedirect:
    'SHALL respond to a query parameter of linkType set to all by returning a list of links available to the client application. (deprecated in favour of linkType=linkset)',
  ltAcceptHeader:
    'On receiving a request for the linkset, by setting the HTTP Accept Header to application/linkset+json, the resolver SHALL NOT redirect the query and SHALL return the linkset.',
  linksetNotFound:
    'SHALL NOT use a 200 OK response code with a resource that indicates an error condition (section 4.3). (no linkset for an unknown identifier)',
  validLinkset:
    'Linkset JSON schema: a JSON schema against which linksets returned from a GS1-Conformant resolver SHALL validate.',
  declaredContentType:
    'If the HTTP Accept header is application/linkset+json, the resolver SHALL return the linkset serialised as JSON as defined by RFC9264',
  linksetJsonldCheck:
    'When requesting the linkset the HTTP response headers SHOULD include a Link header pointing to a JSON-LD context file',
  varyAccept:
    'The answer depends on Accept (content negotiation), so it SHOULD say so in Vary (RFC 9110 §12.5.5).',
  levelsIncluded:
    'If the request GS1 Digital Link URI includes one or more key qualifiers, any links associated with each level up to the primary key SHALL be included.',
  defaultLinkExists:
    'For each identified entity there SHALL be exactly one default link, the list of link types for which SHALL include gs1:defaultLink.',
  defaultLinkNoOptional:
    'This default is defined without any of the optional attributes, that is, it SHALL include a title, but SHALL NOT include other attributes.',
  defaultTargetDescribed:
    'For each identified entity there SHALL be exactly one default link, the list of link types for which SHALL include gs1:defaultLink. (its target is also listed under a descriptive link type)',
  linksHaveTitle:
    'All links exposed SHALL include the target URL, the link relationship type (the link type) and a human-readable title',
  defaultTarget:
    'SHALL recognise one available link as the default for any given request URI. SHALL redirect to the default link unless there is information in the request that can be matched against available link metadata to provide a better response.',
  linkTypeRedirect: 'SHALL redirect to the requested linkType if available',
  specificLinkTypeNotFound:
    'If the requested type of link is not available, the resolver SHALL return a 404 Not Found message.',
  multipleChoices:
    'Where it is impossible to determine which of multiple links of the same link type is the best match, the resolver should return the list of the available links of that type with an HTTP response code of 300 Multiple Choices.',
} as const;
export type CheckId = keyof typeof CLAUSES;

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string; httpVersion: string };

export type RunOptions = {
  /** Trusted CA (PEM) for an HTTPS resolver with its own certificate. */ ca?: string;
};

function fetchRaw(
  url: string,
  opts: RunOptions,
  method = 'GET',
  headers: Record<string, string> = {},
): Promise<Answer> {
  const u = new URL(url);
  const lib = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      u,
      { method, headers: { Origin: 'https://conformance.example', ...headers }, ca: opts.ca, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, httpVersion: res.httpVersion }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** RFC 8288 Link header values: each target with its parameters (lower-case names, unquoted values). */
export function parseLinkHeader(
  value: string | undefined,
): { href: string; params: Record<string, string> }[] {
  if (!value) return [];
  const out: { href: string; params: Record<string, string> }[] = [];
  for (const m of value.matchAll(/<([^>]*)>((?:\s*;\s*[^;,=\s]+\s*=\s*(?:"[^"]*"|[^;,\s]*))*)/g)) {
    const params: Record<string, string> = {};
    for (const p of m[2]!.matchAll(/;\s*([^;,=\s]+)\s*=\s*("[^"]*"|[^;,\s]*)/g))
      params[p[1]!.toLowerCase()] = p[2]!.replace(/^"|"$/g, '');
    out.push({ href: m[1]!, params });
  }
  return out;
}

const stripQuery = (url: string) => url.split('?')[0]!;
const withQuery = (url: string, q: string) => `${stripQuery(url)}?${q}`;

// ---- Linkset schema: the constraints of GS1's linkset JSON schema, restated. ----

const URL_PREFIX = /^https?:\/\/[a-zA-z0-9./]+/;
const LINK_TYPE_KEY = /^([a-z-]+$)|(^https?:\/\/[a-zA-z0-9./]+$)/;
const LINK_PROPS = new Set(['href', 'title', 'hreflang', 'type', 'context', 'fwqs', 'public']);

type LinkObject = { href: string; title: string; hreflang?: string[]; type?: string; context?: unknown[] };
type Context = { anchor: string; itemDescription: string; links: Map<string, LinkObject[]> };

export function linksetErrors(doc: unknown): string[] {
  const errors: string[] = [];
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return ['not an object'];
  const keys = Object.keys(doc);
  if (keys.length !== 1 || keys[0] !== 'linkset') errors.push('the only member must be linkset');
  const linkset = (doc as { linkset?: unknown }).linkset;
  if (!Array.isArray(linkset)) return [...errors, 'linkset is not an array'];
  for (const [i, ctx] of linkset.entries()) {
    if (typeof ctx !== 'object' || ctx === null) {
      errors.push(`/linkset/${i} not an object`);
      continue;
    }
    const c = ctx as Record<string, unknown>;
    if (typeof c.anchor !== 'string' || !URL_PREFIX.test(c.anchor)) errors.push(`/linkset/${i}/anchor`);
    if (typeof c.itemDescription !== 'string') errors.push(`/linkset/${i}/itemDescription`);
    for (const [k, v] of Object.entries(c)) {
      if (k === 'anchor' || k === 'itemDescription') continue;
      if (!LINK_TYPE_KEY.test(k)) errors.push(`/linkset/${i}: ${k} is not a link type`);
      if (!Array.isArray(v)) {
        errors.push(`/linkset/${i}/${k} not an array`);
        continue;
      }
      for (const [j, lo] of v.entries()) {
        const at = `/linkset/${i}/${k}/${j}`;
        if (typeof lo !== 'object' || lo === null) {
          errors.push(`${at} not an object`);
          continue;
        }
        const o = lo as Record<string, unknown>;
        for (const p of Object.keys(o)) if (!LINK_PROPS.has(p)) errors.push(`${at}: unexpected ${p}`);
        if (typeof o.href !== 'string' || !URL_PREFIX.test(o.href)) errors.push(`${at}/href`);
        if (typeof o.title !== 'string') errors.push(`${at}/title`);
        if (o.hreflang !== undefined) {
          const ok =
            Array.isArray(o.hreflang) &&
            o.hreflang.every((l) => typeof l === 'string' && /(^\w{2}$)|(^\w{2}-\w{2}$)/.test(l));
          if (!ok) errors.push(`${at}/hreflang`);
        }
        if (o.type !== undefined && (typeof o.type !== 'string' || !/\w+\/[-+.\w]+/.test(o.type)))
          errors.push(`${at}/type`);
        if (o.context !== undefined && !Array.isArray(o.context)) errors.push(`${at}/context`);
        for (const b of ['fwqs', 'public'] as const)
          if (o[b] !== undefined && typeof o[b] !== 'boolean') errors.push(`${at}/${b}`);
      }
    }
  }
  return errors;
}

/** Link types under `gs1:` whatever the GS1 host the resolver writes them with. */
function contextsOf(doc: { linkset: Record<string, unknown>[] }): Context[] {
  return doc.linkset.map((c) => {
    const links = new Map<string, LinkObject[]>();
    for (const [k, v] of Object.entries(c))
      if (k !== 'anchor' && k !== 'itemDescription')
        links.set(k.replace(GS1_VOC_HOSTS, 'gs1:'), v as LinkObject[]);
    return { anchor: c.anchor as string, itemDescription: c.itemDescription as string, links };
  });
}

// ---- Resolver description file: the constraints of GS1's description-file schema, restated. ----

const PRIMARY_KEY_VALUES = new Set(
  'all 01 8006 8013 8010 410 411 412 413 414 415 417 8017 8018 255 00 253 401 402 8003 8004'.split(' '),
);

export function descriptionErrors(doc: unknown): string[] {
  if (typeof doc !== 'object' || doc === null) return ['not an object'];
  const d = doc as Record<string, unknown>;
  const errors: string[] = [];
  if (typeof d.resolverRoot !== 'string' || !URL.canParse(d.resolverRoot)) errors.push('resolverRoot');
  if (
    !Array.isArray(d.supportedPrimaryKeys) ||
    !d.supportedPrimaryKeys.every((k) => PRIMARY_KEY_VALUES.has(k))
  )
    errors.push('supportedPrimaryKeys');
  if (d.name !== undefined && typeof d.name !== 'string') errors.push('name');
  if (d.supportedLinkType !== undefined) {
    const ok =
      Array.isArray(d.supportedLinkType) &&
      d.supportedLinkType.every(
        (t: { namespace?: unknown; prefix?: unknown }) =>
          (t.namespace === undefined || (typeof t.namespace === 'string' && URL.canParse(t.namespace))) &&
          (t.prefix === undefined ||
            (typeof t.prefix === 'string' && /^[a-zA-Z_][A-Za-z0-9_-]*?:$/.test(t.prefix))),
      );
    if (!ok) errors.push('supportedLinkType');
  }
  if (d.linkTypeDefaultCanBeLinkset !== undefined && typeof d.linkTypeDefaultCanBeLinkset !== 'boolean')
    errors.push('linkTypeDefaultCanBeLinkset');
  return errors;
}

// ---- Compression (GS1 Digital Link: Compression), the encoding side, for AI 414 and 254. ----

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const nibbles = (digits: string) => [...digits].map((d) => Number(d).toString(2).padStart(4, '0')).join('');
const numberBits = (digits: string) =>
  BigInt(digits)
    .toString(2)
    .padStart(Math.ceil(digits.length * Math.log2(10)), '0');

function alphanumericBits(value: string, maxLength: number): string {
  const length = value.length.toString(2).padStart(maxLength.toString(2).length, '0');
  if (/^\d+$/.test(value)) return `000${length}${numberBits(value)}`;
  if (/^[0-9A-F]+$/.test(value))
    return `010${length}${[...value].map((ch) => parseInt(ch, 16).toString(2).padStart(4, '0')).join('')}`;
  if (/^[0-9a-f]+$/.test(value))
    return `001${length}${[...value].map((ch) => parseInt(ch, 16).toString(2).padStart(4, '0')).join('')}`;
  if (/^[A-Za-z0-9_-]+$/.test(value))
    return `011${length}${[...value].map((ch) => B64.indexOf(ch).toString(2).padStart(6, '0')).join('')}`;
  return `100${length}${[...value].map((ch) => ch.charCodeAt(0).toString(2).padStart(7, '0')).join('')}`;
}

/** The compressed path segment of /414/{gln}[/254/{ext}]; with an extension, the 414+254 run (code 9D). */
export function compressGlnPath(gln: string, ext?: string): string {
  const bits = ext
    ? `${nibbles('9')}1101${alphanumericBits(ext, 20)}${numberBits(gln)}`
    : `${nibbles('414')}${numberBits(gln)}`;
  const padded = bits.padEnd(Math.ceil(bits.length / 6) * 6, '0');
  return padded
    .match(/.{6}/g)!
    .map((b) => B64[Number.parseInt(b, 2)])
    .join('');
}

// ---- The run. ----

export async function runConformance(
  dl: string,
  opts: RunOptions = {},
): Promise<{ mode: RunMode; checks: Check[] }> {
  const checks: Check[] = [];
  const record = (id: CheckId, status: Status, msg: string) =>
    checks.push({ id, clause: CLAUSES[id], status, msg });
  const get = (url: string, headers?: Record<string, string>) => fetchRaw(url, opts, 'GET', headers);
  const url = new URL(dl);
  const root = url.origin;

  record('isHttps', url.protocol === 'https:' ? 'pass' : 'warn', `scheme ${url.protocol}`);

  // The description file, whatever the URI.
  const rd = await get(`${root}/.well-known/gs1resolver`, { Accept: 'application/json' });
  let rdDoc: Record<string, unknown> = {};
  try {
    rdDoc = JSON.parse(rd.body);
  } catch {}
  const rdErrors = rd.status === 200 ? descriptionErrors(rdDoc) : [`HTTP ${rd.status}`];
  record('rdFile', rdErrors.length === 0 ? 'pass' : 'fail', rdErrors.join(', ') || 'valid');
  record(
    'rdContext',
    typeof rdDoc.jsonLdContextLocation === 'string' && URL.canParse(rdDoc.jsonLdContextLocation)
      ? 'pass'
      : 'warn',
    `jsonLdContextLocation: ${String(rdDoc.jsonLdContextLocation)}`,
  );

  // CORS and methods on the URI itself (a preflight as a browser sends it).
  const pre = await fetchRaw(dl, opts, 'OPTIONS', { 'Access-Control-Request-Method': 'GET' });
  record('corsCheck', pre.headers['access-control-allow-origin'] ? 'pass' : 'fail', `status ${pre.status}`);
  const methods = String(pre.headers['access-control-allow-methods'] ?? '')
    .split(',')
    .map((m) => m.trim().toUpperCase())
    .filter(Boolean);
  record(
    'methodsCheck',
    ['GET', 'HEAD', 'OPTIONS'].every((m) => methods.includes(m)) ? 'pass' : 'fail',
    `Access-Control-Allow-Methods: ${methods.join(', ')}`,
  );
  record(
    'methodsReadOnly',
    methods.every((m) => ['GET', 'HEAD', 'OPTIONS'].includes(m)) ? 'pass' : 'fail',
    `Access-Control-Allow-Methods: ${methods.join(', ')}`,
  );

  const plain = await get(dl);
  record('httpVersion', Number(plain.httpVersion) >= 1.1 ? 'pass' : 'fail', `HTTP/${plain.httpVersion}`);
  const head = await fetchRaw(dl, opts, 'HEAD');
  record(
    'headCheck',
    head.status === plain.status && head.body === '' && head.headers.location === plain.headers.location
      ? 'pass'
      : 'fail',
    `HEAD ${head.status}, GET ${plain.status}`,
  );

  // Trailing slash: the same answer with and without.
  const bare = stripQuery(dl).replace(/\/$/, '');
  const [noSlash, slash] = [await get(bare), await get(`${bare}/`)];
  record(
    'trailingSlash',
    noSlash.status === slash.status && noSlash.headers.location === slash.headers.location ? 'pass' : 'warn',
    `${noSlash.status} / ${slash.status}`,
  );

  const parsed = parseDigitalLink(dl);
  record(
    'validDL',
    parsed.ok ? 'pass' : 'warn',
    parsed.ok ? 'a GS1 Digital Link URI' : `not one: ${parsed.error.code}`,
  );
  if (!parsed.ok) {
    // A malformed URI: the resolver must say so, with 400 and never 200.
    record('reportWith400', plain.status === 400 ? 'pass' : 'fail', `HTTP ${plain.status}`);
    record('noErrorWith200', plain.status !== 200 ? 'pass' : 'fail', `HTTP ${plain.status}`);
    return { mode: 'malformed', checks };
  }

  // A made-up error: the valid URI with a stray segment.
  const broken = await get(`${bare}/foo`);
  record('reportWith400', broken.status === 400 ? 'pass' : 'fail', `HTTP ${broken.status} for ${bare}/foo`);
  record('noErrorWith200', broken.status !== 200 ? 'pass' : 'fail', `HTTP ${broken.status}`);

  // Compression: the same answer for the compressed form, which names the uncompressed one.
  const key = parsed.primaryKey;
  // A Digital Link URI always has one (only element strings may lack it).
  if (!key) throw new Error(`no primary key in ${dl}`);
  const ext = parsed.qualifiers.find((q) => q.ai === '254')?.value;
  // The request as an uncompressed path from the root, for any primary key and its qualifiers.
  const uncompressed = `${root}/${key.ai}/${key.value}${parsed.qualifiers.map((q) => `/${q.ai}/${encodeURIComponent(q.value)}`).join('')}`;
  if (key.ai === '414') {
    const compressed = await get(`${root}/${compressGlnPath(key.value, ext)}`);
    record(
      'decompress',
      compressed.status === noSlash.status && compressed.headers.location === noSlash.headers.location
        ? 'pass'
        : 'fail',
      `compressed ${compressed.status} ${compressed.headers.location ?? ''}, uncompressed ${noSlash.status} ${noSlash.headers.location ?? ''}`,
    );
    const same = parseLinkHeader(compressed.headers.link as string).find((l) =>
      /^(owl:sameAs|http:\/\/www\.w3\.org\/2002\/07\/owl#sameAs)$/.test(l.params.rel ?? ''),
    );
    record('sameAs', same?.href === uncompressed ? 'pass' : 'fail', `owl:sameAs ${same?.href ?? 'absent'}`);
  }

  const linksetByParam = await get(withQuery(bare, 'linkType=linkset'));
  if (noSlash.status === 404) {
    // Valid, but the resolver holds nothing for it: "not found", never a 200 and no linkset.
    record('notFoundIs404', 'pass', 'HTTP 404');
    record(
      'linksetNotFound',
      linksetByParam.status === 404 ? 'pass' : 'fail',
      `HTTP ${linksetByParam.status}`,
    );
    return { mode: 'unknown', checks };
  }

  const links = parseLinkHeader(plain.headers.link as string);
  record(
    'linkOnRedirect',
    links.some((l) => l.params.rel === 'linkset') ? 'pass' : 'warn',
    String(plain.headers.link ?? 'no Link header'),
  );
  record(
    'legacyLinkHeaders',
    links.some((l) => (l.params.rel ?? '').startsWith('gs1:')) ? 'warn' : 'pass',
    `${links.length} links in the header`,
  );

  if (key.ai === '414') {
    const walk = await get(`${root}/414/${key.value}/254/KL8G`);
    record('basicWalkUp', walk.status !== 404 ? 'pass' : 'fail', `HTTP ${walk.status} for an unknown 254`);
  }

  record(
    'ltLinksetNoRedirect',
    linksetByParam.status === 200 ? 'pass' : 'fail',
    `HTTP ${linksetByParam.status}`,
  );
  const byAll = await get(withQuery(bare, 'linkType=all'));
  record('ltAllNoRedirect', byAll.status === 200 ? 'warn' : 'fail', 'linkType=all works; it is deprecated');
  const byAccept = await get(bare, { Accept: 'application/linkset+json' });
  record('ltAcceptHeader', byAccept.status === 200 ? 'pass' : 'fail', `HTTP ${byAccept.status}`);
  record(
    'declaredContentType',
    String(byAccept.headers['content-type'] ?? '').startsWith('application/linkset+json') ? 'pass' : 'fail',
    String(byAccept.headers['content-type']),
  );
  record(
    'linksetJsonldCheck',
    parseLinkHeader(byAccept.headers.link as string).some(
      (l) =>
        l.params.rel === JSONLD_CONTEXT_REL &&
        l.params.type === 'application/ld+json' &&
        URL.canParse(l.href),
    )
      ? 'pass'
      : 'warn',
    String(byAccept.headers.link ?? 'no Link header'),
  );
  record(
    'varyAccept',
    /\baccept\b/i.test(String(byAccept.headers.vary ?? '')) &&
      /\baccept\b/i.test(String(plain.headers.vary ?? ''))
      ? 'pass'
      : 'warn',
    `Vary: ${byAccept.headers.vary ?? ''}`,
  );

  let doc: unknown;
  try {
    doc = JSON.parse(byAccept.body);
  } catch {}
  const schemaErrors = linksetErrors(doc);
  record('validLinkset', schemaErrors.length === 0 ? 'pass' : 'fail', schemaErrors.join('; ') || 'valid');
  if (schemaErrors.length > 0) return { mode: 'resolvable', checks };
  const contexts = contextsOf(doc as { linkset: Record<string, unknown>[] });

  // Every level from the request URI up to the primary key has its anchor.
  const levels: string[] = [];
  let level = stripQuery(uncompressed);
  for (;;) {
    levels.push(level);
    const segs = new URL(level).pathname.split('/').filter(Boolean);
    if (segs.length <= 2) break;
    level = `${root}/${segs.slice(0, -2).join('/')}`;
  }
  // From outside, a level with no links of its own cannot be told from a missing one; what can be
  // checked is that the primary key's level is there and that no anchor is foreign to the request.
  record(
    'levelsIncluded',
    contexts.some((c) => c.anchor === levels.at(-1)) && contexts.every((c) => levels.includes(c.anchor))
      ? 'pass'
      : 'fail',
    `anchors: ${contexts.map((c) => c.anchor).join(' ')}`,
  );
  record(
    'anchorUncompressed',
    contexts.every((c) => parseDigitalLink(c.anchor).ok) ? 'pass' : 'fail',
    contexts.map((c) => c.anchor).join(' '),
  );
  record(
    'linksHaveTitle',
    contexts.every((c) => [...c.links.values()].flat().every((l) => l.href && l.title?.trim()))
      ? 'pass'
      : 'fail',
    'every link has href and title',
  );

  // The most specific level wins for each link type (the suite walks up the same way).
  const effective = new Map<string, LinkObject[]>();
  for (const l of levels)
    for (const c of contexts.filter((x) => x.anchor === l))
      for (const [type, los] of c.links) if (!effective.has(type)) effective.set(type, los);

  const defaults = effective.get('gs1:defaultLink') ?? [];
  record('defaultLinkExists', defaults.length === 1 ? 'pass' : 'fail', `${defaults.length} default links`);
  const def = defaults[0];
  if (def) {
    const extras = Object.keys(def).filter((k) => k !== 'href' && k !== 'title');
    record(
      'defaultLinkNoOptional',
      extras.length === 0 && def.title ? 'pass' : 'fail',
      `attributes: ${Object.keys(def).join(', ')}`,
    );
    const describedBy = [...effective]
      .filter(([t]) => t !== 'gs1:defaultLink')
      .filter(([, los]) => los.some((lo) => lo.href === def.href))
      .map(([t]) => t);
    record(
      'defaultTargetDescribed',
      describedBy.length > 0 ? 'pass' : 'fail',
      describedBy.length ? `also under ${describedBy.join(', ')}` : 'default target under no other link type',
    );
    record(
      'defaultTarget',
      noSlash.headers.location === def.href ? 'pass' : 'fail',
      `Location ${noSlash.headers.location ?? 'none'}, default ${def.href}`,
    );
  }

  // Each link type redirects to its link; with several, the request's Accept and
  // Accept-Language pick one (the suite sends a link's type and first language).
  const failures: string[] = [];
  const qsMisses: string[] = [];
  const sameAttributes = (a: LinkObject, b: LinkObject) =>
    a.type === b.type &&
    JSON.stringify(a.hreflang ?? []) === JSON.stringify(b.hreflang ?? []) &&
    JSON.stringify(a.context ?? []) === JSON.stringify(b.context ?? []);
  for (const [type, los] of effective) {
    // Links a request cannot tell apart: the resolver should offer them all (300).
    const twins = los.filter((a) => los.some((b) => a !== b && sameAttributes(a, b)));
    if (twins.length > 0) {
      const res = await get(withQuery(bare, `linkType=${encodeURIComponent(type)}`), {
        ...(twins[0]!.type ? { Accept: twins[0]!.type } : {}),
        ...(twins[0]!.hreflang?.[0] ? { 'Accept-Language': twins[0]!.hreflang[0] } : {}),
      });
      record('multipleChoices', res.status === 300 ? 'pass' : 'warn', `${type}: HTTP ${res.status}`);
    }
    for (const lo of los.filter((l) => !twins.includes(l))) {
      const headers: Record<string, string> = {};
      if (los.length > 1) {
        if (lo.type) headers.Accept = lo.type;
        if (lo.hreflang?.[0]) headers['Accept-Language'] = lo.hreflang[0];
      }
      const res = await get(withQuery(bare, `linkType=${encodeURIComponent(type)}`), headers);
      const location = String(res.headers.location ?? '');
      const hrefNoLinkType = (u: string) => {
        const x = new URL(u);
        x.searchParams.delete('linkType');
        return x.href;
      };
      if (
        res.status < 300 ||
        res.status > 399 ||
        !location ||
        hrefNoLinkType(location) !== hrefNoLinkType(lo.href)
      )
        failures.push(`${type} ${lo.type ?? ''} → ${res.status} ${location}`);
      const withFoo = await get(withQuery(bare, `linkType=${encodeURIComponent(type)}&foo=bar`), headers);
      if (!String(withFoo.headers.location ?? '').includes('foo=bar')) qsMisses.push(type);
    }
  }
  record(
    'linkTypeRedirect',
    failures.length === 0 ? 'pass' : 'fail',
    failures.join('; ') || `${effective.size} link types`,
  );
  record(
    'qsPassedOnAllTypes',
    qsMisses.length === 0 ? 'pass' : 'fail',
    qsMisses.length ? `not passed on for ${qsMisses.join(', ')}` : 'passed on for every link type',
  );
  const foo = await get(withQuery(bare, 'foo=bar'));
  record(
    'qsPassedOn',
    String(foo.headers.location ?? '').includes('foo=bar') ? 'pass' : 'fail',
    `Location ${foo.headers.location ?? 'none'}`,
  );
  const none = await get(withQuery(bare, 'linkType=gs1:nosuchlt'));
  record('specificLinkTypeNotFound', none.status === 404 ? 'pass' : 'fail', `HTTP ${none.status}`);

  return { mode: 'resolvable', checks };
}
