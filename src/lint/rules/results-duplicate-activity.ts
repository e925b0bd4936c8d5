import type { LintRule } from '../types.js';

export const resultsDuplicateActivity: LintRule = {
  id: 'results/duplicate-activity',
  severity: 'error',
  description: 'Each planned activity is reported once a year; a second report of the same activity would be silently ignored by the score.',
  check({ years }, report) {
    for (const { results, source } of years) {
      const first = new Map<string, number>();
      results.activities.forEach((result, i) => {
        const earlier = first.get(result.activity);
        if (earlier === undefined) first.set(result.activity, i);
        else
          report({
            source,
            path: ['activities', i, 'activity'],
            th: `รายงานกิจกรรม "${result.activity}" ซ้ำ (รายการที่ ${earlier + 1} และ ${i + 1})`,
            en: `activity "${result.activity}" is reported twice (items ${earlier + 1} and ${i + 1})`,
          });
      });
    }
  },
};
