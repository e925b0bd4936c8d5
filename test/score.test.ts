import { describe, expect, it } from 'vitest';
import { factorLevel, kpiMet, kpiPercent, scoreFactor } from '../src/derive/score.js';
import type { Factor, Results } from '../src/model/schema.js';

const knowledge: Factor = {
  id: 'knowledge',
  title: 'พัฒนาองค์ความรู้',
  indicator: 'ระดับความสำเร็จในการจัดทำองค์ความรู้',
  measure: 'จำนวนองค์ความรู้',
  metric: 'knowledge-applied',
  levels: [
    { level: 1, text: 'ไม่มีองค์ความรู้', rule: { countAtLeast: 0 } },
    { level: 2, text: 'มีแต่ไม่นำมาใช้', rule: { totalAtLeast: 1 } },
    { level: 3, text: 'นำมาใช้ ๑ เรื่อง', rule: { countAtLeast: 1 } },
    { level: 4, text: 'นำมาใช้ ๒ - ๓ เรื่อง', rule: { countAtLeast: 2 } },
    { level: 5, text: 'นำมาใช้ครบ', rule: { all: true } },
  ],
};
const channels: Factor = { ...knowledge, id: 'channels', metric: 'dissemination-channels', levels: [1, 2, 3, 4, 5].map((n) => ({ level: n, text: `${n}`, rule: { countAtLeast: n } })) };

const results = (applied: boolean[], channelCount = 0): Results => ({
  fiscalYear: 2567,
  staff: [{ division: 'a', count: 10 }],
  activities: [],
  knowledge: applied.map((a, i) => ({ title: `k${i}`, applied: a })),
  procedures: [],
  channels: Array.from({ length: channelCount }, (_, i) => `c${i}`),
});

describe('factor levels', () => {
  it('takes the highest level whose rule holds', () => {
    expect(factorLevel(knowledge, { count: 0, total: 0 })).toBe(1);
    expect(factorLevel(knowledge, { count: 0, total: 2 })).toBe(2);
    expect(factorLevel(knowledge, { count: 1, total: 4 })).toBe(3);
    expect(factorLevel(knowledge, { count: 3, total: 4 })).toBe(4);
    expect(factorLevel(knowledge, { count: 4, total: 4 })).toBe(5);
  });

  it('reports level 0 when not even level 1 holds', () => {
    expect(factorLevel(channels, { count: 0 })).toBe(0);
    expect(factorLevel(channels, { count: 5 })).toBe(5);
    expect(factorLevel(channels, { count: 4 })).toBe(4);
  });

  it('explains a level in Thai with the counts behind it', () => {
    const score = scoreFactor(knowledge, 0, results([true, true, true, false]), 5);
    expect(score.level).toBe(4);
    expect(score.explanation).toBe('ระดับ ๔: มีองค์ความรู้ ๔ เรื่อง นำไปปรับใช้ ๓ เรื่อง (เกณฑ์: นำมาใช้ ๒ - ๓ เรื่อง)');
    expect(scoreFactor(channels, 2, results([], 0), 5).explanation).toBe('ยังไม่ถึงระดับ ๑: เผยแพร่ความรู้ ๐ ช่องทาง');
  });
});

describe('activity KPI', () => {
  it('meets the target at exactly 80 percent', () => {
    expect(kpiMet(80, 100, 80)).toBe(true);
    expect(kpiMet(124, 155, 80)).toBe(true); // 80.0 % despite floating point
    expect(kpiMet(123, 155, 80)).toBe(false);
  });

  it('never meets a target without staff, and has no percentage then', () => {
    expect(kpiMet(0, 0, 80)).toBe(false);
    expect(kpiPercent(5, 0)).toBeUndefined();
    expect(kpiPercent(138, 156)).toBeCloseTo(88.4615, 3);
  });
});

// ---------------------------------------------------------------- the real plan's rules, at their edges

describe('scoring the example plan (loaded by the real loader)', async () => {
  const { loadDataSet } = await import('../src/load/data-set.js');
  const { scoreFiscalYear, scoreYear, targetLevel } = await import('../src/derive/score.js');
  const { data } = await loadDataSet('data');
  if (!data) throw new Error('the example data must load');
  const example = data.results.find((r) => r.fiscalYear === 2567)!;
  /** The example results of 2567 with some facts replaced. */
  const variant = (change: (r: Results) => void): Results => {
    const copy = structuredClone(example);
    change(copy);
    return copy;
  };
  const factor = (r: Results, id: string) => scoreYear(data, r).factors.find((f) => f.id === id)!;
  const staffTotal = example.staff.reduce((s, x) => s + x.count, 0);

  it('knowledge applied: every level at its edge', () => {
    const levels = [[], [false], [true, false, false], [true, true, false], [true, true, true, false], [true, true, true]].map(
      (applied) => factor(variant((r) => (r.knowledge = applied.map((a, i) => ({ title: `k${i}`, applied: a })))), 'knowledge').level,
    );
    expect(levels).toEqual([1, 2, 3, 4, 4, 5]);
  });

  it('divisions with procedures: every level at its edge (5 divisions: all five is level 5)', () => {
    const ids = data.organization.divisions.map((d) => d.id);
    const levels = [0, 1, 2, 3, 4, 5].map((n) => factor(variant((r) => (r.procedures = ids.slice(0, n))), 'work-quality').level);
    expect(levels).toEqual([1, 2, 2, 3, 3, 5]);
    // A division listed twice is still one division.
    expect(factor(variant((r) => (r.procedures = [ids[0]!, ids[0]!, ids[1]!])), 'work-quality').measurement.count).toBe(2);
  });

  it('dissemination channels: no channel is below level 1, and level 5 from five channels on', () => {
    const levels = [0, 1, 2, 3, 4, 5, 6].map(
      (n) => factor(variant((r) => (r.channels = Array.from({ length: n }, (_, i) => `ช่องทาง ${i}`))), 'dissemination').level,
    );
    expect(levels).toEqual([0, 1, 2, 3, 4, 5, 5]);
    expect(factor(variant((r) => (r.channels = [])), 'dissemination').explanation).toBe('ยังไม่ถึงระดับ ๑: เผยแพร่ความรู้ ๐ ช่องทาง');
  });

  it('explains each level with the counts and the plan’s own wording', () => {
    const score = scoreYear(data, example);
    expect(score.factors.map((f) => [f.id, f.level, f.meetsTarget])).toEqual([
      ['knowledge', 4, true],
      ['work-quality', 3, false],
      ['dissemination', 4, true],
    ]);
    expect(score.factors[0]!.explanation).toBe(
      'ระดับ ๔: มีองค์ความรู้ ๔ เรื่อง นำไปปรับใช้ ๓ เรื่อง (เกณฑ์: มีองค์ความรู้ใหม่เกิดขึ้น และมีการนำมาปรับใช้อย่างน้อย ๒ - ๓ เรื่อง)',
    );
  });

  it('the plan KPI (80 % in all three factors) is met only when every factor reaches level 4', () => {
    expect(targetLevel(80)).toBe(4);
    expect([0, 60, 61, 100].map(targetLevel)).toEqual([1, 3, 4, 5]);
    expect(scoreYear(data, example).overall).toMatchObject({ met: false, factorsMeetingTarget: 2, factorCount: 3, targetLevel: 4 });
    const ids = data.organization.divisions.map((d) => d.id);
    const all = scoreYear(data, variant((r) => (r.procedures = ids))).overall;
    expect(all).toMatchObject({ met: true, factorsMeetingTarget: 3 });
    expect(all.explanation).toBe('ผ่าน: ทุกปัจจัยได้ระดับ ๔ ขึ้นไป (ร้อยละ ๘๐) ครบ ๓ ประเด็น');
  });

  it('an activity KPI of exactly 80 % is met; one person fewer is not', () => {
    // 156 staff: 80 % is 124.8, so 125 meets it and 124 does not; with 160 staff, exactly 128 is 80 %.
    const at = (informed: number, staff?: number) =>
      scoreYear(
        data,
        variant((r) => {
          r.activities[0]!.informed = informed;
          if (staff !== undefined) r.staff[0]!.count += staff - staffTotal;
        }),
      ).activities[0]!;
    expect(at(128, 160)).toMatchObject({ kpiPercent: 80, kpiMet: true });
    expect(at(127, 160).kpiMet).toBe(false);
    expect(at(125).kpiMet).toBe(true);
    expect(at(124).kpiMet).toBe(false);
  });

  it('with no staff there is no percentage and the KPI is not met', () => {
    const score = scoreYear(data, variant((r) => r.staff.forEach((s) => (s.count = 0))));
    expect(score.staffTotal).toBe(0);
    expect(score.activities[0]!.kpiPercent).toBeUndefined();
    expect(score.activities[0]!.kpiMet).toBe(false);
  });

  it('what is not reported is never counted as zero', () => {
    const score = scoreYear(
      data,
      variant((r) => {
        r.activities = r.activities.filter((a) => a.activity !== 'disaster-prevention');
        delete r.activities[0]!.informed;
        delete r.activities[1]!.participants;
      }),
    );
    const byId = new Map(score.activities.map((a) => [a.id, a]));
    // toEqual treats a missing key and an undefined one alike: "not there" is what is asserted.
    const pick = (id: string, keys: string[]) => Object.fromEntries(keys.map((k) => [k, (byId.get(id) as Record<string, unknown>)[k]]));
    expect(pick('disaster-prevention', ['reported', 'kpiPercent', 'kpiMet', 'participants'])).toEqual({ reported: false, participants: [] });
    expect(pick('personnel-administration', ['reported', 'held', 'informed', 'kpiPercent', 'kpiMet'])).toEqual({ reported: true, held: true });
    expect(pick('local-development-plan', ['participants', 'participantsTotal'])).toEqual({ participants: [] });
  });

  it('an activity reported as not held has not met its KPI', () => {
    const score = scoreYear(data, variant((r) => (r.activities[0] = { activity: 'personnel-administration', held: false })));
    expect(score.activities[0]).toMatchObject({ reported: true, held: false, kpiMet: false });
    expect(score.activities[0]!.kpiPercent).toBeUndefined();
  });

  it('a year without a results file is not yet reported, in every figure', () => {
    const year = scoreFiscalYear(data, 2568);
    expect(year.reported).toBe(false);
    expect(year.factors.map((f) => f.level)).toEqual([undefined, undefined, undefined]);
    expect(year.activities.every((a) => a.kpiPercent === undefined && a.kpiMet === undefined && !a.reported)).toBe(true);
    expect(year.overall.met).toBeUndefined();
    expect(year.factors[0]!.explanation).toBe('ยังไม่รายงานผล');
  });

  it('each division against the minimum per activity; a division left out of a list sent nobody', () => {
    const score = scoreYear(data, example);
    const procurement = score.divisions.find((d) => d.division === 'procurement')!;
    expect(procurement.activities.map((a) => a.count)).toEqual([5, 5, 12, 4, 5]);
    expect(procurement.met).toBe(false);
    expect(score.divisions.filter((d) => d.met).length).toBe(4);
    const missing = scoreYear(data, variant((r) => (r.activities[0]!.participants = r.activities[0]!.participants!.filter((p) => p.division !== 'finance'))));
    expect(missing.activities[0]!.participants.find((p) => p.division === 'finance')).toMatchObject({ count: 0, met: false });
  });
});
