import { fiscalYearEnd, fiscalYearStart, isBuddhistEraDate, monthInFiscalYear, thaiDay } from '../dates.js';
import type { LintRule } from '../types.js';

export const resultsDateInOtherMonth: LintRule = {
  id: 'results/date-in-other-month',
  severity: 'warning',
  description:
    'The action plan fixes each activity’s month; holding it in another month is allowed but shows in the report, so it should be deliberate (or the date mistyped).',
  check({ data, years }, report) {
    const planned = new Map(data.plan.actionPlan.activities.map((a) => [a.id, a.month]));
    for (const { results, source } of years) {
      results.activities.forEach((result, i) => {
        const date = result.date;
        const month = planned.get(result.activity);
        if (!date || month === undefined || isBuddhistEraDate(date)) return;
        if (date < fiscalYearStart(results.fiscalYear) || date > fiscalYearEnd(results.fiscalYear)) return; // another rule's error
        if (Number(date.slice(5, 7)) === month) return;
        const expected = monthInFiscalYear(results.fiscalYear, month);
        report({
          source,
          path: ['activities', i, 'date'],
          th: `กิจกรรม "${result.activity}" จัดวันที่ ${thaiDay(date)} แต่แผนกำหนดเดือน ${expected.th}`,
          en: `activity "${result.activity}" was held on ${date}, but the plan schedules it in ${expected.en}`,
        });
      });
    }
  },
};
