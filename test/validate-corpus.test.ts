// A corpus of the mistakes clerks make when they edit the YAML by hand. Each is
// made on a fresh copy of data/, then checked twice with the real thing:
//  - the loader reports it at the exact file:line:column under the expected rule;
//  - `km-docs build` (the compiled CLI) exits 1 with that place in its bilingual
//    output, shows no stack trace, and leaves an earlier output file untouched.
// Lines are found from where the edit was made, so the corpus follows changes
// to the example data; columns are written out.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadDataSet } from '../src/load/data-set.js';

const exec = promisify(execFile);
const CLI = resolve('dist/cli.js');

interface Place {
  file: string;
  line: number;
  column: number;
  rule: string;
}

/** A copy of data/ to break. */
class Copy {
  constructor(readonly dir: string) {}

  /** Replaces the first occurrence of `from` in `file`; returns the 1-based line where it began. */
  async edit(file: string, from: string, to: string): Promise<number> {
    const path = join(this.dir, file);
    const text = await readFile(path, 'utf8');
    const index = text.indexOf(from);
    if (index < 0) throw new Error(`"${from}" not in ${file}`);
    await writeFile(path, text.slice(0, index) + to + text.slice(index + from.length));
    return text.slice(0, index).split('\n').length;
  }

  /** The line of the first occurrence of `text` in `file` (after earlier edits). */
  async lineOf(file: string, text: string): Promise<number> {
    const source = await readFile(join(this.dir, file), 'utf8');
    const index = source.indexOf(text);
    if (index < 0) throw new Error(`"${text}" not in ${file}`);
    return source.slice(0, index).split('\n').length;
  }

  async write(file: string, content: string | Uint8Array): Promise<void> {
    await writeFile(join(this.dir, file), content);
  }

  async read(file: string): Promise<string> {
    return readFile(join(this.dir, file), 'utf8');
  }
}

interface Mistake {
  /** What the clerk did. */
  name: string;
  /** Makes the mistake and returns where it must be reported. */
  make(copy: Copy): Promise<Place>;
}

const R = 'results-2567.yaml';
const P = 'plan.yaml';
const O = 'organization.yaml';

const at = (file: string, line: number, column: number, rule: string): Place => ({ file, line, column, rule });

const MISTAKES: Mistake[] = [
  // ---------------------------------------------------------------- YAML syntax
  {
    name: 'leaves a quotation mark unclosed',
    make: async (c) => at(O, await c.edit(O, 'shortName: อบจ.สมุทรสงคราม', 'shortName: "อบจ.สมุทรสงคราม'), 12, 'yaml/missing-char'),
  },
  {
    name: 'indents with a tab',
    make: async (c) => at(P, await c.edit(P, '  firstFiscalYear: 2567', '\tfirstFiscalYear: 2567'), 1, 'yaml/tab-as-indent'),
  },
  {
    name: 'writes the same key twice',
    make: async (c) => at(P, (await c.edit(P, 'owner: hr-development\n', 'owner: hr-development\nowner: personnel\n')) + 1, 1, 'yaml/duplicate-key'),
  },
  {
    name: 'writes ": " inside an unquoted text',
    make: async (c) =>
      at(P, await c.edit(P, 'title: การทบทวน/ปรับปรุงแผนพัฒนาท้องถิ่น', 'title: การทบทวน: ปรับปรุงแผนพัฒนาท้องถิ่น'), 14, 'yaml/block-as-implicit-key'),
  },
  {
    name: 'indents one key of a list item by a space too few',
    make: async (c) => at(R, (await c.edit(R, '    held: true\n    date: 2024-04-25', '    held: true\n   date: 2024-04-25')) + 1, 4, 'yaml/missing-char'),
  },
  {
    name: 'pastes a second document after "---"',
    make: async (c) => at(R, (await c.edit(R, '\nknowledge:', '\n---\nknowledge:')) + 1, 1, 'yaml/multiple-docs'),
  },
  // ---------------------------------------------------------------- keys
  {
    name: 'misspells a key',
    make: async (c) => at(P, await c.edit(P, '  meetingNumber: 1', '  meetingNumbr: 1'), 3, 'schema/unknown-key'),
  },
  {
    name: 'capitalizes a key',
    make: async (c) => at(R, await c.edit(R, '\nfiscalYear: 2567', '\nFiscalYear: 2567') + 1, 1, 'schema/unknown-key'),
  },
  {
    name: 'deletes a required key',
    make: async (c) => {
      const line = await c.lineOf(R, '  - activity: personnel-administration');
      await c.edit(R, '  - activity: personnel-administration\n    held: true\n', '  - activity: personnel-administration\n');
      return at(R, line, 5, 'schema/missing-key');
    },
  },
  {
    name: 'leaves a value empty after the colon',
    make: async (c) => at(O, await c.edit(O, '  name: นางสาวกาญจน์สุดา ปานะลูทระ', '  name:'), 8, 'schema/missing-value'),
  },
  {
    name: 'empties a results file',
    make: async (c) => {
      await c.write(R, '# ยังไม่ได้กรอก\n');
      return at(R, 1, 1, 'schema/empty-file');
    },
  },
  // ---------------------------------------------------------------- types
  {
    name: 'writes a number in Thai words',
    make: async (c) => at(R, await c.edit(R, 'count: 62', 'count: หกสิบสอง'), 45, 'schema/wrong-type'),
  },
  {
    name: 'writes a number in Thai digits',
    make: async (c) => at(R, await c.edit(R, 'count: 24', 'count: ๒๔'), 35, 'schema/wrong-type'),
  },
  {
    name: 'writes a number with its unit',
    make: async (c) => at(R, await c.edit(R, 'informed: 138', 'informed: 138 คน'), 15, 'schema/wrong-type'),
  },
  {
    name: 'writes a thousands comma inside { }',
    make: async (c) => at(R, await c.edit(R, 'count: 30 }', 'count: 1,030 }'), 35, 'schema/unknown-key'),
  },
  {
    name: 'writes yes for true',
    make: async (c) => at(R, await c.edit(R, 'held: true', 'held: yes'), 11, 'schema/wrong-type'),
  },
  {
    name: 'writes one item where a list is expected',
    make: async (c) => at(R, await c.edit(R, 'procedures: [strategy-budget, finance, procurement]', 'procedures: strategy-budget'), 13, 'schema/wrong-type'),
  },
  {
    name: 'writes a text as an empty string',
    make: async (c) => at(P, await c.edit(P, '  law: พระราชกฤษฎีกาว่าด้วยหลักเกณฑ์และวิธีการบริหารกิจการบ้านเมืองที่ดี\n', '  law: ""\n'), 8, 'schema/empty-text'),
  },
  {
    name: 'misspells the key of a level rule',
    make: async (c) => at(P, await c.edit(P, 'rule: { countAtLeast: 2 }', 'rule: { countAtleast: 2 }'), 15, 'schema/no-variant'),
  },
  {
    name: 'empties a list that needs an item',
    make: async (c) => at(P, await c.edit(P, 'methods: [storytelling]', 'methods: []'), 16, 'schema/too-few'),
  },
  // ---------------------------------------------------------------- ranges and formats
  {
    name: 'types a negative count',
    make: async (c) => at(R, await c.edit(R, 'count: 30', 'count: -30'), 33, 'schema/out-of-range'),
  },
  {
    name: 'types a percentage over 100',
    make: async (c) => at(P, await c.edit(P, 'targetPercent: 80', 'targetPercent: 800'), 20, 'schema/out-of-range'),
  },
  {
    name: 'types month 13',
    make: async (c) => at(P, await c.edit(P, 'month: 4', 'month: 13'), 14, 'schema/out-of-range'),
  },
  {
    name: 'types level 6',
    make: async (c) => at(P, await c.edit(P, '      - level: 5', '      - level: 6'), 16, 'schema/out-of-range'),
  },
  {
    name: 'writes the fiscal year in the Gregorian calendar',
    make: async (c) => at(R, await c.edit(R, 'fiscalYear: 2567', 'fiscalYear: 2024'), 13, 'schema/out-of-range'),
  },
  {
    name: 'writes a date that does not exist',
    make: async (c) => at(P, await c.edit(P, 'date: 2023-12-29', 'date: 2023-02-30'), 9, 'schema/bad-date'),
  },
  {
    name: 'writes a date the Thai way (day/month/พ.ศ.)',
    make: async (c) => at(R, await c.edit(R, 'date: 2024-04-25', 'date: 25/04/2567'), 11, 'schema/bad-date'),
  },
  {
    name: 'writes a date with a Buddhist-era year',
    make: async (c) => at(P, await c.edit(P, 'date: 2023-12-29', 'date: 2566-12-29'), 9, 'date/buddhist-era-year'),
  },
  {
    name: 'leaves out https:// from the website',
    make: async (c) => at(O, await c.edit(O, 'website: https://www.skmpao.go.th', 'website: www.skmpao.go.th'), 10, 'schema/bad-url'),
  },
  {
    name: 'writes an id with capitals and a space',
    make: async (c) => at(P, await c.edit(P, '- id: procurement-act', '- id: Procurement Act'), 11, 'schema/bad-id'),
  },
  // ---------------------------------------------------------------- references and files
  {
    name: 'misspells the responsible division',
    make: async (c) => at(P, await c.edit(P, 'responsible: finance', 'responsible: finanse'), 20, 'ref/unknown-id'),
  },
  {
    name: 'misspells a division in the participants',
    make: async (c) => at(R, await c.edit(R, '{ division: procurement, count: 12 }', '{ division: procurment, count: 12 }'), 21, 'ref/unknown-id'),
  },
  {
    name: 'gives two activities the same id',
    make: async (c) => at(P, await c.edit(P, '- id: local-development-plan', '- id: personnel-administration'), 11, 'ref/duplicate-id'),
  },
  {
    name: 'names a signature file that is not there',
    make: async (c) =>
      at(O, (await c.edit(O, '  position: นายกองค์การบริหารส่วนจังหวัดสมุทรสงคราม', '  position: นายกองค์การบริหารส่วนจังหวัดสมุทรสงคราม\n  signature: signature.png')) + 1, 14, 'ref/missing-file'),
  },
  {
    name: 'names a signature that is a JPEG renamed .png',
    make: async (c) => {
      await c.write('signature.png', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]));
      const line = await c.edit(O, '  position: นายกองค์การบริหารส่วนจังหวัดสมุทรสงคราม', '  position: นายกองค์การบริหารส่วนจังหวัดสมุทรสงคราม\n  signature: signature.png');
      return at(O, line + 1, 14, 'ref/not-png');
    },
  },
  {
    name: 'names a factor number the plan does not have',
    make: async (c) => at(P, await c.edit(P, 'factors: [3]', 'factors: [4]'), 17, 'ref/unknown-factor'),
  },
  {
    name: 'reports an activity the plan does not have',
    make: async (c) => at(R, await c.edit(R, 'activity: disaster-prevention', 'activity: disaster-prevension'), 15, 'results/unknown-activity'),
  },
  {
    name: 'reports the same activity twice',
    make: async (c) => at(R, await c.edit(R, 'activity: local-development-plan', 'activity: personnel-administration'), 15, 'results/duplicate-activity'),
  },
  {
    name: 'lists a division twice in the staff counts',
    make: async (c) => {
      await c.edit(R, '{ division: finance, count: 30 }', '{ division: procurement, count: 30 }');
      return at(R, await c.lineOf(R, '{ division: procurement, count: 19 }'), 17, 'results/duplicate-division');
    },
  },
  // ---------------------------------------------------------------- consistency
  {
    name: 'copies last year’s results file without changing the year',
    make: async (c) => {
      await c.write('results-2568.yaml', await c.read(R));
      return at('results-2568.yaml', await c.lineOf('results-2568.yaml', 'fiscalYear: 2567'), 13, 'results/file-name-mismatch');
    },
  },
  {
    name: 'adds results for a year after the plan period',
    make: async (c) => {
      await c.write('results-2570.yaml', (await c.read(R)).replace('fiscalYear: 2567', 'fiscalYear: 2570').replaceAll('date: 2024-', 'date: 2027-'));
      return at('results-2570.yaml', await c.lineOf('results-2570.yaml', 'fiscalYear: 2570'), 13, 'results/fiscal-year-outside-period');
    },
  },
  {
    name: 'dates an activity in the previous fiscal year',
    make: async (c) => at(R, await c.edit(R, 'date: 2024-08-22', 'date: 2023-08-22'), 11, 'results/date-outside-fiscal-year'),
  },
  {
    name: 'reports more staff informed than there are staff',
    make: async (c) => at(R, await c.edit(R, 'informed: 138', 'informed: 1380'), 15, 'results/informed-exceeds-staff'),
  },
  {
    name: 'dates the committee approval after the announcement',
    make: async (c) => at(P, await c.edit(P, 'date: 2023-09-26', 'date: 2024-09-26'), 9, 'plan/approval-after-announcement'),
  },
  {
    name: 'announces the plan after its first fiscal year',
    make: async (c) => at(P, await c.edit(P, 'date: 2023-12-29', 'date: 2024-12-29'), 9, 'plan/announcement-after-first-year'),
  },
  {
    name: 'types the last fiscal year before the first',
    make: async (c) => at(P, await c.edit(P, 'lastFiscalYear: 2569', 'lastFiscalYear: 2566'), 19, 'plan/period-order'),
  },
];

/** Mistakes that are legal but suspicious: reported as warnings, the build goes on. */
const WARNINGS: Mistake[] = [
  {
    name: 'names a results file so that it would be skipped',
    make: async (c) => {
      await c.write('Results-2568.yaml', await c.read(R));
      return at('Results-2568.yaml', 0, 0, 'load/ignored-file');
    },
  },
  {
    name: 'holds an activity in another month than planned',
    make: async (c) => at(R, await c.edit(R, 'date: 2024-05-23', 'date: 2024-06-23'), 11, 'results/date-in-other-month'),
  },
  {
    name: 'adds a division to the organization but not to the staff counts',
    make: async (c) => {
      const org = await c.read(O);
      await c.write(O, `${org.trimEnd()}\n  - id: legal-affairs\n    name: กองกฎหมาย\n`);
      return at(R, (await c.lineOf(R, '\nstaff:')) + 1, 1, 'results/staff-missing-division');
    },
  },
];

async function copyOfData(): Promise<Copy> {
  const dir = await mkdtemp(join(tmpdir(), 'km-docs-corpus-'));
  await cp('data', dir, { recursive: true });
  return new Copy(dir);
}

async function reported(dir: string) {
  const { bag } = await loadDataSet(dir, dir);
  return bag.items.map((d) => ({
    place: { file: d.file, line: d.start?.line ?? 0, column: d.start?.column ?? 0, rule: d.rule },
    severity: d.severity,
    th: d.message_th,
    en: d.message_en,
  }));
}

describe('the corpus', () => {
  it('has at least 25 distinct error mistakes', () => {
    expect(new Set(MISTAKES.map((m) => m.name)).size).toBe(MISTAKES.length);
    expect(MISTAKES.length).toBeGreaterThanOrEqual(25);
  });
});

describe.concurrent('a clerk’s mistake is reported at its place and stops the build', () => {
  it.each(MISTAKES.map((m) => [m.name, m] as const))('%s', async (_name, mistake) => {
    const copy = await copyOfData();
    const out = await mkdtemp(join(tmpdir(), 'km-docs-corpus-out-'));
    try {
      const expected = await mistake.make(copy);
      const found = await reported(copy.dir);
      expect(found.map((f) => f.place)).toContainEqual(expected);
      const diagnostic = found.find((f) => JSON.stringify(f.place) === JSON.stringify(expected))!;
      expect(diagnostic.severity).toBe('error');
      expect(diagnostic.th).toMatch(/[\u0E00-\u0E7F]/); // Thai
      expect(diagnostic.en).toMatch(/[a-z]{3}/); // English

      // The real CLI: exit 1, the place in its output, no stack trace, the earlier output untouched.
      await writeFile(join(out, 'announcement.pdf'), 'earlier output');
      const before = await stat(join(out, 'announcement.pdf'));
      const result = await exec('node', [CLI, 'build', '--data', '.', '--out', out], { cwd: copy.dir }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${expected.file}:${expected.line}:${expected.column}  error  `);
      expect(result.stderr).toContain(`(${expected.rule})`);
      expect(result.stderr).toContain('ไม่ได้เขียนไฟล์ผลลัพธ์ใด ๆ / no output file was written');
      expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
      expect(await readdir(out)).toEqual(['announcement.pdf']);
      expect(await readFile(join(out, 'announcement.pdf'), 'utf8')).toBe('earlier output');
      expect((await stat(join(out, 'announcement.pdf'))).mtimeMs).toBe(before.mtimeMs);
    } finally {
      await rm(copy.dir, { recursive: true, force: true });
      await rm(out, { recursive: true, force: true });
    }
  });
});

describe.concurrent('a suspicious but legal entry is a warning, and validate exits 0', () => {
  it.each(WARNINGS.map((m) => [m.name, m] as const))('%s', async (_name, mistake) => {
    const copy = await copyOfData();
    try {
      const expected = await mistake.make(copy);
      const found = await reported(copy.dir);
      expect(found.map((f) => f.place)).toContainEqual(expected);
      expect(found.filter((f) => f.severity === 'error')).toEqual([]);
      const result = await exec('node', [CLI, 'validate', '--data', '.'], { cwd: copy.dir });
      expect(result.stdout).toContain('ข้อมูลถูกต้อง / data is valid');
      expect(result.stderr).toContain(`(${expected.rule})`);
    } finally {
      await rm(copy.dir, { recursive: true, force: true });
    }
  });
});
