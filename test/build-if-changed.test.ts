// npm start's first step (scripts/build-if-changed.mjs) compiles only when a source
// file changed: run here on a copy of the project layout whose TypeScript compiler
// and snapshot builder only note that they ran.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const noting = (name: string) => `require('node:fs').appendFileSync(require('node:path').join(__dirname, '${'../'.repeat(name.split('/').length - 1)}ran.log'), '${name}\\n');\n`;

describe('npm start: scripts/build-if-changed.mjs', () => {
  let root: string;
  const ran = async () => (existsSync(join(root, 'ran.log')) ? (await readFile(join(root, 'ran.log'), 'utf8')).trim().split('\n') : []);
  const start = () => exec('node', [join(root, 'scripts', 'build-if-changed.mjs')]);
  const age = (path: string, secondsAgo: number) => utimes(join(root, path), new Date(Date.now() - secondsAgo * 1000), new Date(Date.now() - secondsAgo * 1000));

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'km-docs-start-'));
    await cp('scripts/build-if-changed.mjs', join(root, 'scripts', 'build-if-changed.mjs'));
    for (const dir of ['src/render', 'dist', 'node_modules/typescript/bin', 'scripts/snapshot']) await mkdir(join(root, dir), { recursive: true });
    await writeFile(join(root, 'package.json'), '{"type":"module"}');
    await writeFile(join(root, 'node_modules/typescript/package.json'), '{"type":"commonjs"}');
    await writeFile(join(root, 'node_modules/typescript/bin/tsc'), noting('node_modules/typescript/bin/tsc'));
    await writeFile(join(root, 'scripts/snapshot/build.mjs'), `import { appendFileSync } from 'node:fs';\nappendFileSync(new URL('../../ran.log', import.meta.url), 'snapshot\\n');\n`);
    for (const file of ['tsconfig.json', 'src/cli.ts', 'src/render/pdf.ts']) {
      await writeFile(join(root, file), '{}');
      await age(file, 60);
    }
    await writeFile(join(root, 'dist/cli.js'), '');
    await age('dist/cli.js', 30);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('does not compile when no source is newer than the compiled CLI, and always checks the snapshot', async () => {
    await start();
    expect(await ran()).toEqual(['snapshot']);
  });

  it('compiles first when a source file, even in a subfolder, or tsconfig.json is newer', async () => {
    await age('src/render/pdf.ts', 0);
    await start();
    await age('tsconfig.json', 0);
    await start();
    expect(await ran()).toEqual(['node_modules/typescript/bin/tsc', 'snapshot', 'node_modules/typescript/bin/tsc', 'snapshot']);
  });

  it('compiles when nothing was compiled yet', async () => {
    await rm(join(root, 'dist'), { recursive: true });
    await start();
    expect(await ran()).toEqual(['node_modules/typescript/bin/tsc', 'snapshot']);
  });
});
