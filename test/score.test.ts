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
