// Thai numbers and Buddhist-era dates, all from Intl (ICU), never by hand.
// Formal documents print every number in Thai digits (๐–๙).

import { once } from '../util/once.js';

const LOCALE = 'th-TH-u-ca-buddhist-nu-thai';

const plainNumber = once(() => new Intl.NumberFormat(LOCALE, { useGrouping: false, maximumFractionDigits: 2 }));
const groupedNumber = once(() => new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 }));
const dateWithEra = once(() => new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', era: 'short', timeZone: 'UTC' }));
const dateNoEra = once(() => new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
const monthName = once(() => new Intl.DateTimeFormat(LOCALE, { month: 'long', timeZone: 'UTC' }));
const monthYear = once(() => new Intl.DateTimeFormat(LOCALE, { month: 'long', year: 'numeric', timeZone: 'UTC' }));

/** 2567 → ๒๕๖๗, 88.4615 → ๘๘.๔๖ (no digit grouping: years, counts in running text). */
export function thaiNumber(value: number): string {
  return plainNumber().format(value);
}

/** 12345 → ๑๒,๓๔๕ */
export function thaiGroupedNumber(value: number): string {
  return groupedNumber().format(value);
}

/** "2023-12-29" → "๒๙ ธันวาคม พ.ศ. ๒๕๖๖" (with `era`) or "๒๙ ธันวาคม ๒๕๖๖". */
export function thaiDate(iso: string, options: { era?: boolean } = {}): string {
  const date = parseIsoDate(iso);
  return (options.era ? dateWithEra : dateNoEra)().format(date);
}

/** 4 → "เมษายน" */
export function thaiMonth(month: number): string {
  return monthName().format(new Date(Date.UTC(2000, month - 1, 1)));
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
  const start = new Date(Date.UTC(firstFiscalYear - 544, 9, 1));
  const end = new Date(Date.UTC(lastFiscalYear - 543, 8, 30));
  return `${monthYear().format(start)} – ${monthYear().format(end)}`;
}

function parseIsoDate(iso: string): Date {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an ISO date: ${iso}`);
  return date;
}
