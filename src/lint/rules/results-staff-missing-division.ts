import type { LintRule } from '../types.js';

export const resultsStaffMissingDivision: LintRule = {
  id: 'results/staff-missing-division',
  severity: 'warning',
  description: 'The KPI percentage is out of all staff, so the staff counts should cover every division of the organization; a missing one makes the percentage too high.',
  check({ data, years }, report) {
    for (const { results, source } of years) {
      const counted = new Set(results.staff.map((s) => s.division));
      const missing = data.organization.divisions.filter((d) => !counted.has(d.id));
      if (!missing.length) continue;
      report({
        source,
        path: ['staff'],
        key: true,
        th: `staff ไม่มีจำนวนบุคลากรของ ${missing.map((d) => d.name).join(', ')}`,
        en: `staff has no count for ${missing.map((d) => d.id).join(', ')}`,
        hint: `ถ้าไม่มีบุคลากรจริง ให้เขียน "- { division: ${missing[0]!.id}, count: 0 }" / if the division truly has no staff, write "- { division: ${missing[0]!.id}, count: 0 }"`,
      });
    }
  },
};
