import type { LintRule } from '../types.js';

const NEEDED = ['date', 'informed', 'participants', 'aar'] as const;

export const resultsHeldIncomplete: LintRule = {
  id: 'results/held-incomplete',
  severity: 'warning',
  description:
    'A held activity is reported with its date, the staff informed (the KPI), the participants per division and the AAR answers; a missing one shows as “not reported” in the score and the AAR summary.',
  check({ years }, report) {
    for (const { results, source } of years) {
      results.activities.forEach((result, i) => {
        if (!result.held) return;
        const missing = NEEDED.filter((key) => result[key] === undefined);
        if (!missing.length) return;
        report({
          source,
          path: ['activities', i, 'held'],
          th: `กิจกรรม "${result.activity}" จัดแล้ว แต่ยังไม่ได้ใส่ ${missing.join(', ')} (จะแสดงว่ายังไม่รายงาน)`,
          en: `activity "${result.activity}" was held but has no ${missing.join(', ')} (shown as not yet reported)`,
        });
      });
    }
  },
};
