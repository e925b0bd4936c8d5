// Same input, same bytes, one compression pass. docx stamps files with the clock
// (core.xml dates, ZIP entry times) and draws ids from Math.random (font
// obfuscation keys, relation ids). We build the document with a seeded random
// source, take docx's compiled parts before it zips them, fix the clock values
// and zip once with the document's own date.
import { Packer, type Document } from 'docx';
import { zipParts } from './zip.js';

/** Runs `build` with Math.random replaced by a fixed-seed generator (mulberry32). */
export function withSeededRandom<T>(seed: number, build: () => T): T {
  const original = Math.random;
  let state = seed >>> 0;
  Math.random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  try {
    return build();
  } finally {
    Math.random = original;
  }
}

interface Compiler {
  compile(file: Document, prettify?: unknown, overrides?: unknown[]): Map<string, Uint8Array | string>;
}

/**
 * The DOCX bytes of `doc`, with `date` as its creation/modification date and
 * every ZIP entry's time. Uses docx's own compiler (Packer.compiler, docx 9.15):
 * test/build.test.ts fails if a docx upgrade moves it.
 */
export function packDocx(doc: Document, date: Date): Uint8Array {
  const compiler = (Packer as unknown as { compiler?: Compiler }).compiler;
  if (!compiler) throw new Error('docx no longer exposes Packer.compiler: re-check src/render/docx/deterministic.ts');
  const parts = withSeededRandom(1, () => compiler.compile(doc));
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  // ZIP stores local wall-clock time and fflate reads the local fields of the Date:
  // shift it so those fields show UTC, and the bytes do not depend on the machine's zone.
  const mtime = new Date(date.getTime() + date.getTimezoneOffset() * 60_000);
  const entries: [string, Uint8Array][] = [];
  for (const [path, data] of parts) {
    let bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    if (path === 'docProps/core.xml') {
      const xml = new TextDecoder().decode(bytes).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`);
      bytes = new TextEncoder().encode(xml);
    }
    entries.push([path, bytes]);
  }
  return zipParts(entries, mtime);
}
