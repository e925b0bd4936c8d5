import type { LintRule } from '../types.js';

export const planLevelRulesOrder: LintRule = {
  id: 'plan/level-rules-order',
  severity: 'warning',
  description:
    'The level reached is the highest whose rule holds, so a higher level asking for fewer than a lower one (of the same kind) makes the lower level unreachable: usually two thresholds swapped.',
  check({ data, plan }, report) {
    data.plan.factors.forEach((factor, i) => {
      const highest: Record<string, { level: number; value: number }> = {};
      factor.levels.forEach(({ level, rule }, j) => {
        const kind = 'countAtLeast' in rule ? 'countAtLeast' : 'totalAtLeast' in rule ? 'totalAtLeast' : undefined;
        if (!kind) return;
        const value = (rule as Record<string, number>)[kind]!;
        const before = highest[kind];
        if (before && value < before.value) {
          report({
            source: plan,
            path: ['factors', i, 'levels', j, 'rule', kind],
            th: `ปัจจัย "${factor.id}" ระดับ ${level} ใช้เกณฑ์ ${kind} ${value} ต่ำกว่าระดับ ${before.level} (${before.value}) ทำให้ไม่มีทางได้ระดับ ${before.level}`,
            en: `factor "${factor.id}" level ${level} asks ${kind} ${value}, less than level ${before.level} (${before.value}), so level ${before.level} can never be the result`,
          });
        }
        if (!before || value >= before.value) highest[kind] = { level, value };
      });
    });
  },
};
