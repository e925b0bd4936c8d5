// km-docs batch: many organizations on worker threads; one organization's bad
// data is reported and never stops the others.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);

describe('km-docs batch', () => {
  it('builds every good organization, names the broken one, and exits 1', async () => {
    const root = await mkdtemp(join(tmpdir(), 'km-docs-batch-'));
    const out = await mkdtemp(join(tmpdir(), 'km-docs-batch-out-'));
    try {
      for (const name of ['alpha', 'bravo', 'charlie']) await cp('data', join(root, name), { recursive: true });
      const plan = join(root, 'bravo', 'plan.yaml');
      await writeFile(plan, (await readFile(plan, 'utf8')).replace('date: 2023-12-29', 'date: 2023-12-32'));
      const result = await exec('node', ['dist/cli.js', 'batch', root, '--out', out, '--threads', '2']).catch((e) => e);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/2 built, 1 failed of 3 organization/);
      expect(result.stderr).toContain('== bravo ==');
      expect(result.stderr).toContain('plan.yaml:');
      expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
      expect((await readdir(out)).sort()).toEqual(['alpha', 'charlie']);
      expect((await readdir(join(out, 'alpha'))).filter((f) => f.endsWith('.pdf')).length).toBe(4);
      // Each organization's files are the same bytes as a single build of the same data.
      await exec('node', ['dist/cli.js', 'build', '--data', join(root, 'charlie'), '--out', join(out, 'single')]);
      for (const file of await readdir(join(out, 'single'))) {
        expect(Buffer.compare(await readFile(join(out, 'single', file)), await readFile(join(out, 'charlie', file))), file).toBe(0);
      }
    } finally {
      await rm(root, { recursive: true, force: true });
      await rm(out, { recursive: true, force: true });
    }
  });

  it('follows links to organization folders, and says so when DIR holds no organization folder', async () => {
    const root = await mkdtemp(join(tmpdir(), 'km-docs-batch-'));
    const out = await mkdtemp(join(tmpdir(), 'km-docs-batch-out-'));
    try {
      await symlink(resolve('data'), join(root, 'linked'));
      const linked = await exec('node', ['dist/cli.js', 'batch', root, '--out', out]);
      expect(linked.stdout).toMatch(/1 built, 0 failed of 1 organization/);
      expect((await readdir(join(out, 'linked'))).filter((f) => f.endsWith('.pdf')).length).toBe(4);
      // The data folder itself instead of a folder of them: nothing to build, said plainly.
      const flat = await exec('node', ['dist/cli.js', 'batch', 'data', '--out', out]).catch((e) => e);
      expect(flat.code).toBe(1);
      expect(flat.stderr).toContain('has no subfolders');
      expect(flat.stderr).toContain('km-docs build --data data');
    } finally {
      await rm(root, { recursive: true, force: true });
      await rm(out, { recursive: true, force: true });
    }
  });

  it('says what it needs when called wrongly', async () => {
    const result = await exec('node', ['dist/cli.js', 'batch']).catch((e) => e);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--out');
  });
});
