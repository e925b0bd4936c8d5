import type { PathKey } from '../../load/yaml-source.js';
import { isBuddhistEraDate, yearOf } from '../dates.js';
import type { LintRule } from '../types.js';

const ISO_DATE = /^\d{4}-\d\d-\d\d$/;

export const dateBuddhistEraYear: LintRule = {
  id: 'date/buddhist-era-year',
  severity: 'error',
  description:
    'Dates are written in the Gregorian calendar and printed in the Buddhist era; a date written with its พ.ศ. year (2566-12-29) would be printed 543 years late.',
  check({ organization, plan, years }, report) {
    for (const source of [organization, plan, ...years.map((y) => y.source)]) {
      walk(source.value, [], (value, path) => {
        if (typeof value !== 'string' || !ISO_DATE.test(value) || !isBuddhistEraDate(value)) return;
        const gregorian = `${yearOf(value) - 543}${value.slice(4)}`;
        report({
          source,
          path,
          th: `วันที่ "${value}" เขียนปีเป็นพุทธศักราช ให้เขียนปีคริสต์ศักราช: ${gregorian}`,
          en: `"${value}" is written with a Buddhist-era year; write the Gregorian year: ${gregorian}`,
        });
      });
    }
  },
};

function walk(value: unknown, path: PathKey[], visit: (value: unknown, path: PathKey[]) => void): void {
  visit(value, path);
  if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i], visit));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...path, key], visit);
}
