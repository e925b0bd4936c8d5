// Consistency rules, remark-lint style: every rule has an `ok` fixture that must
// produce no message at all and a `not-ok` fixture whose exact output, as a
// clerk sees it (code frames included), is kept in `expected.txt`.
// Fixtures are folders under test/fixtures/lint/<rule id>/ holding only the
// files that differ from test/fixtures/lint/base/. After a deliberate change of
// wording, regenerate with UPDATE_FIXTURES=1 npx vitest run test/lint.test.ts
// and read the diff.
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag, formatDiagnostics } from '../src/diagnostics.js';
import { loadDataSet } from '../src/load/data-set.js';
import { parseYaml } from '../src/load/yaml-source.js';
import { RULES } from '../src/lint/rules/index.js';
import { runLint } from '../src/lint/run.js';
import { OrganizationSchema, PlanSchema, ResultsSchema } from '../src/model/schema.js';
import { checkSchema } from '../src/validate/schema-check.js';

const FIXTURES = 'test/fixtures/lint';
const UPDATE = !!process.env.UPDATE_FIXTURES;

/** Base data with the fixture's files laid over it, in a fresh folder. */
async function fixture(folder: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'km-docs-lint-'));
  await cp(join(FIXTURES, 'base'), dir, { recursive: true });
  for (const name of await readdir(folder)) if (name !== 'expected.txt') await cp(join(folder, name), join(dir, name));
  return dir;
}

/** What `km-docs validate` prints for the folder (diagnostics part), with file names relative to it. */
async function lintOutput(folder: string): Promise<{ text: string; rules: string[]; severities: Map<string, string> }> {
  const dir = await fixture(folder);
  try {
    const { bag, texts } = await loadDataSet(dir, dir);
    return {
      text: bag.items.length ? `${formatDiagnostics(bag.items, texts)}\n` : '',
      rules: bag.items.map((d) => d.rule),
      severities: new Map(bag.items.map((d) => [d.rule, d.severity])),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const exists = (path: string) => stat(path).then(() => true, () => false);

describe('lint rules', () => {
  it('the base fixture is clean', async () => {
    expect((await lintOutput(join(FIXTURES, 'base'))).text).toBe('');
  });

  it('every rule lives in its own file named after its id, with ok and not-ok fixtures', async () => {
    const files = (await readdir('src/lint/rules')).filter((f) => f !== 'index.ts').sort();
    expect(files).toEqual(RULES.map((r) => `${r.id.replace('/', '-')}.ts`).sort());
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^(plan|results|date)\/[a-z]+(-[a-z]+)*$/);
      expect(await exists(join(FIXTURES, rule.id, 'ok')), `${rule.id} ok`).toBe(true);
      expect(await exists(join(FIXTURES, rule.id, 'not-ok', 'expected.txt')), `${rule.id} expected.txt`).toBe(true);
    }
  });

  describe.each(RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    it('is silent on its ok fixture', async () => {
      expect((await lintOutput(join(FIXTURES, id, 'ok'))).text).toBe('');
    });

    it(`reports its not-ok fixture exactly, as ${rule.severity}`, async () => {
      const folder = join(FIXTURES, id, 'not-ok');
      const { text, rules, severities } = await lintOutput(folder);
      expect(rules).toContain(id);
      expect(severities.get(id)).toBe(rule.severity);
      if (UPDATE) await writeFile(join(folder, 'expected.txt'), text);
      expect(text).toBe(await readFile(join(folder, 'expected.txt'), 'utf8'));
    });
  });
});

describe('the lint runner', () => {
  /** The real loader's pieces, to call the runner with options. */
  async function context(folder: string) {
    const dir = await fixture(folder);
    const bag = new DiagnosticBag();
    const read = async (name: string) => parseYaml(await readFile(join(dir, name), 'utf8'), name, bag)!;
    const [organization, plan, results] = await Promise.all(['organization.yaml', 'plan.yaml', 'results-2567.yaml'].map(read));
    await rm(dir, { recursive: true, force: true });
    const data = {
      organization: checkSchema(OrganizationSchema, organization!, bag)!,
      plan: checkSchema(PlanSchema, plan!, bag)!,
      results: [checkSchema(ResultsSchema, results!, bag)!],
    };
    expect(bag.items).toEqual([]);
    return { data, organization: organization!, plan: plan!, years: [{ results: data.results[0]!, source: results! }] };
  }

  it('applies the severity given for a rule, or silences it', async () => {
    const ctx = await context(join(FIXTURES, 'results/participants-below-minimum/not-ok'));
    const id = 'results/participants-below-minimum';
    for (const [setting, expected] of [
      [undefined, ['warning', 'warning']],
      ['error', ['error', 'error']],
      ['off', []],
    ] as const) {
      const bag = new DiagnosticBag();
      runLint(ctx, bag, setting ? { severity: { [id]: setting } } : {});
      expect(bag.items.filter((d) => d.rule === id).map((d) => d.severity)).toEqual(expected);
    }
  });
});
