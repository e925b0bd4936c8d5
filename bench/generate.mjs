// Generates data folders for the benchmarks: the example plan with N activities
// (each a copy of one of the five, renamed) and results for each of them.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

const root = new URL('..', import.meta.url).pathname;

/** Writes a data folder with `activities` activities into `dir`; returns `dir`. */
export function generateDataSet(dir, activities) {
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, 'data'), dir, { recursive: true });
  const plan = parse(readFileSync(join(root, 'data/plan.yaml'), 'utf8'));
  const results = parse(readFileSync(join(root, 'data/results-2567.yaml'), 'utf8'));
  const base = plan.actionPlan.activities;
  const baseResults = results.activities;
  plan.actionPlan.activities = Array.from({ length: activities }, (_, i) => ({ ...base[i % base.length], id: `activity-${i + 1}` }));
  results.activities = Array.from({ length: activities }, (_, i) => ({ ...baseResults[i % baseResults.length], activity: `activity-${i + 1}` }));
  writeFileSync(join(dir, 'plan.yaml'), stringify(plan, { aliasDuplicateObjects: false }));
  writeFileSync(join(dir, 'results-2567.yaml'), stringify(results, { aliasDuplicateObjects: false }));
  return dir;
}
