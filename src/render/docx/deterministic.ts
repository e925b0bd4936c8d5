// Same input, same bytes: docx stamps files with the clock (core.xml dates, ZIP
// entry times) and draws ids from Math.random (font obfuscation keys, relation
// ids). We give it a seeded random source while the document is built and
// rewrite the clock values with the document's own date.
import { unzipSync, zipSync, type Zippable } from 'fflate';

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

/** Re-packs a DOCX with `date` as the creation/modification date and every ZIP entry's time. */
export function stabilizeDocx(bytes: Uint8Array, date: Date): Uint8Array {
  const files = unzipSync(bytes);
  const core = files['docProps/core.xml'];
  if (core) {
    const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const xml = new TextDecoder()
      .decode(core)
      .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`);
    files['docProps/core.xml'] = new TextEncoder().encode(xml);
  }
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) zippable[name] = [data, { mtime: date }];
  return zipSync(zippable, { level: 6 });
}
