// docx's internals patched for speed (src/render/docx/docx-patches.ts): pinned to
// one docx version, and every patched result equal to what docx itself makes.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NextAttributeComponent, XmlComponent } from 'docx';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { applyDocxPatches, PATCHED_DOCX_VERSION } from '../src/render/docx/docx-patches.js';
import { vendor } from '../src/vendor.js';

type PrepForXml = (this: unknown, context: unknown) => unknown;

// docx's own method, taken before any test applies the patches.
const docxElementPrepForXml = (XmlComponent.prototype as unknown as { prepForXml: PrepForXml }).prepForXml;

describe('docx patches', () => {
  it('are pinned to the installed docx', () => {
    expect(vendor.docxVersion()).toBe(PATCHED_DOCX_VERSION);
  });

  it("write every element's attributes of the example set exactly as docx does, key order included", async () => {
    const prototype = NextAttributeComponent.prototype as unknown as { prepForXml: PrepForXml };
    const original = prototype.prepForXml;
    applyDocxPatches();
    const patched = prototype.prepForXml;
    expect(patched).not.toBe(original);
    let compared = 0;
    const mismatches: string[] = [];
    prototype.prepForXml = function compareWithDocx(context) {
      const ours = JSON.stringify(patched.call(this, context));
      const docx = JSON.stringify(original.call(this, context));
      compared++;
      if (ours !== docx && mismatches.length < 5) mismatches.push(`${ours} ≠ ${docx}`);
      return patched.call(this, context);
    };
    const outDir = await mkdtemp(join(tmpdir(), 'km-docs-docx-patches-'));
    try {
      await build({ dataDir: 'data', outDir, formats: ['docx'] });
    } finally {
      prototype.prepForXml = patched;
      await rm(outDir, { recursive: true, force: true });
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(1_000);
  });

  it("gather every element's children as docx does: the example set's DOCX files are the same bytes with docx's own method", async () => {
    // Compared file by file, not call by call: each call prepares its children, so a
    // comparing wrapper would run every subtree twice per level.
    const prototype = XmlComponent.prototype as unknown as { prepForXml: PrepForXml };
    const original = docxElementPrepForXml;
    applyDocxPatches();
    const patched = prototype.prepForXml;
    expect(patched).not.toBe(original);
    const built = async (method: PrepForXml) => {
      prototype.prepForXml = method;
      const outDir = await mkdtemp(join(tmpdir(), 'km-docs-docx-patches-'));
      try {
        await build({ dataDir: 'data', outDir, formats: ['docx'] });
        const names = (await readdir(outDir)).sort();
        return Object.fromEntries(await Promise.all(names.map(async (name) => [name, (await readFile(join(outDir, name))).toString('base64')])));
      } finally {
        prototype.prepForXml = patched;
        await rm(outDir, { recursive: true, force: true });
      }
    };
    const docx = await built(original);
    const ours = await built(patched);
    expect(Object.keys(ours)).toHaveLength(4);
    for (const name of Object.keys(docx)) expect(ours[name], name).toBe(docx[name]);
  });
});
