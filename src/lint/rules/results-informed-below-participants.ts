import type { LintRule } from '../types.js';

export const resultsInformedBelowParticipants: LintRule = {
  id: 'results/informed-below-participants',
  severity: 'warning',
  description: 'Everyone who took part in an activity is informed about it, so the staff informed should not be fewer than the participants.',
  check({ years }, report) {
    for (const { results, source } of years) {
      results.activities.forEach((result, i) => {
        if (!result.held || result.informed === undefined || !result.participants) return;
        const participants = result.participants.reduce((sum, p) => sum + p.count, 0);
        if (result.informed >= participants) return;
        report({
          source,
          path: ['activities', i, 'informed'],
          th: `จำนวนผู้รับรู้ (${result.informed}) น้อยกว่าจำนวนผู้เข้าร่วมกิจกรรมรวม (${participants})`,
          en: `informed (${result.informed}) is fewer than the participants in total (${participants})`,
        });
      });
    }
  },
};
