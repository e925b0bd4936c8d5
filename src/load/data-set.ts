// Loads and validates one organization's data folder: organization.yaml,
// plan.yaml and any results-<fiscal year>.yaml. Reports every problem of every
// file before stopping.
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { DiagnosticBag } from '../diagnostics.js';
import { OrganizationSchema, PlanSchema, ResultsSchema, type KmData } from '../model/schema.js';
import { checkReferences } from '../validate/references.js';
import { checkSchema } from '../validate/schema-check.js';
import { loadYaml, type YamlSource } from './yaml-source.js';

export const RESULTS_FILE = /^results-(\d{4})\.ya?ml$/;

export interface LoadedData {
  data: KmData;
  /** Source text by display name, for code frames in diagnostics. */
  texts: Map<string, string>;
}

export interface LoadOutcome {
  data?: KmData;
  bag: DiagnosticBag;
  texts: Map<string, string>;
}

export async function loadDataSet(dataDir: string, cwd = process.cwd()): Promise<LoadOutcome> {
  const bag = new DiagnosticBag();
  const texts = new Map<string, string>();
  const display = (name: string) => relative(cwd, join(dataDir, name)) || name;
  const load = async (name: string) => {
    const source = await loadYaml(join(dataDir, name), display(name), bag);
    if (source) texts.set(source.file, source.text);
    return source;
  };

  let resultFiles: string[] = [];
  try {
    resultFiles = (await readdir(dataDir)).filter((f) => RESULTS_FILE.test(f)).sort();
  } catch {
    bag.add({
      severity: 'error',
      rule: 'load/missing-folder',
      file: relative(cwd, dataDir) || '.',
      message_th: 'ไม่พบโฟลเดอร์ข้อมูล',
      message_en: 'data folder not found',
    });
    return { bag, texts };
  }

  const [orgSource, planSource, ...resultSources] = await Promise.all([
    load('organization.yaml'),
    load('plan.yaml'),
    ...resultFiles.map(load),
  ]);
  const organization = orgSource && checkSchema(OrganizationSchema, orgSource, bag);
  const plan = planSource && checkSchema(PlanSchema, planSource, bag);
  const results = resultSources.map((s) => s && checkSchema(ResultsSchema, s, bag));
  if (bag.hasErrors || !organization || !plan || results.some((r) => !r)) return { bag, texts };

  const data: KmData = { organization, plan, results: results as KmData['results'] };
  const sources = { organization: orgSource!, plan: planSource!, results: resultSources as YamlSource[] };
  await checkReferences(data, sources, dataDir, bag);
  return bag.hasErrors ? { bag, texts } : { data, bag, texts };
}
