// Speed patches of docx's internals, pinned to one docx version like the pdfmake
// patches: a docx upgrade stops the build with a message until this file is
// checked against it. Each patch writes exactly the XML docx writes.
import { NextAttributeComponent } from 'docx';
import { vendor } from '../../vendor.js';

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
  applied = true;
}
