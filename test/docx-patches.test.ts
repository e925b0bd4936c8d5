// docx's internals patched for speed (src/render/docx/docx-patches.ts): pinned to
// one docx version, and every patched result equal to what docx itself makes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NextAttributeComponent } from 'docx';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { applyDocxPatches, PATCHED_DOCX_VERSION } from '../src/render/docx/docx-patches.js';
import { vendor } from '../src/vendor.js';

type PrepForXml = (this: unknown, context: unknown) => unknown;

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
});
