import type { LintRule } from '../types.js';

export const planPeriodOrder: LintRule = {
  id: 'plan/period-order',
  severity: 'error',
  description: 'The plan period runs from its first fiscal year to its last, so the first cannot come after the last.',
  check({ data, plan }, report) {
    const { firstFiscalYear: first, lastFiscalYear: last } = data.plan.period;
    if (first > last) {
      report({
        source: plan,
        path: ['period', 'lastFiscalYear'],
        th: `ปีงบประมาณสุดท้ายของแผน (${last}) มาก่อนปีแรก (${first})`,
        en: `the plan's last fiscal year (${last}) comes before its first (${first})`,
      });
    }
  },
};
