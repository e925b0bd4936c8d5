import type { LintRule } from '../types.js';

export const planLevelOrder: LintRule = {
  id: 'plan/level-order',
  severity: 'error',
  description: 'A factor’s five levels are written 1 to 5 in order, so the document table and the score read the same level.',
  check({ data, plan }, report) {
    data.plan.factors.forEach((factor, i) =>
      factor.levels.forEach((level, j) => {
        if (level.level !== j + 1) {
          report({
            source: plan,
            path: ['factors', i, 'levels', j, 'level'],
            th: `ระดับต้องเรียง 1 ถึง 5 (ที่นี่ควรเป็น ${j + 1})`,
            en: `levels must run 1 to 5 in order (expected ${j + 1} here)`,
          });
        }
      }),
    );
  },
};
