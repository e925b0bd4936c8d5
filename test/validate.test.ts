// Clerks' mistakes: each one is reported with file:line:column, in Thai and
// English, all at once, with exit status 1 and no output file touched.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDataSet } from '../src/load/data-set.js';

const exec = promisify(execFile);
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'km-docs-data-'));
  await cp('data', dir, { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Replaces the first occurrence of `from` in a data file, returning the 1-based line it is on. */
async function edit(file: string, from: string, to: string): Promise<number> {
  const path = join(dir, file);
  const text = await readFile(path, 'utf8');
  const index = text.indexOf(from);
  if (index < 0) throw new Error(`"${from}" not in ${file}`);
  await writeFile(path, text.slice(0, index) + to + text.slice(index + from.length));
  return text.slice(0, index).split('\n').length;
}

async function problems() {
  const { bag } = await loadDataSet(dir, dir);
  return bag.sorted().map((d) => ({ place: `${d.file}:${d.start?.line}:${d.start?.column}`, rule: d.rule, th: d.message_th, en: d.message_en }));
}

describe('validation of clerks’ mistakes', () => {
  it('accepts the example data; its one warning is the finding the example is written to show', async () => {
    const { bag } = await loadDataSet(dir, dir);
    expect(bag.items.filter((d) => d.severity === 'error')).toEqual([]);
    // Example results: procurement sent 4 people to treasury-disbursement, below the 5 per division.
    expect(bag.items.map((d) => d.rule)).toEqual(['results/participants-below-minimum']);
  });

  it('names the line and column of a misspelt key, with a suggestion', async () => {
    const line = await edit('plan.yaml', '  meetingNumber: 1', '  meetingNumbr: 1');
    const found = await problems();
    expect(found).toContainEqual(expect.objectContaining({ place: `plan.yaml:${line}:3`, rule: 'schema/unknown-key' }));
    expect(found.find((p) => p.rule === 'schema/unknown-key')!.en).toContain('did you mean "meetingNumber"');
  });

  it('reports an impossible date at its value', async () => {
    const line = await edit('plan.yaml', 'date: 2023-12-29', 'date: 2023-02-30');
    expect(await problems()).toContainEqual(expect.objectContaining({ place: `plan.yaml:${line}:9`, rule: 'schema/bad-date' }));
  });

  it('reports a wrong type and an out-of-range value together', async () => {
    const typeLine = await edit('plan.yaml', 'kpiPercent: 80', 'kpiPercent: แปดสิบ');
    const rangeLine = await edit('plan.yaml', 'month: 4', 'month: 13');
    const found = await problems();
    expect(found).toContainEqual(expect.objectContaining({ place: `plan.yaml:${typeLine}:15`, rule: 'schema/wrong-type' }));
    expect(found).toContainEqual(expect.objectContaining({ place: `plan.yaml:${rangeLine}:14`, rule: 'schema/out-of-range' }));
  });

  it('reports broken YAML with the parser position', async () => {
    const line = await edit('organization.yaml', 'shortName: อบจ.สมุทรสงคราม', 'shortName: "อบจ.สมุทรสงคราม');
    expect(await problems()).toContainEqual(expect.objectContaining({ place: `organization.yaml:${line}:12`, rule: 'yaml/missing-char' }));
  });

  it('a reload in the same process (watch mode) reports a YAML mistake every time and sees its correction', async () => {
    // Parses are kept by file name and text: the second load of the broken file comes from
    // what was kept and must still report the mistake; the fixed text must be parsed anew.
    const original = await readFile(join(dir, 'organization.yaml'), 'utf8');
    const line = await edit('organization.yaml', 'shortName: อบจ.สมุทรสงคราม', 'shortName: "อบจ.สมุทรสงคราม');
    const broken = { place: `organization.yaml:${line}:12`, rule: 'yaml/missing-char' };
    expect(await problems()).toContainEqual(expect.objectContaining(broken));
    expect(await problems()).toContainEqual(expect.objectContaining(broken));
    await writeFile(join(dir, 'organization.yaml'), original.replace('shortName: อบจ.สมุทรสงคราม', 'shortName: อบจ.ทดสอบ'));
    const { data, bag } = await loadDataSet(dir, dir);
    expect(bag.items.filter((d) => d.severity === 'error')).toEqual([]);
    expect(data?.organization.shortName).toBe('อบจ.ทดสอบ');
  });

  it('reports a responsible division that does not exist', async () => {
    const line = await edit('plan.yaml', 'responsible: finance', 'responsible: finanse');
    expect(await problems()).toContainEqual(expect.objectContaining({ place: `plan.yaml:${line}:20`, rule: 'ref/unknown-id' }));
  });

  it('reports a missing data file', async () => {
    await rm(join(dir, 'plan.yaml'));
    expect(await problems()).toContainEqual(expect.objectContaining({ place: 'plan.yaml:undefined:undefined', rule: 'load/missing-file' }));
  });

  it('the CLI exits 1 with bilingual messages, no stack trace, and leaves outputs untouched', async () => {
    const out = await mkdtemp(join(tmpdir(), 'km-docs-out-'));
    try {
      await writeFile(join(out, 'announcement.pdf'), 'earlier output');
      const before = await stat(join(out, 'announcement.pdf'));
      await edit('plan.yaml', '  meetingNumber: 1', '  meetingNumbr: 1');
      await edit('plan.yaml', 'date: 2023-12-29', 'date: 2023-02-30');
      const result = await exec('node', ['dist/cli.js', 'build', '--data', dir, '--out', out]).catch((e) => e);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('ไม่รู้จักคีย์ "meetingNumbr"');
      expect(result.stderr).toContain('is not a real date');
      expect(result.stderr).toMatch(/\d+ ข้อผิดพลาด, 0 คำเตือน \/ \d+ error\(s\)/);
      expect(result.stderr).toContain('ไม่ได้เขียนไฟล์ผลลัพธ์ใด ๆ');
      expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack frames
      expect(await readdir(out)).toEqual(['announcement.pdf']);
      expect((await stat(join(out, 'announcement.pdf'))).mtimeMs).toBe(before.mtimeMs);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('--format json gives every diagnostic with file, line, column, severity, rule and both messages; exit 1', async () => {
    const line = await edit('plan.yaml', '  meetingNumber: 1', '  meetingNumbr: 1');
    const result = await exec('node', [resolve('dist/cli.js'), 'validate', '--data', '.', '--format', 'json'], { cwd: dir }).catch((e) => e);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    // Consistency rules run once the schemas pass, so the example's warning is not among these.
    expect(report).toMatchObject({ valid: false, errors: 1, warnings: 0 });
    expect(report.diagnostics[0]).toEqual({
      file: 'plan.yaml',
      line,
      column: 3,
      endLine: line,
      endColumn: 15,
      severity: 'error',
      rule: 'schema/unknown-key',
      message_th: 'ไม่รู้จักคีย์ "meetingNumbr" หมายถึง "meetingNumber" หรือไม่',
      message_en: 'unknown key "meetingNumbr"; did you mean "meetingNumber"?',
      hint: 'คีย์ที่ใช้ได้ / keys allowed here: committee, meetingNumber, date',
    });
  });

  it('validate prints warnings but exits 0 when there is no error', async () => {
    const result = await exec('node', ['dist/cli.js', 'validate', '--data', dir]);
    expect(result.stderr).toContain('0 ข้อผิดพลาด, 1 คำเตือน / 0 error(s), 1 warning(s)');
    expect(result.stdout).toContain('ข้อมูลถูกต้อง / data is valid');
    const json = JSON.parse((await exec('node', ['dist/cli.js', 'validate', '--data', dir, '--format', 'json'])).stdout);
    expect(json).toMatchObject({ valid: true, errors: 0, warnings: 1 });
  });

  it('a data folder that does not exist is a user mistake, exit 1', async () => {
    const result = await exec('node', ['dist/cli.js', 'validate', '--data', join(dir, 'nope')]).catch((e) => e);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ไม่พบโฟลเดอร์ข้อมูล / data folder not found  (load/missing-folder)');
  });
});

describe('the command line', () => {
  it.each(['build', 'validate', 'score', 'schema'])('km-docs %s --help', async (command) => {
    const { stdout } = await exec('node', ['dist/cli.js', command, '--help']);
    expect(stdout).toMatch(new RegExp(`^Usage: km-docs ${command} `));
  });

  it('a misspelt command or option gets a "did you mean", exit 1, no stack trace', async () => {
    const command = await exec('node', ['dist/cli.js', 'validat']).catch((e) => e);
    expect(command.code).toBe(1);
    expect(command.stderr).toContain('unknown command "validat"; did you mean "validate"?');
    const option = await exec('node', ['dist/cli.js', 'score', '--yaer', '2567']).catch((e) => e);
    expect(option.code).toBe(1);
    expect(option.stderr).toContain('ไม่รู้จักตัวเลือก "--yaer" หมายถึง "--year" หรือไม่ / unknown option "--yaer"; did you mean "--year"?');
    const format = await exec('node', ['dist/cli.js', 'validate', '--format', 'xml']).catch((e) => e);
    expect(format.code).toBe(1);
    expect(format.stderr).toContain('unknown format "xml" (use text or json)');
    for (const r of [command, option, format]) expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });
});


describe('a YAML file built to exhaust the parser', () => {
  it('is a user mistake with a message, not a crash', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'km-docs-alias-'));
    try {
      await cp('data', dir, { recursive: true });
      // The "billion laughs": each level doubles the aliases to expand.
      const levels = Array.from({ length: 24 }, (_, i) => `l${i + 1}: &l${i + 1} [*l${i}, *l${i}]`).join('\n');
      await writeFile(join(dir, 'organization.yaml'), `l0: &l0 [x]\n${levels}\n`);
      const result = await exec('node', ['dist/cli.js', 'validate', '--data', dir]).catch((e) => e);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('yaml/too-many-aliases');
      expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a YAML file parsed before', () => {
  it('is found by its text under another name, and reported under the name asked for', async () => {
    const { parseYaml } = await import('../src/load/yaml-source.js');
    const { DiagnosticBag } = await import('../src/diagnostics.js');
    const text = `# ${Math.random()}\nname: หนึ่ง\n`;
    const here = parseYaml(text, 'data/plan.yaml', new DiagnosticBag())!;
    const there = parseYaml(text, '../km/data/plan.yaml', new DiagnosticBag())!;
    expect(there.doc).toBe(here.doc); // not parsed again
    expect([here.file, there.file]).toEqual(['data/plan.yaml', '../km/data/plan.yaml']);
    expect(parseYaml(text, 'data/plan.yaml', new DiagnosticBag())).toBe(here);
    // A mistake found by the first parse is reported again, under each name.
    const broken = `${text}name: สอง\n`;
    const reported = (file: string) => {
      const bag = new DiagnosticBag();
      expect(parseYaml(broken, file, bag)).toBeUndefined();
      return bag.items.map((d) => [d.file, d.rule]);
    };
    expect(reported('data/plan.yaml')).toEqual([['data/plan.yaml', 'yaml/duplicate-key']]);
    expect(reported('../km/data/plan.yaml')).toEqual([['../km/data/plan.yaml', 'yaml/duplicate-key']]);
    // Another text under the first name is parsed anew.
    expect(parseYaml(`${text}other: 1\n`, 'data/plan.yaml', new DiagnosticBag())!.doc).not.toBe(here.doc);
  });
});
