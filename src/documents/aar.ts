// After Action Review summaries of one fiscal year.
import type { YearScore } from '../derive/score.js';
import type { KmData, Results } from '../model/schema.js';
import type { DocumentSpec } from './registry.js';
import { EXAMPLE_BANNER, organizationView, planView, resultsDate, unitNames } from './view.js';

export function aarSummary(data: KmData, results: Results, score: YearScore): DocumentSpec {
  const { plan } = data;
  const units = unitNames(data);
  const methods = new Map(plan.methods.map((m) => [m.id, m]));
  const { activityKpi } = plan.actionPlan;
  return {
    name: `aar-${results.fiscalYear}`,
    template: 'aar',
    date: resultsDate(results),
    banner: results.example ? EXAMPLE_BANNER : undefined,
    context: {
      org: organizationView(data),
      plan: planView(data),
      fiscalYear: results.fiscalYear,
      staffTotal: score.staffTotal,
      targetPercent: activityKpi.targetPercent,
      minParticipants: activityKpi.minParticipantsPerDivision,
      activities: plan.actionPlan.activities.map((activity, i) => {
        const result = results.activities.find((r) => r.activity === activity.id);
        const s = score.activities[i]!;
        const method = result?.method ? methods.get(result.method) : undefined;
        return {
          no: i + 1,
          title: activity.title,
          month: activity.month,
          responsible: units.get(activity.responsible) ?? activity.responsible,
          held: s.held,
          reported: s.reported,
          date: result?.date ?? null,
          method: method ? { th: method.th ?? null, en: method.en } : null,
          aar: result?.aar ?? null,
          participants: s.participants,
          participantsTotal: s.participantsTotal ?? null,
          informed: s.informed ?? null,
          kpiReported: s.informed !== undefined,
          kpiPercent: s.kpiPercent ?? null,
          kpiMet: s.kpiMet ?? null,
          lessons: plan.actionPlan.lessons,
        };
      }),
    },
  };
}
