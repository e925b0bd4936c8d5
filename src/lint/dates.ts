// Dates for the lint rules: Thai fiscal years (1 October – 30 September, named
// by the Buddhist-era year they end in) compared as ISO strings, which sort as dates.
import { once } from '../util/once.js';

/** A year this large in a YYYY-MM-DD date is a Buddhist-era year written where a Gregorian one belongs. */
export const BUDDHIST_ERA_FROM = 2400;

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

export function isBuddhistEraDate(iso: string): boolean {
  return yearOf(iso) >= BUDDHIST_ERA_FROM;
}

/** First day of fiscal year `fy` (B.E.): fiscal year 2567 starts on 2023-10-01. */
export function fiscalYearStart(fy: number): string {
  return `${fy - 544}-10-01`;
}

/** Last day of fiscal year `fy` (B.E.): fiscal year 2567 ends on 2024-09-30. */
export function fiscalYearEnd(fy: number): string {
  return `${fy - 543}-09-30`;
}

/** The fiscal year (B.E.) a date falls in. */
export function fiscalYearOf(iso: string): number {
  return yearOf(iso) + 543 + (Number(iso.slice(5, 7)) >= 10 ? 1 : 0);
}

/** The last day of calendar `month` as it falls in fiscal year `fy`: month 11 of 2567 → 2023-11-30. */
export function monthEndInFiscalYear(fy: number, month: number): string {
  const year = fy - 543 - (month >= 10 ? 1 : 0);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${last}`;
}

// Messages show dates as a clerk reads them, in the Buddhist era with the digits typed in the YAML.
const THAI_DATE = once(() => new Intl.DateTimeFormat('th-TH-u-ca-buddhist-nu-latn', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
const THAI_MONTH = once(() => new Intl.DateTimeFormat('th-TH-u-ca-buddhist-nu-latn', { month: 'long', year: 'numeric', timeZone: 'UTC' }));
const EN_MONTH = once(() => new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }));

/** "2023-12-29" → "29 ธันวาคม 2566" */
export function thaiDay(iso: string): string {
  return THAI_DATE().format(new Date(`${iso}T00:00:00Z`));
}

/** Month 11 of fiscal year 2567 → "พฤศจิกายน 2566" / "November 2023". */
export function monthInFiscalYear(fy: number, month: number): { th: string; en: string } {
  const date = new Date(`${monthEndInFiscalYear(fy, month)}T00:00:00Z`);
  return { th: THAI_MONTH().format(date), en: EN_MONTH().format(date) };
}

/** "ปีงบประมาณ 2567 (1 ตุลาคม 2566 – 30 กันยายน 2567)" and its English. */
export function fiscalYearText(fy: number): { th: string; en: string } {
  return {
    th: `ปีงบประมาณ ${fy} (${thaiDay(fiscalYearStart(fy))} – ${thaiDay(fiscalYearEnd(fy))})`,
    en: `fiscal year ${fy} (${fiscalYearStart(fy)} to ${fiscalYearEnd(fy)})`,
  };
}
