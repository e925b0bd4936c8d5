import { isBuddhistEraDate, thaiDay } from '../dates.js';
import type { LintRule } from '../types.js';

export const planApprovalAfterAnnouncement: LintRule = {
  id: 'plan/approval-after-announcement',
  severity: 'error',
  description: 'The ประกาศ announces a plan the KM committee has already approved, so the approval meeting cannot be after the announcement.',
  check({ data, plan }, report) {
    const approved = data.plan.approval.date;
    const announced = data.plan.announcement.date;
    if (isBuddhistEraDate(approved) || isBuddhistEraDate(announced)) return; // date/buddhist-era-year says it
    if (approved > announced) {
      report({
        source: plan,
        path: ['approval', 'date'],
        th: `วันประชุมอนุมัติแผน (${thaiDay(approved)}) อยู่หลังวันประกาศ (${thaiDay(announced)}) ต้องอนุมัติก่อนประกาศ`,
        en: `the approval meeting (${approved}) is after the announcement (${announced}); the plan is approved first`,
      });
    }
  },
};
