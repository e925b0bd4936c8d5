// Thai numbers and Buddhist-era dates, all from Intl (ICU), never by hand.
// Formal documents print every number in Thai digits (๐–๙).

import { memoizedByText } from '../util/memo.js';
import { once } from '../util/once.js';

const LOCALE = 'th-TH-u-ca-buddhist-nu-thai';

const plainNumber = once(() => new Intl.NumberFormat(LOCALE, { useGrouping: false, maximumFractionDigits: 2 }));
const groupedNumber = once(() => new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 }));
const dateWithEra = once(() => new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', era: 'short', timeZone: 'UTC' }));
const dateNoEra = once(() => new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
const monthName = once(() => new Intl.DateTimeFormat(LOCALE, { month: 'long', timeZone: 'UTC' }));
const monthYear = once(() => new Intl.DateTimeFormat(LOCALE, { month: 'long', year: 'numeric', timeZone: 'UTC' }));

// What each formatter wrote, kept by its input. A process's first ICU formatter
// costs 15–25 ms of set-up, and the startup snapshot cannot hold ICU objects
// (src/util/once.ts), but it holds these strings: a start from the snapshot writes
// the dates and numbers it has seen before without setting ICU up at all.
const numberText = (value: number) => (Object.is(value, -0) ? '-0' : String(value)); // String(-0) is "0"
const plainNumberText = memoizedByText((text) => plainNumber().format(Number(text)));
const groupedNumberText = memoizedByText((text) => groupedNumber().format(Number(text)));
const dateWithEraText = memoizedByText((iso) => dateWithEra().format(parseIsoDate(iso)));
const dateNoEraText = memoizedByText((iso) => dateNoEra().format(parseIsoDate(iso)));
const monthYearText = memoizedByText((iso) => monthYear().format(parseIsoDate(iso)));
const monthNameText = memoizedByText((month) => monthName().format(new Date(Date.UTC(2000, Number(month) - 1, 1))));

/** 2567 → ๒๕๖๗, 88.4615 → ๘๘.๔๖ (no digit grouping: years, counts in running text). */
export function thaiNumber(value: number): string {
  return plainNumberText(numberText(value));
}

/** 12345 → ๑๒,๓๔๕ */
export function thaiGroupedNumber(value: number): string {
  return groupedNumberText(numberText(value));
}

/** "2023-12-29" → "๒๙ ธันวาคม พ.ศ. ๒๕๖๖" (with `era`) or "๒๙ ธันวาคม ๒๕๖๖". */
export function thaiDate(iso: string, options: { era?: boolean } = {}): string {
  return (options.era ? dateWithEraText : dateNoEraText)(iso);
}

/** 4 → "เมษายน" */
export function thaiMonth(month: number): string {
  return monthNameText(String(month));
}

/** Buddhist-era year of a date: "2023-09-26" → 2566. */
export function buddhistYear(iso: string): number {
  return parseIsoDate(iso).getUTCFullYear() + 543;
}

/** Fiscal year (B.E.) of a date: October starts the next fiscal year. */
export function fiscalYearOf(iso: string): number {
  const date = parseIsoDate(iso);
  return date.getUTCFullYear() + 543 + (date.getUTCMonth() >= 9 ? 1 : 0);
}

/** The calendar year (Gregorian) in which `month` falls within fiscal year `fiscalYear` (B.E.). */
export function gregorianYearOfMonth(fiscalYear: number, month: number): number {
  return fiscalYear - 543 - (month >= 10 ? 1 : 0);
}

/** First and last month of a range of fiscal years: "ตุลาคม ๒๕๖๖ – กันยายน ๒๕๖๙". */
export function fiscalPeriod(firstFiscalYear: number, lastFiscalYear: number): string {
  return `${monthYearText(`${firstFiscalYear - 544}-10-01`)} – ${monthYearText(`${lastFiscalYear - 543}-09-30`)}`;
}

function parseIsoDate(iso: string): Date {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an ISO date: ${iso}`);
  return date;
}
