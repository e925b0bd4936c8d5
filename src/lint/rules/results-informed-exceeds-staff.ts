import type { LintRule } from '../types.js';

export const resultsInformedExceedsStaff: LintRule = {
  id: 'results/informed-exceeds-staff',
  severity: 'error',
  description: 'The KPI counts staff informed about KM out of all staff; more informed than there are staff gives a percentage over 100.',
  check({ years }, report) {
    for (const { results, source } of years) {
      const staff = results.staff.reduce((sum, s) => sum + s.count, 0);
      results.activities.forEach((result, i) => {
        if (result.informed === undefined || result.informed <= staff) return;
        report({
          source,
          path: ['activities', i, 'informed'],
          th: `จำนวนผู้รับรู้ (${result.informed}) มากกว่าจำนวนบุคลากรทั้งหมดใน staff (${staff})`,
          en: `informed (${result.informed}) is more than all staff counted in staff (${staff})`,
        });
      });
    }
  },
};
