// The XML of what docx's components prepare (`{ "w:p": [{ _attr: {…} }, { "w:r": … }] }`),
// written in one pass into one string. docx 9.15's own writer (stringifyXmlable in
// its src/util/xml/stringify.ts) first resolves every element into arrays of
// attribute and content strings, then joins them level by level: two arrays, a
// closure and several strings per element, for the tens of thousands of elements of
// a DOCX. This writes the same bytes, quirks included (a string among an element's
// children replaces the child before it; a null value writes an empty element),
// for docx's unindented output, the only one km-docs asks for.

/** A prepared element: one key, the tag; its value the attributes and children. */
type Prepared = Record<string, unknown>;

/** The name under which a prepared tree may carry XML written before (see `raw`). */
export const RAW_XML = '\u0000km-docs raw xml';

/** A prepared element that is `xml` itself, written as it is (by this writer only). */
export function raw(xml: string): Prepared {
  return { [RAW_XML]: xml };
}

const NEEDS_ESCAPE = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
const ESCAPED = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const entity = (char: string) => ENTITIES[char] ?? '';

/** docx's escapeValue: strings escaped (control characters dropped), other values as they are. */
function escaped(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPED, entity) : value;
}

function attributesOf(attributes: Record<string, unknown>): string {
  let out = '';
  for (const key of Object.keys(attributes)) out += ` ${key}="${escaped(attributes[key])}"`;
  return out;
}

/** The first key of an object, as docx reads an element's tag (Object.keys(data)[0]). */
function tagOf(data: Prepared): string | undefined {
  for (const key in data) if (Object.hasOwn(data, key)) return key;
  return undefined;
}

const isAttributes = (value: object) => tagOf(value as Prepared) === '_attr';

/** The XML of one prepared element. */
export function xmlOf(data: Prepared): string {
  const name = tagOf(data);
  if (name === RAW_XML) return data[RAW_XML] as string;
  const values = name === undefined ? undefined : data[name];
  const open = name ? `<${name}` : '';
  if (typeof values !== 'object') return `${open}${name ? '>' : ''}${values === undefined ? '' : escaped(values)}${name ? `</${name}>` : ''}`;
  if (values === null) return `${open}/>`;
  let attributes = '';
  const { _attr: attr, _cdata: cdata } = values as { _attr?: Record<string, unknown>; _cdata?: string };
  if (attr) attributes += attributesOf(attr);
  const cdataXml = cdata ? `<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>` : '';
  if (!Array.isArray(values)) return cdataXml ? `${open}${attributes}${name ? '>' : ''}${cdataXml}${name ? `</${name}>` : ''}` : `${open}${attributes}/>`;

  // docx's content list, written as it grows: "" first; each child element is
  // pushed; a string (or number) pops the entry before it and takes its place. A
  // pop always follows a push, so only the last entry's length is needed.
  let body = cdataXml;
  let last = 0;
  for (const value of values) {
    if (typeof value !== 'object') {
      const text = value === undefined ? '' : escaped(value);
      body = body.slice(0, body.length - last) + text;
      last = text.length;
    } else if (isAttributes(value as object)) attributes += attributesOf((value as { _attr: Record<string, unknown> })._attr);
    else {
      const child = xmlOf(value as Prepared);
      body += child;
      last = child.length;
    }
  }
  return `${open}${attributes}${name ? '>' : ''}${body}${name ? `</${name}>` : ''}`;
}
