import type { LintRule } from '../types.js';

export const resultsFiscalYearOutsidePeriod: LintRule = {
  id: 'results/fiscal-year-outside-period',
  severity: 'error',
  description: 'Results report a fiscal year of the plan; a year outside the plan period belongs to another plan.',
  check({ data, years }, report) {
    const { firstFiscalYear: first, lastFiscalYear: last } = data.plan.period;
    for (const { results, source } of years) {
      if (results.fiscalYear < first || results.fiscalYear > last) {
        report({
          source,
          path: ['fiscalYear'],
          th: `ปีงบประมาณ ${results.fiscalYear} อยู่นอกช่วงของแผน (${first}–${last})`,
          en: `fiscal year ${results.fiscalYear} is outside the plan period (${first}–${last})`,
        });
      }
    }
  },
};
