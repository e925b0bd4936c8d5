import type { LintRule } from '../types.js';

export const resultsParticipantsExceedStaff: LintRule = {
  id: 'results/participants-exceed-staff',
  severity: 'warning',
  description: 'Participants are counted by the division they belong to; more participants than the division has staff usually means a mistyped count.',
  check({ years }, report) {
    for (const { results, source } of years) {
      const staff = new Map<string, number>();
      for (const s of results.staff) staff.set(s.division, (staff.get(s.division) ?? 0) + s.count);
      results.activities.forEach((result, i) =>
        result.participants?.forEach((p, j) => {
          const count = staff.get(p.division);
          if (count === undefined || p.count <= count) return;
          report({
            source,
            path: ['activities', i, 'participants', j, 'count'],
            th: `ผู้เข้าร่วมจาก "${p.division}" (${p.count} คน) มากกว่าบุคลากรของสำนัก/กองนั้น (${count} คน)`,
            en: `participants from "${p.division}" (${p.count}) are more than its staff (${count})`,
          });
        }),
      );
    }
  },
};
