// km-docs from its V8 startup snapshot (`npm start`): the same command line, the
// same messages and the same bytes as the plain process (`node dist/cli.js`),
// though the snapshot was warmed by building the example documents first.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { vendor } from '../src/vendor.js';

const exec = promisify(execFile);
const BLOB = resolve('dist/km-docs.blob');
const HELPER_BLOB = resolve('dist/km-docs-helper.blob');
const fromSnapshot = (args: string[], env?: NodeJS.ProcessEnv) =>
  exec('node', ['--snapshot-blob', BLOB, ...args], { env: { ...process.env, ...env } });

describe('the startup snapshot', () => {
  it('is made by the build (npm ci, npm start and npm test run it), with its helper process\'s beside it', () => {
    expect(existsSync(BLOB)).toBe(true);
    expect(existsSync(HELPER_BLOB)).toBe(true);
  });

  it('renders a DOCX without its helper, though docx is not warmed in it, into the same bytes as a plain process', async () => {
    const plain = await mkdtemp(join(tmpdir(), 'km-docs-plain-'));
    const snapshot = await mkdtemp(join(tmpdir(), 'km-docs-snapshot-'));
    try {
      // One file: no helper process is started.
      const only = ['--only', 'annual-report-2567', '--format', 'docx'];
      await exec('node', ['dist/cli.js', 'build', ...only, '--out', plain]);
      const { stdout } = await fromSnapshot(['build', ...only, '--out', snapshot]);
      expect(stdout).not.toContain('helper process');
      const file = 'annual-report-2567.docx';
      expect(Buffer.compare(await readFile(join(plain, file)), await readFile(join(snapshot, file)))).toBe(0);
    } finally {
      await rm(plain, { recursive: true, force: true });
      await rm(snapshot, { recursive: true, force: true });
    }
  });

  it('is made from an ASCII-only bundle, which V8 keeps as one-byte source (half the heap a Thai character would make it)', async () => {
    const bundle = await readFile('dist/km-docs.snapshot.cjs', 'utf8');
    expect(bundle.length).toBeGreaterThan(100_000);
    expect(bundle.match(/[^\0-\x7f]/gu) ?? []).toEqual([]);
  });

  it('leaves out PDF encryption and the WOFF2 decompressor, which km-docs never calls (3 MB of the heap every start reads)', async () => {
    const bundle = await readFile('dist/km-docs.snapshot.cjs', 'utf8');
    // The stand-in is there, and neither package's code: a renamed module path in a
    // pdfkit or fontkit upgrade would bring the code back without failing a build.
    expect(bundle).toContain('leaves out');
    expect(bundle).not.toContain('function genTtable(');
    expect(bundle).not.toContain('function BrotliDecompressedSize(');
  });

  it('builds the example set into the same bytes as a plain process, whatever the time zone', async () => {
    const plain = await mkdtemp(join(tmpdir(), 'km-docs-plain-'));
    const snapshot = await mkdtemp(join(tmpdir(), 'km-docs-snapshot-'));
    try {
      await exec('node', ['dist/cli.js', 'build', '--out', plain]);
      const { stdout } = await fromSnapshot(['build', '--out', snapshot], { TZ: 'Asia/Bangkok' });
      expect(stdout).toMatch(/wrote 8 file\(s\)/);
      const files = await readdir(plain);
      expect(files.length).toBe(8);
      expect((await readdir(snapshot)).sort()).toEqual(files.sort());
      for (const file of files) {
        expect(Buffer.compare(await readFile(join(plain, file)), await readFile(join(snapshot, file))), file).toBe(0);
      }
    } finally {
      await rm(plain, { recursive: true, force: true });
      await rm(snapshot, { recursive: true, force: true });
    }
  });

  it('builds a clerk\'s edit of the data (a division renamed) into the same bytes as a plain process', async () => {
    const data = await mkdtemp(join(tmpdir(), 'km-docs-edited-'));
    const plain = await mkdtemp(join(tmpdir(), 'km-docs-plain-'));
    const snapshot = await mkdtemp(join(tmpdir(), 'km-docs-snapshot-'));
    try {
      await cp('data', data, { recursive: true });
      const organization = join(data, 'organization.yaml');
      await writeFile(organization, (await readFile(organization, 'utf8')).replace('name: กองคลัง', 'name: กองคลังและบัญชี'));
      await exec('node', ['dist/cli.js', 'build', '--data', data, '--out', plain]);
      await fromSnapshot(['build', '--data', data, '--out', snapshot]);
      const files = await readdir(plain);
      expect(files.length).toBe(8);
      for (const file of files) {
        expect(Buffer.compare(await readFile(join(plain, file)), await readFile(join(snapshot, file))), file).toBe(0);
      }
      expect((await exec('pdftotext', ['-raw', join(snapshot, 'aar-2567.pdf'), '-'])).stdout).toContain('กองคลังและบัญชี');
    } finally {
      for (const dir of [data, plain, snapshot]) await rm(dir, { recursive: true, force: true });
    }
  });

  it('starts worker threads: km-docs batch runs from the blob', async () => {
    // Fails when node:worker_threads is loaded while the blob is made (Node 20 then
    // leaves every worker of the blob's process failing in process.cwd()).
    const root = await mkdtemp(join(tmpdir(), 'km-docs-batch-'));
    const out = await mkdtemp(join(tmpdir(), 'km-docs-batch-out-'));
    try {
      for (const name of ['alpha', 'bravo']) await cp('data', join(root, name), { recursive: true });
      const { stdout } = await fromSnapshot(['batch', root, '--out', out, '--threads', '2']);
      expect(stdout).toMatch(/2 built, 0 failed of 2 organization/);
      expect((await readdir(join(out, 'bravo'))).length).toBe(8);
    } finally {
      await rm(root, { recursive: true, force: true });
      await rm(out, { recursive: true, force: true });
    }
  });

  it('reads its command line from the first argument and reports user mistakes as the plain process does', async () => {
    const help = await fromSnapshot(['build', '--help']);
    expect(help.stdout).toContain('Usage: km-docs build');
    // A leading --help is Node's own option unless km-docs takes it back.
    for (const option of ['--help', '-h']) {
      const main = await fromSnapshot([option]);
      expect(main.stdout).toContain('Usage: km-docs <command>');
    }
    const missing = await fromSnapshot(['validate', '--data', 'no-such-folder']).catch((e) => e);
    const plainMissing = await exec('node', ['dist/cli.js', 'validate', '--data', 'no-such-folder']).catch((e) => e);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(plainMissing.stderr);
    expect(missing.stderr).toContain('data folder not found');
    expect(missing.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });
});

describe('the bundle vendor (scripts/snapshot/vendor.cjs)', () => {
  it('offers the functions of src/vendor.ts and finds the same package versions', () => {
    const bundled = (createRequire(import.meta.url)('../scripts/snapshot/vendor.cjs') as { vendor: typeof vendor }).vendor;
    expect(Object.keys(bundled).sort()).toEqual(Object.keys(vendor).sort());
    for (const name of ['pdfmakeVersion', 'pdfkitVersion', 'fontkitVersion', 'docxVersion'] as const) {
      expect(bundled[name](), name).toBe(vendor[name]());
    }
    expect(bundled.fontkit()).toBe(vendor.fontkit());
  });
});
