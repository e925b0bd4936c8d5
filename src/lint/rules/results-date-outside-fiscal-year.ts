import { fiscalYearEnd, fiscalYearStart, fiscalYearText, isBuddhistEraDate, thaiDay } from '../dates.js';
import type { LintRule } from '../types.js';

export const resultsDateOutsideFiscalYear: LintRule = {
  id: 'results/date-outside-fiscal-year',
  severity: 'error',
  description: 'A results file reports one Thai fiscal year (1 October – 30 September); an activity dated outside it belongs to another year’s file.',
  check({ years }, report) {
    for (const { results, source } of years) {
      const start = fiscalYearStart(results.fiscalYear);
      const end = fiscalYearEnd(results.fiscalYear);
      results.activities.forEach((result, i) => {
        const date = result.date;
        if (!date || isBuddhistEraDate(date) || (date >= start && date <= end)) return;
        // Only for the message: a Thai date formatter costs ~20 ms of ICU set-up in a fresh process.
        const year = fiscalYearText(results.fiscalYear);
        report({
          source,
          path: ['activities', i, 'date'],
          th: `วันที่จัดกิจกรรม (${thaiDay(date)}) อยู่นอก${year.th}`,
          en: `the activity date ${date} is outside ${year.en}`,
        });
      });
    }
  },
};
