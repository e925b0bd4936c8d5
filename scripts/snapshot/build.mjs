// Makes dist/km-docs.blob, the V8 startup snapshot `npm start` runs from, and
// dist/km-docs-helper.blob, the one its helper process starts from.
//
// 1. esbuild bundles dist/snapshot.js and every package it uses into one
//    CommonJS file (the snapshot builder runs one script and can require only
//    Node's own modules).
// 2. `node --build-snapshot` runs that file twice, at once: each run loads
//    everything, builds the example documents once (so V8 has compiled the code
//    and km-docs has parsed its fonts and templates) and writes the heap to its
//    blob. The command line's blob is warmed with the PDFs only, the helper's
//    with the PDFs and the DOCX files (src/snapshot.ts says why).
//
// The blob fits only the Node binary that made it, so it is made on the user's
// machine (npm ci runs this through "prepare") and made again when the code,
// the templates or Node change. Skipped when dist/km-docs.blob.stamp says so.
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'dist');
const bundle = join(dist, 'km-docs.snapshot.cjs');
const blob = join(dist, 'km-docs.blob');
const stampFile = `${blob}.stamp`;
/** Each blob and the formats its build warms up with (src/snapshot.ts reads the variable while the blob is made). */
const blobs = [
  { path: blob, warmFormats: 'pdf' },
  { path: join(dist, 'km-docs-helper.blob'), warmFormats: 'pdf,docx' },
];

const stamp = inputsStamp();
if (blobs.every(({ path }) => existsSync(path)) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) process.exit(0);

const here = (path) => join(root, 'scripts', 'snapshot', path);
await esbuild.build({
  entryPoints: [join(dist, 'snapshot.js')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Each module's import.meta.url becomes the bundle's own URL: every dist module
  // that reads it (paths, batch) lives in dist/, as the bundle does.
  define: { 'import.meta.url': 'KM_DOCS_BUNDLE_URL' },
  banner: { js: `${readFileSync(here('text-decoder.cjs'), 'utf8')}\nconst KM_DOCS_BUNDLE_URL = require('node:url').pathToFileURL(__filename).href;` },
  external: ['@resvg/resvg-js'],
  // Whitespace and comments go: V8 keeps the source of every function in the
  // heap, so each byte of it is in the blob and read back on every start.
  minifyWhitespace: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'km-docs-snapshot',
      setup(build) {
        build.onResolve({ filter: /\/vendor\.js$/ }, (args) =>
          args.importer.startsWith(dist) ? { path: here('vendor.cjs') } : undefined,
        );
        // fflate's Node build loads node:worker_threads for its async functions
        // (km-docs calls none). Loaded while the snapshot is built, that module leaves
        // the snapshot's process unable to start a worker (Node 20 does not restore its
        // cwd counter): the browser build is the same code without it.
        build.onResolve({ filter: /^fflate$/ }, () => ({ path: join(root, 'node_modules/fflate/esm/browser.js') }));
        // PDF encryption and WOFF2 fonts: modules km-docs never calls, kept out of the heap.
        build.onResolve({ filter: /^(@noble\/ciphers\/aes|brotli\/decompress\.js)$/ }, () => ({ path: here('left-out.cjs') }));
        // zod's translations of its own messages into 49 languages (~300 KB of the
        // bundle): km-docs writes its messages itself, in Thai and English.
        build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (args.importer.includes('/node_modules/zod/') ? { path: here('left-out.cjs') } : undefined));
      },
    },
  ],
});

// One non-ASCII character makes V8 keep the whole source as two-byte (UTF-16)
// characters: twice the heap, the blob and the time to read it. esbuild's
// default charset escapes strings and identifiers, but leaves regular
// expression literals as they are (evanw/esbuild#4205); \uXXXX means the same
// inside a regular expression, a string, a template or a comment.
writeFileSync(bundle, readFileSync(bundle, 'utf8').replace(/[^\0-\x7f]/gu, escapeAsUtf16));

const made = await Promise.all(blobs.map(makeBlob));
const failed = made.filter((result) => !result.ok);
if (failed.length) {
  for (const { temporary } of made) rmSync(temporary, { force: true });
  for (const { path, output } of failed) console.error(`km-docs: could not build the startup snapshot (${relative(root, path)}):\n${output}`);
  process.exit(1);
}
for (const { path, temporary } of made) renameSync(temporary, path);
writeFileSync(stampFile, stamp);
const megabytes = (path) => (statSync(path).size / 1e6).toFixed(1);
console.error(`km-docs: startup snapshots ${blobs.map(({ path }) => `${relative(root, path)} (${megabytes(path)} MB)`).join(' and ')} for Node ${process.version}`);

/** Runs the bundle under `node --build-snapshot` into a temporary file beside `path`. */
function makeBlob({ path, warmFormats }) {
  const temporary = `${path}.tmp-${process.pid}`;
  const child = spawn(process.execPath, ['--no-warnings', '--snapshot-blob', temporary, '--build-snapshot', bundle], {
    cwd: root,
    env: { ...process.env, KM_DOCS_SNAPSHOT_WARM_FORMATS: warmFormats },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => {
    child.on('error', (error) => resolve({ path, temporary, ok: false, output: String(error) }));
    child.on('close', (status) => resolve({ path, temporary, ok: status === 0 && existsSync(temporary), output }));
  });
}

/** A character as the \\uXXXX escapes of its UTF-16 code units. */
function escapeAsUtf16(character) {
  return [...Array(character.length).keys()].map((i) => `\\u${character.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`).join('');
}

/**
 * What the blob depends on: Node, the compiled code, the templates and the fonts. Not
 * the data it was warmed with: what that leaves in the blob are caches keyed by
 * content, so a clerk's edit of data/ needs no new blob (and a mistake in it is
 * reported by the build, not by this script).
 */
function inputsStamp() {
  const hash = createHash('sha256').update(`${process.version} ${process.execPath} ${process.arch}\n`);
  const files = (dir) =>
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort();
  for (const dir of ['dist', 'templates', 'fonts', 'scripts/snapshot']) {
    for (const file of files(join(root, dir))) {
      if (file.startsWith(bundle) || blobs.some(({ path }) => file.startsWith(path))) continue;
      hash.update(`${relative(root, file)}\n`).update(readFileSync(file));
    }
  }
  for (const lock of ['package-lock.json']) hash.update(readFileSync(join(root, lock)));
  return hash.digest('hex');
}
