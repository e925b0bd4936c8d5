import { fiscalYearEnd, isBuddhistEraDate, monthEndInFiscalYear, monthInFiscalYear, thaiDay } from '../dates.js';
import type { LintRule } from '../types.js';

export const planActivityMonthOutsidePeriod: LintRule = {
  id: 'plan/activity-month-outside-period',
  severity: 'warning',
  description:
    'An activity is held in its month of every fiscal year of the plan; in the first year that month must not be over before the plan is announced, or the activity falls outside the period the plan governs.',
  check({ data, plan }, report) {
    const announced = data.plan.announcement.date;
    const fy = data.plan.period.firstFiscalYear;
    // A Buddhist-era date, or an announcement after the whole first year, is another rule's error.
    if (isBuddhistEraDate(announced) || announced > fiscalYearEnd(fy)) return;
    data.plan.actionPlan.activities.forEach((activity, i) => {
      if (monthEndInFiscalYear(fy, activity.month) >= announced) return;
      const month = monthInFiscalYear(fy, activity.month);
      report({
        source: plan,
        path: ['actionPlan', 'activities', i, 'month'],
        th: `กิจกรรม "${activity.id}" เดือน ${month.th} ของปีงบประมาณ ${fy} สิ้นสุดก่อนวันประกาศแผน (${thaiDay(announced)})`,
        en: `activity "${activity.id}" in ${month.en} of fiscal year ${fy} is over before the plan is announced (${announced})`,
      });
    });
  },
};
