import { fiscalYearEnd, isBuddhistEraDate, thaiDay } from '../dates.js';
import type { LintRule } from '../types.js';

export const planAnnouncementAfterFirstYear: LintRule = {
  id: 'plan/announcement-after-first-year',
  severity: 'error',
  description:
    'The ประกาศ may come before the plan period or during its first fiscal year, but a plan announced after its first fiscal year has ended cannot have governed that year.',
  check({ data, plan }, report) {
    const announced = data.plan.announcement.date;
    const { firstFiscalYear } = data.plan.period;
    const end = fiscalYearEnd(firstFiscalYear);
    if (!isBuddhistEraDate(announced) && announced > end) {
      report({
        source: plan,
        path: ['announcement', 'date'],
        th: `วันประกาศ (${thaiDay(announced)}) อยู่หลังสิ้นปีงบประมาณแรกของแผน ${firstFiscalYear} (${thaiDay(end)})`,
        en: `the announcement (${announced}) is after the plan's first fiscal year ${firstFiscalYear} ended (${end})`,
      });
    }
  },
};
