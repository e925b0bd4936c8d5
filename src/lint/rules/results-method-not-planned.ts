import type { LintRule } from '../types.js';

export const resultsMethodNotPlanned: LintRule = {
  id: 'results/method-not-planned',
  severity: 'warning',
  description: 'The action plan names the method(s) of each activity; using another is allowed but should be deliberate, not a copy-paste slip.',
  check({ data, years }, report) {
    const planned = new Map(data.plan.actionPlan.activities.map((a) => [a.id, a.methods]));
    for (const { results, source } of years) {
      results.activities.forEach((result, i) => {
        const methods = planned.get(result.activity);
        if (!result.method || !methods || methods.includes(result.method)) return;
        report({
          source,
          path: ['activities', i, 'method'],
          th: `กิจกรรม "${result.activity}" ใช้รูปแบบ "${result.method}" ซึ่งไม่ใช่รูปแบบที่แผนกำหนด (${methods.join(', ')})`,
          en: `activity "${result.activity}" used method "${result.method}", not one the plan names (${methods.join(', ')})`,
        });
      });
    }
  },
};
