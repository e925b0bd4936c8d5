import type { PathKey } from '../../load/yaml-source.js';
import type { LintRule } from '../types.js';

export const resultsDuplicateDivision: LintRule = {
  id: 'results/duplicate-division',
  severity: 'error',
  description: 'Staff and participants are counted once per division; a division listed twice would be added twice into the totals.',
  check({ years }, report) {
    for (const { results, source } of years) {
      const lists: [PathKey[], { division: string }[]][] = [[['staff'], results.staff]];
      results.activities.forEach((a, i) => a.participants && lists.push([['activities', i, 'participants'], a.participants]));
      for (const [path, list] of lists) {
        const first = new Map<string, number>();
        list.forEach(({ division }, j) => {
          const earlier = first.get(division);
          if (earlier === undefined) first.set(division, j);
          else
            report({
              source,
              path: [...path, j, 'division'],
              th: `สำนัก/กอง "${division}" อยู่ในรายการ ${path.join('.')} ซ้ำ (รายการที่ ${earlier + 1} และ ${j + 1}) ให้รวมเป็นรายการเดียว`,
              en: `division "${division}" is listed twice in ${path.join('.')} (items ${earlier + 1} and ${j + 1}); give it one entry`,
            });
        });
      }
    }
  },
};
