// Stage 4a: data → XML through Handlebars templates in templates/. Handlebars
// escapes every inserted value, so data text can never become markup.
import { readdirSync, readFileSync } from 'node:fs';
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
 * Read synchronously: see src/write/atomic.ts.
 */
export function loadTemplates(dir: string): TemplateSet {
  const partialDir = join(dir, 'partials');
  const read = (folder: string) => {
    const files = filesOf(folder).filter((f) => f.endsWith('.hbs')).sort();
    return files.map((file) => [file.slice(0, -4), readFileSync(join(folder, file), 'utf8')] as const);
  };
  const [partials, templates] = [read(partialDir), read(dir)];
  const sources = JSON.stringify([partials, templates]);
  const kept = compiledSets.get(dir);
  if (kept?.sources === sources) return kept.set;
  const set = compile(dir, partials, templates);
  compiledSets.set(dir, { sources, set });
  return set;
}

const compiledSets = new Map<string, { sources: string; set: TemplateSet }>();

/** The names in `folder`, none when it does not exist (a set without partials). */
function filesOf(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

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
