import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';
import type { Harness } from './harness.ts';

// The XML side of Open311, checked with a real parser (fast-xml-parser): each answer must be
// well formed, start with the declaration, and hold exactly the elements its shape allows, in
// the nesting Open311 gives them. The checked document is also read back into plain values, so
// a test can require that the XML answer says what the JSON answer says.
//
// Shape notation: 'text' is an element holding only text; an object lists the child elements
// allowed (a name ending in '!' must be present); [shape] is an element that may repeat; 'any'
// holds whatever a category's evidence fields are (text, or a list of <value>).

type Shape = 'text' | 'any' | { [name: string]: Shape | [Shape] };

const NOTE: Shape = {
  'type!': 'text',
  'datetime!': 'text',
  'author!': 'text',
  'text!': 'text',
  substatus: 'text',
  enforcement_stage: 'text',
  // A note the service writes carries a code and its parameters; readers word it in their language.
  code: 'text',
  params: 'any',
};
const PUBLIC_REQUEST: Shape = {
  'service_request_id!': 'text',
  'status!': 'text',
  'substatus!': 'text',
  status_notes: 'text',
  'service_code!': 'text',
  'service_name!': 'text',
  description: 'text',
  'agency_responsible!': 'text',
  'service_notice!': 'text',
  'requested_datetime!': 'text',
  'updated_datetime!': 'text',
  'expected_datetime!': 'text',
  address_id: 'text',
  address: 'text',
  lat: 'text',
  long: 'text',
  media_url: 'text',
  media_urls: { media_url: ['text'] },
  'escalated!': 'text',
  'enforcement_stage!': 'text',
  'supporters!': 'text',
  'notes!': { note: [NOTE] },
};
const FULL_REQUEST: Shape = {
  ...PUBLIC_REQUEST,
  agency_phone: 'text',
  attribute: 'any',
};

export const SHAPES = {
  errors: { errors: { 'error!': [{ 'code!': 'text', 'description!': 'text' }] } },
  discovery: {
    discovery: {
      'changeset!': 'text',
      'contact!': 'text',
      'key_service!': 'text',
      'endpoints!': {
        'endpoint!': [
          {
            'specification!': 'text',
            'url!': 'text',
            'changeset!': 'text',
            'type!': 'text',
            'formats!': { 'format!': ['text'] },
          },
        ],
      },
    },
  },
  services: {
    services: {
      'service!': [
        {
          'service_code!': 'text',
          'service_name!': 'text',
          'description!': 'text',
          'metadata!': 'text',
          'type!': 'text',
          'keywords!': 'text',
          'group!': 'text',
          legal_basis: 'text',
          'needs_location!': 'text',
        },
      ],
    },
  },
  serviceDefinition: {
    service_definition: {
      'service_code!': 'text',
      'attributes!': {
        attribute: [
          {
            'variable!': 'text',
            'code!': 'text',
            'datatype!': 'text',
            'required!': 'text',
            'datatype_description!': 'text',
            'order!': 'text',
            'description!': 'text',
            values: { value: [{ 'key!': 'text', 'name!': 'text' }] },
          },
        ],
      },
    },
  },
  created: {
    service_requests: {
      'request!': [
        {
          'service_request_id!': 'text',
          'access_token!': 'text',
          'service_notice!': 'text',
          'expected_datetime!': 'text',
          'agency_responsible!': 'text',
        },
      ],
    },
  },
  publicRequests: { service_requests: { request: [PUBLIC_REQUEST] } },
  fullRequests: { service_requests: { 'request!': [FULL_REQUEST] } },
  tokens: { service_requests: { 'request!': [{ 'service_request_id!': 'text', 'token!': 'text' }] } },
  updateFeed: {
    service_request_updates: {
      request_update: [
        {
          'update_id!': 'text',
          'service_request_id!': 'text',
          'status!': 'text',
          'updated_datetime!': 'text',
          'description!': 'text',
        },
      ],
    },
  },
  fmsUpdateCreated: { service_request_updates: { 'request_update!': [{ 'update_id!': 'text' }] } },
  appUpdateCreated: {
    service_request_updates: {
      'request_update!': [
        {
          'service_request_update_id!': 'text',
          'service_request_id!': 'text',
          'updated_datetime!': 'text',
          'request!': FULL_REQUEST,
        },
      ],
    },
  },
} satisfies Record<string, Shape>;

type Node = Record<string, unknown>;
const parser = new XMLParser({ preserveOrder: true, parseTagValue: false, trimValues: false });

const nameOf = (n: Node) => Object.keys(n).find((k) => k !== ':@')!;

function textOf(children: Node[], path: string): string {
  for (const c of children)
    if (nameOf(c) !== '#text') throw new Error(`${path}: expected text only, found <${nameOf(c)}>`);
  return children.map((c) => String(c['#text'])).join('');
}

function anyValue(children: Node[], path: string): unknown {
  const elements = children.filter((c) => nameOf(c) !== '#text');
  if (elements.length === 0) return textOf(children, path);
  if (elements.every((c) => nameOf(c) === 'value'))
    return elements.map((c) => textOf(c.value as Node[], `${path}/value`));
  return Object.fromEntries(elements.map((c) => [nameOf(c), anyValue(c[nameOf(c)] as Node[], path)]));
}

function check(children: Node[], shape: Shape, path: string): unknown {
  if (shape === 'text') return textOf(children, path);
  if (shape === 'any') return anyValue(children, path);
  const out: Record<string, unknown> = {};
  const allowed = new Map(Object.entries(shape).map(([k, v]) => [k.replace(/!$/, ''), v]));
  for (const c of children) {
    const name = nameOf(c);
    if (name === '#text') {
      if (String(c['#text']).trim()) throw new Error(`${path}: stray text`);
      continue;
    }
    const child = allowed.get(name);
    if (!child) throw new Error(`${path}: <${name}> is not allowed here`);
    const inner = c[name] as Node[];
    if (Array.isArray(child)) {
      const items = (out[name] as unknown[] | undefined) ?? [];
      items.push(check(inner, child[0]!, `${path}/${name}`));
      out[name] = items;
    } else {
      if (name in out) throw new Error(`${path}: <${name}> repeats`);
      out[name] = check(inner, child, `${path}/${name}`);
    }
  }
  for (const k of Object.keys(shape))
    if (k.endsWith('!') && !(k.slice(0, -1) in out)) throw new Error(`${path}: <${k.slice(0, -1)}> missing`);
  return out;
}

/** Checks one XML answer against its shape and returns its content as plain values. */
export function checkXml(text: string, shape: Shape): Record<string, unknown> {
  // Open311, Encoding: "the root element must be preceded with the XML declaration including
  // the encoding ... attribute".
  expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  expect(XMLValidator.validate(text)).toBe(true);
  const doc = (parser.parse(text) as Node[]).filter((n) => nameOf(n) !== '?xml' && nameOf(n) !== '#text');
  if (doc.length !== 1) throw new Error('expected exactly one root element');
  const root = nameOf(doc[0]!);
  const rootShape = (shape as Record<string, Shape>)[root];
  if (!rootShape) throw new Error(`unexpected root <${root}>`);
  return { [root]: check(doc[0]![root] as Node[], rootShape, root) };
}

/** Open311's lists and their items' element names (and this service's two extensions). */
const LISTS: Record<string, string> = {
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  notes: 'note',
  media_urls: 'media_url',
};

/**
 * A JSON answer as its XML reads back: numbers and booleans as text, null as empty, each Open311
 * list as a wrapper holding its items (an empty one holds nothing).
 */
export function asXmlText(value: unknown): unknown {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map(asXmlText);
  if (typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as object).map(([k, v]) => {
        const item = LISTS[k];
        if (item && Array.isArray(v)) return [k, v.length ? { [item]: v.map(asXmlText) } : {}];
        return [k, asXmlText(v)];
      }),
    );
  return String(value);
}

/** A JSON list answer as its XML document reads back. */
export const listOf = (root: string, item: string) => (json: unknown) =>
  ({ [root]: (json as unknown[]).length ? { [item]: json } : {} }) as unknown;
/** A JSON object answer as its XML document reads back. */
export const objectAs = (root: string) => (json: unknown) => ({ [root]: json });

/** Answers in XML: the status, content type and the checked content. */
export async function xmlAnswer(res: Response, shape: Shape) {
  const text = await res.text();
  expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
  return checkXml(text, shape);
}

/** The same resource in JSON and in XML; the XML must say what the JSON says. */
export async function bothFormats(
  h: Harness,
  path: string,
  shape: Shape,
  wrap: (json: unknown) => unknown,
  init?: RequestInit,
) {
  const jsonRes = await h.get(`${path.replace('{f}', 'json')}`, init);
  const xmlRes = await h.get(`${path.replace('{f}', 'xml')}`, init);
  expect(jsonRes.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(xmlRes.status).toBe(jsonRes.status);
  const json = await jsonRes.json();
  const xml = await xmlAnswer(xmlRes, shape);
  expect(xml).toEqual(wrap(asXmlText(json)));
  return { json, xml, status: jsonRes.status };
}
