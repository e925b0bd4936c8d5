// Loads and validates one organization's data folder: organization.yaml,
// plan.yaml and any results-<fiscal year>.yaml. Reports every problem of every
// file before stopping.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DiagnosticBag } from '../diagnostics.js';
import { runLint } from '../lint/run.js';
import { OrganizationSchema, PlanSchema, ResultsSchema, type KmData } from '../model/schema.js';
import { checkReferences } from '../validate/references.js';
import { checkSchema } from '../validate/schema-check.js';
import { loadYaml, type YamlSource } from './yaml-source.js';

export const RESULTS_FILE = /^results-(\d{4})\.ya?ml$/;
const LOOKS_LIKE_RESULTS = /^(results|result|ผล).*\.(ya?ml|txt)$/i;

export interface LoadedData {
  data: KmData;
  /** Source text by display name, for code frames in diagnostics. */
  texts: Map<string, string>;
}

export interface LoadOutcome {
  data?: KmData;
  bag: DiagnosticBag;
  texts: Map<string, string>;
  /** Display names of the results files, in the order of `data.results`. */
  resultFiles: string[];
}

export function loadDataSet(dataDir: string, cwd = process.cwd()): LoadOutcome {
  const bag = new DiagnosticBag();
  const texts = new Map<string, string>();
  const display = (name: string) => relative(cwd, join(dataDir, name)) || name;
  const load = (name: string) => loadYaml(join(dataDir, name), display(name), bag, texts);

  let resultFiles: string[] = [];
  try {
    const names = readdirSync(dataDir);
    resultFiles = names.filter((f) => RESULTS_FILE.test(f)).sort();
    // A results file named slightly wrong would be skipped without a word.
    for (const name of names.filter((f) => LOOKS_LIKE_RESULTS.test(f) && !RESULTS_FILE.test(f))) {
      bag.add({
        severity: 'warning',
        rule: 'load/ignored-file',
        file: display(name),
        message_th: 'ไฟล์นี้ไม่ถูกอ่าน ชื่อไฟล์ผลการดำเนินงานต้องเป็น results-ปปปป.yaml (เช่น results-2568.yaml)',
        message_en: 'this file is not read; name a results file results-YYYY.yaml (e.g. results-2568.yaml)',
      });
    }
  } catch {
    bag.add({
      severity: 'error',
      rule: 'load/missing-folder',
      file: relative(cwd, dataDir) || '.',
      message_th: 'ไม่พบโฟลเดอร์ข้อมูล',
      message_en: 'data folder not found',
    });
    return { bag, texts, resultFiles: [] };
  }

  const orgSource = load('organization.yaml');
  const planSource = load('plan.yaml');
  const resultSources = resultFiles.map(load);
  const organization = orgSource && checkSchema(OrganizationSchema, orgSource, bag);
  const plan = planSource && checkSchema(PlanSchema, planSource, bag);
  const results = resultSources.map((s) => s && checkSchema(ResultsSchema, s, bag));
  if (bag.hasErrors || !organization || !plan || results.some((r) => !r)) return { bag, texts, resultFiles: [] };

  const data: KmData = { organization, plan, results: results as KmData['results'] };
  const sources = { organization: orgSource!, plan: planSource!, results: resultSources as YamlSource[] };
  checkReferences(data, sources, dataDir, bag);
  // Consistency rules read only schema-valid data, so they run even when a reference is wrong: all problems at once.
  runLint({ data, organization: sources.organization, plan: sources.plan, years: data.results.map((r, i) => ({ results: r, source: sources.results[i]! })) }, bag);
  const names = resultFiles.map(display);
  return bag.hasErrors ? { bag, texts, resultFiles: names } : { data, bag, texts, resultFiles: names };
}
