// Stage 4a: data → XML through Handlebars templates in templates/. Handlebars
// escapes every inserted value, so data text can never become markup.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { helpers } from './helpers.js';

export interface TemplateSet {
  render(name: string, context: object): string;
}

/** Compiles every template of `dir` (and its partials/) once, for any number of renders. */
export async function loadTemplates(dir: string): Promise<TemplateSet> {
  const hbs = Handlebars.create();
  hbs.registerHelper(helpers);
  const partialDir = join(dir, 'partials');
  for (const file of (await readdir(partialDir).catch(() => [])).filter((f) => f.endsWith('.hbs')).sort()) {
    hbs.registerPartial(file.slice(0, -4), await readFile(join(partialDir, file), 'utf8'));
  }
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.hbs')).sort()) {
    const source = await readFile(join(dir, file), 'utf8');
    compiled.set(file.slice(0, -4), hbs.compile(source, { strict: true, preventIndent: true }));
  }
  return {
    render(name, context) {
      const template = compiled.get(name);
      if (!template) throw new Error(`no template "${name}.hbs" in ${dir}`);
      return template(context);
    },
  };
}
