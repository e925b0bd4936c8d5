// The example set (data/) built for real, for tests that compare one way of
// building it with another.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../src/build.js';

/** The example set's DOCX files, by name, as base64. */
export async function exampleDocxFiles(): Promise<Record<string, string>> {
  const outDir = await mkdtemp(join(tmpdir(), 'km-docs-example-docx-'));
  try {
    await build({ dataDir: 'data', outDir, formats: ['docx'] });
    const names = (await readdir(outDir)).sort();
    return Object.fromEntries(await Promise.all(names.map(async (name) => [name, (await readFile(join(outDir, name))).toString('base64')])));
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
