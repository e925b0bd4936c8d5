import type { LintRule } from '../types.js';

const DETAILS = ['date', 'informed', 'participants', 'aar'] as const;

export const resultsNotHeldWithDetails: LintRule = {
  id: 'results/not-held-with-details',
  severity: 'warning',
  description: 'An activity marked held: false has no date, participants or results; figures given anyway are not counted, so one of the two is a mistake.',
  check({ years }, report) {
    for (const { results, source } of years) {
      results.activities.forEach((result, i) => {
        if (result.held) return;
        const given = DETAILS.filter((key) => result[key] !== undefined);
        if (!given.length) return;
        report({
          source,
          path: ['activities', i, 'held'],
          th: `กิจกรรม "${result.activity}" ระบุว่าไม่ได้จัด (held: false) แต่มี ${given.join(', ')} ซึ่งจะไม่ถูกนับ`,
          en: `activity "${result.activity}" is marked held: false but has ${given.join(', ')}, which are not counted`,
        });
      });
    }
  },
};
