// แผนการจัดการความรู้ (KM Action Plan): header facts and the 10-column table.
import type { KmData } from '../model/schema.js';
import type { DocumentSpec } from './registry.js';
import { organizationView, planView, unitNames } from './view.js';

export function actionPlan(data: KmData): DocumentSpec {
  const { plan } = data;
  const units = unitNames(data);
  const methods = new Map(plan.methods.map((m) => [m.id, m]));
  const { actionPlan: ap } = plan;
  return {
    name: 'km-action-plan',
    template: 'km-action-plan',
    date: data.plan.announcement.date,
    context: {
      org: organizationView(data),
      plan: planView(data),
      actionPlan: {
        missionGroup: ap.missionGroup,
        requiredKnowledge: ap.requiredKnowledge,
        kpiPercent: ap.kpiPercent,
        /** "ครบ ๓ ประเด็น": one issue per factor. */
        issueCount: plan.factors.length,
        remarks: ap.remarks,
      },
      activities: ap.activities.map((activity, i) => ({
        no: i + 1,
        title: activity.title,
        month: activity.month,
        kpi: ap.activityKpi,
        steps: ap.steps,
        responsible: units.get(activity.responsible) ?? activity.responsible,
        lessons: ap.lessons,
        /** The status of this activity in each fiscal year that has results. */
        progress: data.results.map((results) => {
          const result = results.activities.find((r) => r.activity === activity.id);
          return { fiscalYear: results.fiscalYear, reported: Boolean(result), held: result?.held ?? false, date: result?.date ?? null };
        }),
        methods: activity.methods.map((id, j) => ({
          ...methods.get(id)!,
          th: methods.get(id)!.th ?? null,
          /** "หรือ" after every method but the last: any one of them is used. */
          or: j < activity.methods.length - 1,
        })),
      })),
    },
  };
}
