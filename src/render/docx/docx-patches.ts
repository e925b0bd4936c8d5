// Speed patches of docx's internals, pinned to one docx version like the pdfmake
// patches: a docx upgrade stops the build with a message until this file is
// checked against it. Each patch writes exactly the XML docx writes.
import { createHash } from 'node:crypto';
import { EMPTY_OBJECT, ImageRun, type IImageOptions, isXmlComponent, NextAttributeComponent, Packer, XmlComponent } from 'docx';
import { vendor } from '../../vendor.js';
import { flattened } from '../../util/flat-string.js';
import { xmlOf } from './xml-writer.js';

export const PATCHED_DOCX_VERSION = '9.15.2';

interface AttributeEntry {
  key: string;
  value: unknown;
}

let applied = false;

export function applyDocxPatches(): void {
  if (applied) return;
  const version = vendor.docxVersion();
  if (version !== PATCHED_DOCX_VERSION) {
    throw new Error(`km-docs patches docx ${PATCHED_DOCX_VERSION}, but docx ${version} is installed: re-check src/render/docx/docx-patches.ts.`);
  }

  // Every element's attributes were gathered by spreading the object built so far
  // into a new one per attribute (quadratic, and an eighth of a DOCX's time).
  // One object filled in order has the same keys in the same order: a repeated
  // key keeps its first place and its last value, as the spread did.
  const prototype = NextAttributeComponent.prototype as unknown as { root: Record<string, AttributeEntry>; prepForXml(context: unknown): unknown };
  prototype.prepForXml = function prepAttributesInOnePass(this: { root: Record<string, AttributeEntry> }) {
    const attributes: Record<string, unknown> = {};
    for (const { key, value } of Object.values(this.root)) if (value !== undefined) attributes[key] = value;
    return { _attr: attributes };
  };

  // Every element's children were gathered with flatMap and then filter: two new
  // arrays and a callback per child, for each of a DOCX's tens of thousands of
  // elements (a twentieth of its time). One loop builds the same array: a child
  // that is a component gives what it prepares, its parts (writtenAs) one entry
  // each; an array given by either is spread one level, as flatMap does; and
  // undefined is left out, as the filter did.
  const element = XmlComponent.prototype as unknown as { prepForXml(context: PrepContext): unknown };
  element.prepForXml = function prepChildrenInOneLoop(this: { root: unknown[]; rootKey: string }, context: PrepContext) {
    context.stack.push(this);
    const children: unknown[] = [];
    for (const child of this.root) {
      if (!isXmlComponent(child)) addFlat(children, child);
      else {
        const parts = (child as { writtenAs?: { prepForXml(context: PrepContext): unknown }[] }).writtenAs;
        if (!parts) addFlat(children, child.prepForXml(context as never));
        else
          for (const part of parts) {
            const prepared = part.prepForXml(context);
            if (prepared !== undefined) children.push(prepared);
          }
      }
    }
    context.stack.pop();
    const only = children.length === 1 ? (children[0] as { _attr?: unknown } | null) : undefined;
    return { [this.rootKey]: children.length ? (only?._attr ? only : children) : EMPTY_OBJECT };
  };

  // Every part's prepared tree was written by docx's generic writer, which builds
  // arrays and strings per element and joins them level by level (a sixth of a
  // DOCX's time). The compiler's formatter now hands docx's writer the part's XML
  // written in one pass (xml-writer.ts, the same bytes) as the one thing docx's
  // writer copies unchanged: a non-object value under an empty tag, which it writes
  // as String(value) with no tag around it (and the XML declaration before it).
  partFormatter().format = formatAsWrittenXml;

  // The compiler looks for picture placeholders ({key}) in each part by collecting
  // every {…} in its XML with a regular expression, then keeps the media whose key
  // it found: a pass and a Set over the whole document for the one to three
  // pictures km-docs has, or none. Each picture's placeholder is looked for instead
  // (the same ones: a key has no braces, so every "{key}" in the XML is a match of
  // docx's expression, and every match is one).
  const replacer = Object.getPrototypeOf(imageReplacer()) as ImageReplacer;
  replacer.getMediaData = function mediaDataByKey(xml, media) {
    return media.Entries.filter(([key]) => xml.includes(`{${key}}`)).map(([key, { fileName }]) => ({ key, fileName }));
  };
  applied = true;
}

interface ImageReplacer {
  getMediaData(xml: string, media: { Entries: [string, { fileName: string }][] }): { key: string; fileName: string }[];
}

/** The compiler's image replacer (Packer.compiler.imageReplacer, docx 9.15). */
function imageReplacer(): ImageReplacer {
  const replacer = (Packer as unknown as { compiler?: { imageReplacer?: ImageReplacer } }).compiler?.imageReplacer;
  if (typeof replacer?.getMediaData !== 'function') throw new Error('docx no longer exposes Packer.compiler.imageReplacer: re-check src/render/docx/docx-patches.ts');
  return replacer;
}

function formatAsWrittenXml(this: PartFormatter, input: unknown, context?: unknown) {
  const key = typeof input === 'object' && input !== null ? keyOfPart.get(input) : undefined;
  let xml = key === undefined ? undefined : writtenParts.get(key);
  if (xml === undefined) {
    const prepare = (Object.getPrototypeOf(this) as PartFormatter).format;
    const prepared = prepare.call(this, input, context) as Record<string, unknown> | Record<string, unknown>[];
    xml = Array.isArray(prepared) ? prepared.map(xmlOf).join('') : xmlOf(prepared);
    if (key !== undefined) {
      if (writtenParts.size >= PARTS_KEPT) writtenParts.delete(writtenParts.keys().next().value!);
      writtenParts.set(key, flattened(xml));
    }
  }
  const written = xml;
  return { '': Object.assign(() => written, { toString: () => written }) };
}

/**
 * Parts whose XML depends only on what they were made from, by that (`key`): the
 * styles (docx's default styles and km-docs's type size, the same in every document
 * of a size), the theme and the notes. Preparing and writing them took ~2 ms a DOCX.
 */
const keyOfPart = new WeakMap<object, string>();
const writtenParts = new Map<string, string>();
/** A few type sizes, each with its styles. */
const PARTS_KEPT = 16;

/**
 * Lets the parts' formatter write `part` once for `key`: every later part given the
 * same key gets that XML without being prepared. `key` must say everything the
 * part's XML depends on.
 */
export function writePartOnceFor(part: object, key: string): void {
  keyOfPart.set(part, key);
}

/** Whether docx's compiler writes the parts with xml-writer.ts, the one writer that reads its raw elements. */
export function partsWrittenByXmlWriter(): boolean {
  return partFormatter().format === formatAsWrittenXml;
}

interface PartFormatter {
  format(input: unknown, context?: unknown): unknown;
}

/** The formatter docx's compiler turns each part's components into a prepared tree with (Packer.compiler.formatter, docx 9.15). */
export function partFormatter(): PartFormatter {
  const formatter = (Packer as unknown as { compiler?: { formatter?: PartFormatter } }).compiler?.formatter;
  if (!formatter) throw new Error('docx no longer exposes Packer.compiler.formatter: re-check src/render/docx/docx-patches.ts');
  return formatter;
}

interface PrepContext {
  stack: unknown[];
}

/** What flatMap then filter made of one child's value: an array spread one level, undefined left out. */
function addFlat(children: unknown[], value: unknown): void {
  if (!Array.isArray(value)) {
    if (value !== undefined) children.push(value);
  } else for (const item of value) if (item !== undefined) children.push(item);
}

type PngRunOptions = IImageOptions & { type: 'png'; data: Uint8Array };

/**
 * An ImageRun whose picture is keyed by Node's SHA-1 instead of docx's. docx keys
 * each picture by a SHA-1 of its bytes worked out in JavaScript (browsers hash
 * only asynchronously): 50 ms of a cold annual report's DOCX (two charts and the
 * emblem, 74 KB), run by the interpreter. The key only pairs the drawing with its
 * media part (the XML's rId{key} becomes the part's relationship id when the file
 * is packed, and the part is named image1.png, …), so any key unique to the bytes
 * writes the same file: docx is given the 20-byte digest to key by, then the
 * picture's bytes in its place.
 */
export function imageRunHashedNatively(options: PngRunOptions): ImageRun {
  const digest = createHash('sha1').update(options.data).digest();
  const run = new ImageRun({ ...options, data: digest });
  (run as unknown as { imageData: { data: unknown } }).imageData.data = options.data;
  return run;
}
