// The annual report to the KM committee: summary, scores with their reasons,
// charts, results table, AAR highlights and next year's changes.
import type { YearScore } from '../derive/score.js';
import { thaiNumber } from '../format/thai.js';
import type { KmData, Results } from '../model/schema.js';
import type { DocumentSpec } from './registry.js';
import { EXAMPLE_BANNER, organizationView, planView, resultsDate } from './view.js';

export function annualReport(data: KmData, results: Results, score: YearScore): DocumentSpec {
  const { plan, organization } = data;
  const { targetPercent, minParticipantsPerDivision } = plan.actionPlan.activityKpi;
  const methods = new Map(plan.methods.map((m) => [m.id, m]));
  const activities = plan.actionPlan.activities.map((activity, i) => {
    const s = score.activities[i]!;
    const result = results.activities.find((r) => r.activity === activity.id);
    const method = result?.method ? methods.get(result.method) : undefined;
    return {
      no: i + 1,
      title: activity.title,
      month: activity.month,
      held: s.held,
      reported: s.reported,
      date: result?.date ?? null,
      method: method ? `${method.th ? `${method.th} ` : ''}${method.en}` : null,
      participantsTotal: s.participantsTotal ?? null,
      kpiPercent: s.kpiPercent ?? null,
      kpiMet: s.kpiMet ?? null,
      kpiReported: s.kpiPercent !== undefined,
      aar: result?.aar ?? null,
    };
  });
  const held = score.activities.filter((a) => a.held);
  // Participants over the year by division, against the plan's minimum for every activity held.
  const yearMinimum = minParticipantsPerDivision * held.length;
  const divisions = organization.divisions.map((d) => {
    const total = held.reduce((sum, a) => sum + (a.participants.find((p) => p.division === d.id)?.count ?? 0), 0);
    return { name: d.name, total, belowMinimum: held.filter((a) => !a.participants.find((p) => p.division === d.id)?.met).length };
  });
  const shortfalls = held.flatMap((a) =>
    a.participants
      .filter((p) => !p.met)
      .map((p) => ({ division: p.name, activityNo: plan.actionPlan.activities.findIndex((x) => x.id === a.id) + 1, count: p.count, minimum: p.minimum })),
  );
  return {
    name: `annual-report-${results.fiscalYear}`,
    template: 'annual-report',
    banner: results.example ? EXAMPLE_BANNER : undefined,
    date: resultsDate(results),
    context: {
      org: organizationView(data),
      plan: planView(data),
      fiscalYear: results.fiscalYear,
      staffTotal: score.staffTotal,
      targetPercent,
      minParticipants: minParticipantsPerDivision,
      overall: score.overall,
      factors: score.factors.map((f) => ({ ...f, met: f.meetsTarget })),
      activities,
      activityBars: activities
        .filter((a) => a.kpiReported)
        .map((a) => ({ label: `กิจกรรมที่ ${thaiNumber(a.no)}`, value: a.kpiPercent!, display: `ร้อยละ ${thaiNumber(a.kpiPercent!)}`, highlight: !a.kpiMet })),
      divisionBars: divisions.map((d) => ({ label: d.name, value: d.total, display: `${thaiNumber(d.total)} คน`, highlight: d.belowMinimum > 0 })),
      yearMinimum,
      heldCount: held.length,
      shortfalls,
      nextYear: results.nextYear ?? [],
    },
  };
}
