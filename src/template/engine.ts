// Stage 4a: data → XML through Handlebars templates in templates/. Handlebars
// escapes every inserted value, so data text can never become markup.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { helpers } from './helpers.js';

export interface TemplateSet {
  render(name: string, context: object): string;
}

/**
 * Compiles every template of `dir` (and its partials/) once, for any number of renders.
 * The files are read on every call, but compiled again only when one of them changed:
 * watch mode and batch workers rebuild with the same templates (a tenth of a rebuild).
 */
export async function loadTemplates(dir: string): Promise<TemplateSet> {
  const partialDir = join(dir, 'partials');
  const read = async (folder: string) => {
    const files = (await readdir(folder).catch(() => [])).filter((f) => f.endsWith('.hbs')).sort();
    return Promise.all(files.map(async (file) => [file.slice(0, -4), await readFile(join(folder, file), 'utf8')] as const));
  };
  const [partials, templates] = await Promise.all([read(partialDir), read(dir)]);
  const sources = JSON.stringify([partials, templates]);
  const kept = compiledSets.get(dir);
  if (kept?.sources === sources) return kept.set;
  const set = compile(dir, partials, templates);
  compiledSets.set(dir, { sources, set });
  return set;
}

const compiledSets = new Map<string, { sources: string; set: TemplateSet }>();

function compile(dir: string, partials: readonly (readonly [string, string])[], templates: readonly (readonly [string, string])[]): TemplateSet {
  const hbs = Handlebars.create();
  hbs.registerHelper(helpers);
  for (const [name, source] of partials) hbs.registerPartial(name, source);
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  for (const [name, source] of templates) compiled.set(name, hbs.compile(source, { strict: true, preventIndent: true }));
  return {
    render(name, context) {
      const template = compiled.get(name);
      if (!template) throw new Error(`no template "${name}.hbs" in ${dir}`);
      return template(context);
    },
  };
}
