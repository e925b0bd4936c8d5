// build({ helperThread: true }): the DOCX files rendered on a helper thread while
// the main thread lays out the PDFs. Run in child processes on the compiled code,
// as watch mode would run it (the thread's script is dist/render/helper-thread-worker.js).
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const dist = (path: string) => pathToFileURL(resolve('dist', path)).href;
const runModule = (source: string, ...args: string[]) => exec('node', ['--input-type=module', '-e', source, ...args], { timeout: 60_000 });

describe('the helper thread', () => {
  it('renders the example set, twice in one process, into the bytes the main thread makes', async () => {
    const alone = await mkdtemp(join(tmpdir(), 'km-docs-main-'));
    const helped = await mkdtemp(join(tmpdir(), 'km-docs-helped-'));
    try {
      await exec('node', ['dist/cli.js', 'build', '--out', alone]);
      await runModule(
        `import { build } from '${dist('build.js')}';
         for (let i = 0; i < 2; i++) await build({ dataDir: 'data', outDir: process.argv[1], helperThread: true });`,
        helped,
      );
      const files = (await readdir(alone)).sort();
      expect(files.length).toBe(8);
      expect((await readdir(helped)).sort()).toEqual(files);
      for (const file of files) expect(Buffer.compare(await readFile(join(alone, file)), await readFile(join(helped, file))), file).toBe(0);
    } finally {
      await rm(alone, { recursive: true, force: true });
      await rm(helped, { recursive: true, force: true });
    }
  });

  it('renders on another thread, reports a renderer\'s failure with its message, and lets the process exit', async () => {
    // A picture that is not there: the DOCX renderer fails to read it, on whichever thread.
    const model = {
      title: 'x', size: 'A4', orientation: 'portrait', margins: { top: 72, right: 72, bottom: 72, left: 72 },
      fontSize: 16, pageNumbers: 'none',
      blocks: [{ kind: 'image', src: '/no/such/emblem.png', align: 'center', spaceBefore: 0 }],
    };
    const { stdout } = await runModule(
      `import { onHelperThread } from '${dist('render/helper-thread.js')}';
       import { renderDocx } from '${dist('render/docx/index.js')}';
       const model = ${JSON.stringify(model)};
       const options = { date: new Date('2024-01-01T00:00:00Z'), author: 'x' };
       const failure = (promise) => promise.then(() => 'rendered', (error) => error.message);
       const here = await failure(renderDocx(model, options));
       const there = await onHelperThread('docx').render(model, options).then(() => 'rendered', (error) => ({ message: error.message, stack: error.stack }));
       console.log(JSON.stringify({ here, there }));`,
    );
    const { here, there } = JSON.parse(stdout) as { here: string; there: { message: string; stack: string } };
    expect(here).toMatch(/ENOENT.*\/no\/such\/emblem\.png/);
    expect(there.message).toBe(here);
    // The stack is the helper thread's: it ran its own copy of the renderer.
    expect(there.stack).toContain('helper-thread-worker.js');
    // The process exited by itself (the idle thread does not hold it): exec resolved.
  });
});
