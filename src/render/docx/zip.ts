// The ZIP container of a DOCX, written by fflate's streaming Zip with DEFLATE
// streams from Node's zlib (about twice as fast as fflate's own deflate) and
// kept by content: the embedded Sarabun, the emblem, the theme and the styles
// are the same bytes in every document of every organization, so each is
// compressed once per process.
import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';

interface Compressed {
  crc: number;
  size: number;
  data: Uint8Array;
}

/** ZIP method 8 (APPNOTE.TXT 4.4.5). */
const DEFLATE = 8;
const KEPT_MAX = 256;
const kept = new Map<string, Compressed>();

function compress(bytes: Uint8Array): Compressed {
  const key = createHash('sha1').update(bytes).digest('base64');
  let entry = kept.get(key);
  if (!entry) {
    entry = { crc: crc32(bytes), size: bytes.byteLength, data: deflateRawSync(bytes, { level: 6 }) };
    if (kept.size >= KEPT_MAX) kept.delete(kept.keys().next().value!);
    kept.set(key, entry);
  }
  return entry;
}

/** A ZIP of `parts` (path → bytes, in this order), every entry dated `mtime`. */
export function zipParts(parts: Iterable<[string, Uint8Array]>, mtime: Date): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const [filename, bytes] of parts) {
    const { crc, size, data } = compress(bytes);
    const entry: ZipInputFile = { filename, size, crc, compression: DEFLATE, mtime };
    zip.add(entry);
    entry.ondata!(null, data as Uint8Array<ArrayBuffer>, true);
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}
