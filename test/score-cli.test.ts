// `km-docs score` as a committee secretary runs it: the compiled CLI on the example data.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const score = (...args: string[]) => exec('node', ['dist/cli.js', 'score', ...args]);

describe('km-docs score', () => {
  it('--format json has the documented keys, traceable to the data', async () => {
    const json = JSON.parse((await score('--format', 'json')).stdout);
    expect(json).toMatchObject({ fiscalYear: 2567, reported: true, file: 'data/results-2567.yaml', example: true, staffTotal: 156 });
    expect(json.factors.map((f: { id: string; level: number }) => [f.id, f.level])).toEqual([
      ['knowledge', 4],
      ['work-quality', 3],
      ['dissemination', 4],
    ]);
    expect(json.factors[2].explanation).toBe('ระดับ ๔: เผยแพร่ความรู้ ๔ ช่องทาง (เกณฑ์: มีการเผยแพร่จำนวน ๔ ช่องทาง)');
    const treasury = json.activities.find((a: { id: string }) => a.id === 'treasury-disbursement');
    expect(treasury).toMatchObject({ informed: 119, targetPercent: 80, kpiMet: false, participantsTotal: 34 });
    expect(treasury.kpiPercent).toBeCloseTo((119 * 100) / 156, 10);
    expect(json.activities.filter((a: { kpiMet: boolean }) => a.kpiMet).length).toBe(4);
    expect(json.divisions.find((d: { division: string }) => d.division === 'procurement')).toMatchObject({ minimum: 5, met: false });
    expect(json.overall).toMatchObject({ met: false, targetPercent: 80, factorsMeetingTarget: 2, factorCount: 3 });
  });

  it('a plan year without results is "not yet reported": null, never 0', async () => {
    const json = JSON.parse((await score('--year', '2568', '--format', 'json')).stdout);
    expect(json).toMatchObject({ fiscalYear: 2568, reported: false, file: null });
    expect(json.factors.map((f: { level: unknown }) => f.level)).toEqual([null, null, null]);
    expect(json.activities.map((a: { kpiPercent: unknown; kpiMet: unknown }) => [a.kpiPercent, a.kpiMet])).toEqual(Array(5).fill([null, null]));
    expect(json.overall.met).toBeNull();
    const text = (await score('--year', '2568')).stdout;
    expect(text).toContain('ยังไม่รายงานผล / not yet reported');
  });

  it('prints a readable text report by default', async () => {
    const { stdout } = await score();
    expect(stdout).toContain('ผลการดำเนินงานปีงบประมาณ 2567 / score of fiscal year 2567');
    expect(stdout).toMatch(/treasury-disbursement\s+2024-07-18\s+119\/156 = 76\.28 %\s+ไม่ผ่าน \/ not met/);
    expect(stdout).toMatch(/procurement\s+5 5 12 4 5\s+ไม่ผ่าน \/ not met \(treasury-disbursement: 4\)/);
    expect(stdout).toContain('ภาพรวม / overall: ไม่ผ่าน / not met');
  });

  it('a year outside the plan, or written in the Gregorian calendar, is a user mistake (exit 1)', async () => {
    for (const year of ['2570', '2024', 'สองห้า']) {
      const result = await score('--year', year).catch((e) => e);
      expect(result.code, year).toBe(1);
      expect(result.stderr).toContain(`fiscal year "${year}" is not in the plan period (2567–2569)`);
    }
  });

  it('refuses to score data with errors, showing them (exit 1)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'km-docs-score-'));
    try {
      await cp('data', dir, { recursive: true });
      await rm(join(dir, 'plan.yaml'));
      const result = await score('--data', dir).catch((e) => e);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('(load/missing-file)');
      expect(result.stdout).toBe('');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
