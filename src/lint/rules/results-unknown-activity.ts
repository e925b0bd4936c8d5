import { closest } from '../../validate/did-you-mean.js';
import type { LintRule } from '../types.js';

export const resultsUnknownActivity: LintRule = {
  id: 'results/unknown-activity',
  severity: 'error',
  description: 'Results can only report the activities of the plan’s action plan; any other id is a typo or an activity the plan does not have.',
  check({ data, years }, report) {
    const ids = data.plan.actionPlan.activities.map((a) => a.id);
    for (const { results, source } of years) {
      results.activities.forEach((result, i) => {
        if (ids.includes(result.activity)) return;
        const guess = closest(result.activity, ids);
        report({
          source,
          path: ['activities', i, 'activity'],
          th: `แผนไม่มีกิจกรรมรหัส "${result.activity}"${guess ? ` หมายถึง "${guess}" หรือไม่` : ''}`,
          en: `the plan has no activity "${result.activity}"${guess ? `; did you mean "${guess}"?` : ''}`,
          hint: `กิจกรรมในแผน / activities of the plan: ${ids.join(', ')}`,
        });
      });
    }
  },
};
