import { fiscalYearStart, isBuddhistEraDate, thaiDay } from '../dates.js';
import type { LintRule } from '../types.js';

export const planApprovalLongBeforePeriod: LintRule = {
  id: 'plan/approval-long-before-period',
  severity: 'warning',
  description:
    'The committee approves a plan in the months before its period starts; an approval more than a whole fiscal year before the first fiscal year is most likely a mistyped year.',
  check({ data, plan }, report) {
    const approved = data.plan.approval.date;
    const { firstFiscalYear } = data.plan.period;
    const earliest = fiscalYearStart(firstFiscalYear - 1);
    if (!isBuddhistEraDate(approved) && approved < earliest) {
      report({
        source: plan,
        path: ['approval', 'date'],
        th: `วันประชุมอนุมัติแผน (${thaiDay(approved)}) เร็วกว่าปีงบประมาณ ${firstFiscalYear - 1} ซึ่งเป็นปีก่อนเริ่มแผน ตรวจสอบปีที่เขียน`,
        en: `the approval meeting (${approved}) is before fiscal year ${firstFiscalYear - 1}, the year before the plan starts; check the year`,
      });
    }
  },
};
