// A one-off build from the startup snapshot shares its files with a helper
// process started from the same snapshot (src/render/helper-process.ts). Whoever
// renders a file, the bytes are the same; a helper that fails to start, dies or
// fails a file costs the build nothing but time.
import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimJob, createClaimsFolder, removeClaimsFolder } from '../src/util/job-claims.js';

const exec = promisify(execFile);
/** The example set's documents, in the order of a build's jobs (the PDFs, then the DOCX files). */
const DOCUMENTS = ['announcement', 'km-action-plan', 'aar-2567', 'annual-report-2567'];
const BLOB = resolve('dist/km-docs.blob');
const dist = (path: string) => pathToFileURL(resolve('dist', path)).href;

let reference: string;
beforeAll(async () => {
  reference = await mkdtemp(join(tmpdir(), 'km-docs-reference-'));
  await exec('node', ['dist/cli.js', 'build', '--out', reference]);
});
afterAll(() => rm(reference, { recursive: true, force: true }));

async function expectSameFiles(dir: string): Promise<void> {
  const files = (await readdir(reference)).sort();
  expect(files.length).toBe(8);
  expect((await readdir(dir)).sort()).toEqual(files);
  for (const file of files) expect(Buffer.compare(await readFile(join(reference, file)), await readFile(join(dir, file))), file).toBe(0);
}

/**
 * build() of the example set in a plain process, given a helper process that runs
 * the script `fake` instead of km-docs; the files must be the reference's. Returns
 * which files the helper made, and the jobs the fake says it claimed.
 */
async function buildWithFakeHelper(fake: string, helperOptions: object = {}, env: NodeJS.ProcessEnv = {}): Promise<{ byHelper: boolean[]; claimed?: number[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'km-docs-fake-helper-'));
  try {
    const fakeScript = join(dir, 'fake.mjs');
    await writeFile(fakeScript, fake);
    const out = join(dir, 'out');
    const { stdout } = await exec(
      'node',
      [
        '--input-type=module', '-e',
        `import { build } from '${dist('build.js')}';
         import { startHelperProcess } from '${dist('render/helper-process.js')}';
         const helperProcess = startHelperProcess([process.argv[2]], ${JSON.stringify(helperOptions)});
         const files = await build({ dataDir: 'data', outDir: process.argv[1], helperProcess });
         helperProcess.stop();
         console.log(JSON.stringify(files.map((f) => f.byHelperProcess)));`,
        out,
        fakeScript,
      ],
      { timeout: 60_000, env: { ...process.env, ...env } },
    );
    await expectSameFiles(out);
    const claimed = existsSync(join(dir, 'claimed.json')) ? (JSON.parse(await readFile(join(dir, 'claimed.json'), 'utf8')) as number[]) : undefined;
    return { byHelper: JSON.parse(stdout) as boolean[], claimed };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The start of a fake helper: it waits for its assignment and reads it, as the real one does; `record` keeps what it claimed. */
const FAKE_HELPER = `
  import { readFileSync, writeFileSync } from 'node:fs';
  import { join } from 'node:path';
  import { deserialize } from 'node:v8';
  import { claimJob } from '${dist('util/job-claims.js')}';
  import { ASSIGNMENT_FILE } from '${dist('render/helper-process.js')}';
  const { claims } = await new Promise((resolve) => process.once('message', resolve));
  const { jobCount } = deserialize(readFileSync(join(claims, ASSIGNMENT_FILE)));
  const record = (claimed) => writeFileSync(new URL('claimed.json', import.meta.url), JSON.stringify(claimed));
`;

describe('the helper process', () => {
  it('renders part of a build from the snapshot, into the bytes a plain process writes', async () => {
    const out = await mkdtemp(join(tmpdir(), 'km-docs-helped-'));
    try {
      const { stdout } = await exec('node', ['--snapshot-blob', BLOB, 'build', '--out', out]);
      expect(stdout).toMatch(/wrote 8 file\(s\)/);
      // The DOCX files come last, and the command line's blob leaves them to the helper,
      // whose blob has docx warm. A machine with one core has no use for a helper.
      if (availableParallelism() > 1) for (const name of DOCUMENTS) expect(stdout).toMatch(new RegExp(`${name}\\.docx .*\\(helper process\\)`));
      else expect(stdout).not.toContain('helper process');
      expect(stdout).toMatch(/announcement\.pdf .* ms\n/);
      await expectSameFiles(out);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it.runIf(availableParallelism() > 1 && existsSync('/proc/self/task'))('is no orphan: it ends, and removes the claims, soon after the main process is killed', async () => {
    // The build's own temporary folder, so that other tests' claims are not counted.
    const temporary = await mkdtemp(join(tmpdir(), 'km-docs-killed-'));
    const main = spawn('node', ['--snapshot-blob', BLOB, 'build', '--out', join(temporary, 'out')], { stdio: 'ignore', env: { ...process.env, TMPDIR: temporary } });
    const claimsFolders = () => readdirSync(temporary).filter((name) => name.startsWith('km-docs-claims-'));
    try {
      // Killed once the helper has its assignment: it has claimed the last job (7 of 0–7).
      let helper: number | undefined;
      const helperClaimed = () => claimsFolders().some((folder) => existsSync(join(temporary, folder, '7')));
      for (let waited = 0; (helper === undefined || !helperClaimed()) && waited < 10_000; waited += 5) {
        helper = readFileSync(`/proc/${main.pid}/task/${main.pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number)[0];
        await sleep(5);
      }
      expect(claimsFolders()).toHaveLength(1);
      main.kill('SIGKILL');
      let alive = true;
      for (let waited = 0; alive && waited < 5_000; waited += 20) {
        alive = existsSync(`/proc/${helper}`) && !/^State:\s+Z/m.test(readFileSync(`/proc/${helper}/status`, 'utf8'));
        await sleep(20);
      }
      expect(alive).toBe(false);
      expect(claimsFolders()).toEqual([]);
    } finally {
      main.kill('SIGKILL');
      await rm(temporary, { recursive: true, force: true });
    }
  });

  it('gets a large assignment while this process is busy: the data of a large plan does not wait for its event loop', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'km-docs-fake-helper-'));
    const fakeScript = join(dir, 'fake.mjs');
    await writeFile(fakeScript, `${FAKE_HELPER}
      for (let index = jobCount - 1; index >= 0; index--) claimJob(claims, index);
      process.disconnect();`);
    try {
      const { stdout } = await exec('node', [
        '--input-type=module', '-e',
        `import { startHelperProcess } from '${dist('render/helper-process.js')}';
         const helper = startHelperProcess([process.argv[1]]);
         // 2 MB of data (a 1,000-activity plan's is 1.5 MB), then a thread busy for 3 s, as layout keeps it.
         const request = { data: { padding: 'ก'.repeat(1_000_000) }, dataDir: '/x', templatesDir: '/x', formats: ['pdf'] };
         const shared = helper.share(request, 3);
         for (const until = Date.now() + 3000; Date.now() < until; );
         console.log(JSON.stringify([0, 1, 2].map((index) => shared.claim(index))));
         shared.close();`,
        fakeScript,
      ]);
      expect(JSON.parse(stdout)).toEqual([false, false, false]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('costs nothing but time when it cannot start: this process renders every file', async () => {
    const { byHelper } = await buildWithFakeHelper('process.exit(3);');
    expect(byHelper).toEqual(Array(8).fill(false));
  });

  it('costs nothing but time when it takes every file and dies: this process renders them', async () => {
    const { byHelper, claimed } = await buildWithFakeHelper(`${FAKE_HELPER}
      const claimed = [];
      for (let index = jobCount - 1; index >= 0; index--) if (claimJob(claims, index)) claimed.push(index);
      record(claimed);
      process.exit(0);`);
    // It was given the jobs as this process began the first (the announcement's PDF) and took the others.
    expect(claimed?.slice(0, 7)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(byHelper).toEqual(Array(8).fill(false));
  });

  it('costs nothing but time when it fails files: this process renders them again', async () => {
    const { byHelper, claimed } = await buildWithFakeHelper(`${FAKE_HELPER}
      const claimed = [];
      for (let index = jobCount - 1; index >= 0 && claimJob(claims, index); index--) {
        claimed.push(index);
        process.send({ index, message: 'broken' });
      }
      record(claimed);
      process.disconnect();`);
    expect(claimed?.slice(0, 7)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(byHelper).toEqual(Array(8).fill(false));
  });

  it('is left the formats it has warm: this process renders its PDFs and waits for the DOCX files', async () => {
    // The fake claims the last job at once, as the helper does, and the other DOCX
    // files (4–6) only after this process has begun its last PDF (3) and had a second
    // more; it sends the reference's bytes for them. A process that did not leave
    // them would have claimed them by then.
    const { byHelper, claimed } = await buildWithFakeHelper(
      `${FAKE_HELPER}
      const { existsSync } = await import('node:fs');
      const claimed = [];
      if (claimJob(claims, jobCount - 1)) claimed.push(jobCount - 1);
      while (!existsSync(join(claims, '3'))) await new Promise((resolve) => setTimeout(resolve, 10));
      await new Promise((resolve) => setTimeout(resolve, 1000));
      for (let index = jobCount - 2; index >= 4 && claimJob(claims, index); index--) claimed.push(index);
      for (const index of claimed) {
        const bytes = readFileSync(join(${JSON.stringify(reference)}, ${JSON.stringify(DOCUMENTS)}[index - 4] + '.docx'));
        await new Promise((resolve) => process.send({ index, bytes, milliseconds: 1 }, undefined, undefined, resolve));
      }
      record(claimed);
      process.disconnect();`,
      { leftToHelper: ['docx'] },
    );
    expect(claimed).toEqual([7, 6, 5, 4]);
    expect(byHelper).toEqual([false, false, false, false, true, true, true, true]);
  });

  it('costs nothing but time when the formats left to it never come: this process renders them', async () => {
    const { byHelper } = await buildWithFakeHelper('process.exit(3);', { leftToHelper: ['docx'] });
    expect(byHelper).toEqual(Array(8).fill(false));
  });

  it('is not waited for when it is stuck before its first claim: this process renders every file', async () => {
    // Alive, but it never claims a job (it is stopped when the build ends, or leaves with the build).
    const { byHelper } = await buildWithFakeHelper(`${FAKE_HELPER}\n      setInterval(() => {}, 1000);\n      process.once('disconnect', () => process.exit(0));`, { leftToHelper: ['docx'] });
    expect(byHelper).toEqual(Array(8).fill(false));
  });

  it('starts without NODE_EXTRA_CA_CERTS, which Node parses at every start and a helper never needs', async () => {
    const { claimed } = await buildWithFakeHelper(
      `${FAKE_HELPER}
      record(process.env.NODE_EXTRA_CA_CERTS === undefined && process.env.KM_DOCS_TEST_KEPT === 'kept' ? [1] : [0]);
      process.exit(0);`,
      {},
      { NODE_EXTRA_CA_CERTS: join(reference, 'no-such-certificates.pem'), KM_DOCS_TEST_KEPT: 'kept' },
    );
    expect(claimed).toEqual([1]);
  });

  it('builds DOCX files only (the two then share them from both ends) into the bytes a plain process writes', async () => {
    const out = await mkdtemp(join(tmpdir(), 'km-docs-docx-only-'));
    try {
      const { stdout } = await exec('node', ['--snapshot-blob', BLOB, 'build', '--format', 'docx', '--out', out]);
      expect(stdout).toMatch(/wrote 4 file\(s\)/);
      for (const name of DOCUMENTS) expect(Buffer.compare(await readFile(join(reference, `${name}.docx`)), await readFile(join(out, `${name}.docx`))), name).toBe(0);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('is not used when there is no temporary folder to share: the build goes on alone', async () => {
    const out = await mkdtemp(join(tmpdir(), 'km-docs-no-tmp-'));
    try {
      const { stdout } = await exec('node', ['--snapshot-blob', BLOB, 'build', '--out', out], { env: { ...process.env, TMPDIR: join(out, 'missing') } });
      expect(stdout).toMatch(/wrote 8 file\(s\)/);
      expect(stdout).not.toContain('helper process');
      await expectSameFiles(out);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('is stopped when the data has a mistake, and nothing is written', async () => {
    const data = await mkdtemp(join(tmpdir(), 'km-docs-bad-'));
    try {
      await exec('cp', ['-r', 'data/.', data]);
      const plan = join(data, 'plan.yaml');
      await writeFile(plan, `${await readFile(plan, 'utf8')}\nnot: [closed\n`);
      const failure = await exec('node', ['--snapshot-blob', BLOB, 'build', '--data', data, '--out', join(data, 'out')]).then(
        () => undefined,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toContain('plan.yaml');
      expect(failure?.stderr).toContain('no output file was written');
      await expect(readdir(join(data, 'out'))).rejects.toThrow(/ENOENT/);
    } finally {
      await rm(data, { recursive: true, force: true });
    }
  });
});

describe('job claims', () => {
  it('give each job to the first process that claims it, and none once the folder is gone', () => {
    const folder = createClaimsFolder();
    expect(claimJob(folder, 3)).toBe(true);
    expect(claimJob(folder, 3)).toBe(false);
    expect(claimJob(folder, 2)).toBe(true);
    removeClaimsFolder(folder);
    expect(claimJob(folder, 1)).toBe(false);
  });
});
