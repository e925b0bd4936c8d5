import type { LintRule } from '../types.js';

export const resultsDuplicateEntry: LintRule = {
  id: 'results/duplicate-entry',
  severity: 'warning',
  description:
    'Factor levels count distinct channels, divisions with procedures and knowledge items; an entry written twice counts once, which the clerk may not expect.',
  check({ years }, report) {
    for (const { results, source } of years) {
      const lists = {
        channels: results.channels,
        procedures: results.procedures,
        knowledge: results.knowledge.map((k) => k.title),
      };
      for (const [key, items] of Object.entries(lists)) {
        const seen = new Set<string>();
        items.forEach((item, i) => {
          const normal = item.trim().replace(/\s+/g, ' ');
          if (seen.has(normal)) {
            report({
              source,
              path: key === 'knowledge' ? [key, i, 'title'] : [key, i],
              th: `"${item}" อยู่ใน ${key} ซ้ำ นับเป็นรายการเดียว`,
              en: `"${item}" is listed twice in ${key} and counts once`,
            });
          }
          seen.add(normal);
        });
      }
    }
  },
};
