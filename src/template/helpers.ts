// Handlebars helpers: formatting only (Thai digits, Buddhist-era dates). Values
// are computed before templating (src/documents), never inside a template.
import type { HelperOptions } from 'handlebars';
import { thaiDate, thaiGroupedNumber, thaiMonth, thaiNumber } from '../format/thai.js';

export const helpers: Record<string, (...args: any[]) => unknown> = {
  /** {{thai 2567}} → ๒๕๖๗ */
  thai: (value: number) => thaiNumber(value),
  /** {{thaiGrouped 12345}} → ๑๒,๓๔๕ */
  thaiGrouped: (value: number) => thaiGroupedNumber(value),
  /** {{date "2023-12-29" era=true}} → ๒๙ ธันวาคม พ.ศ. ๒๕๖๖ */
  date: (iso: string, options: HelperOptions) => thaiDate(iso, { era: options.hash.era === true }),
  /** {{month 4}} → เมษายน */
  month: (month: number) => thaiMonth(month),
  /** {{#if (eq a b)}} */
  eq: (a: unknown, b: unknown) => a === b,
};
