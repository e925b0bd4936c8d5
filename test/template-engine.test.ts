// Templates are compiled once per process and again only when a file changed,
// so a rebuild after editing a template (or a partial) uses the edit.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../src/template/engine.js';

describe('loadTemplates', () => {
  it('reuses the compiled set while the files are unchanged, and recompiles after an edit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'km-docs-templates-'));
    try {
      await mkdir(join(dir, 'partials'));
      await writeFile(join(dir, 'partials', 'sign.hbs'), '({{name}})');
      await writeFile(join(dir, 'doc.hbs'), '<p>{{> sign}}</p>');
      const first = await loadTemplates(dir);
      expect(first.render('doc', { name: 'ก' })).toBe('<p>(ก)</p>');
      expect(await loadTemplates(dir)).toBe(first);

      await writeFile(join(dir, 'partials', 'sign.hbs'), '[{{name}}]');
      expect((await loadTemplates(dir)).render('doc', { name: 'ก' })).toBe('<p>[ก]</p>');
      await writeFile(join(dir, 'doc.hbs'), '<h>{{> sign}}</h>');
      expect((await loadTemplates(dir)).render('doc', { name: 'ข' })).toBe('<h>[ข]</h>');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
