import type { LintRule } from '../types.js';

export const resultsParticipantsBelowMinimum: LintRule = {
  id: 'results/participants-below-minimum',
  severity: 'warning',
  description:
    'The plan’s target group is a minimum of participants from every division (สำนัก/กองละ ๕ คน); falling short is a finding for the annual report, not a mistake in the data.',
  check({ data, years }, report) {
    const minimum = data.plan.actionPlan.activityKpi.minParticipantsPerDivision;
    for (const { results, source } of years) {
      results.activities.forEach((result, i) => {
        if (!result.held || !result.participants) return;
        for (const division of data.organization.divisions) {
          const j = result.participants.findIndex((p) => p.division === division.id);
          const count = j < 0 ? 0 : result.participants[j]!.count;
          if (count >= minimum) continue;
          report({
            source,
            path: j < 0 ? ['activities', i, 'participants'] : ['activities', i, 'participants', j, 'count'],
            key: j < 0,
            th: `ข้อสังเกต: กิจกรรม "${result.activity}" มีผู้เข้าร่วมจาก${division.name} ${count} คน ต่ำกว่าเป้าหมาย ${minimum} คนต่อสำนัก/กอง`,
            en: `finding: activity "${result.activity}" had ${count} participant(s) from ${division.id}, below the target of ${minimum} per division`,
          });
        }
      });
    }
  },
};
