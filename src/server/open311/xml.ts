// The XML half of Open311's formats: a value (what a route answers as JSON) written as elements.
// Written here rather than taken from a package because the mapping is Open311's own (arrays
// become a wrapper element holding one named element per item) and the rules that matter are
// few: legal element names, escaped text, and no character XML 1.0 forbids.

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/** What a whole answer is called: its root element, and each item's element when it is a list. */
export type XmlPlan = { root: string; item: string };

/**
 * The element for each item of a list found under a field, by the field's name: Open311's own
 * (`attributes`/`attribute`, `values`/`value`, `endpoints`/`endpoint`, `formats`/`format`) and
 * this service's extensions. A list under any other field holds `<value>` elements.
 */
const ITEM_OF: Record<string, string> = {
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  notes: 'note',
  media_urls: 'media_url',
};

const NAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;
// XML 1.0's Char production: anything outside it cannot appear in a document, escaped or not,
// so it is replaced (a stray control character in a description must not break the answer).
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

function element(name: string, value: unknown, out: string[]): void {
  // Field names are this service's own (attribute codes included); one that is not a legal XML
  // name is a programming error, and writing it anyway would hand clients a broken document.
  if (!NAME.test(name)) throw new Error(`not an XML element name: ${name}`);
  if (value === undefined) return;
  if (value === null) {
    out.push(`<${name}/>`);
    return;
  }
  if (Array.isArray(value)) {
    const item = ITEM_OF[name] ?? 'value';
    out.push(`<${name}>`);
    for (const v of value) element(item, v, out);
    out.push(`</${name}>`);
    return;
  }
  if (typeof value === 'object') {
    out.push(`<${name}>`);
    for (const [k, v] of Object.entries(value)) element(k, v, out);
    out.push(`</${name}>`);
    return;
  }
  out.push(`<${name}>${escapeXml(String(value))}</${name}>`);
}

/** A whole document: the declaration, then the root holding the list's items or the object's fields. */
export function toXml(value: unknown, plan: XmlPlan): string {
  const out: string[] = [XML_DECLARATION, '\n', `<${plan.root}>`];
  if (Array.isArray(value)) for (const v of value) element(plan.item, v, out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) element(k, v, out);
  out.push(`</${plan.root}>\n`);
  return out.join('');
}
