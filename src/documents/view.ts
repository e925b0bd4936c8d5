// Values shared by the document contexts: names looked up by id, the plan's
// period, the organization as templates print it.
import { buddhistYear, fiscalPeriod } from '../format/thai.js';
import type { KmData, Results } from '../model/schema.js';

export function unitNames(data: KmData): Map<string, string> {
  const names = new Map<string, string>();
  for (const d of data.organization.divisions) {
    names.set(d.id, d.name);
    for (const s of d.sections ?? []) names.set(s.id, s.name);
  }
  return names;
}

export function organizationView(data: KmData) {
  const { organization: org } = data;
  return {
    name: org.name,
    shortName: org.shortName,
    website: org.website,
    /** As printed: "www.skmpao.go.th" (no scheme, no trailing slash). */
    websiteText: org.website.replace(/^https?:\/\//, '').replace(/\/$/, ''),
    signatory: org.signatory,
    emblem: org.emblem ?? null,
  };
}

export function planView(data: KmData) {
  const { plan } = data;
  return {
    firstFiscalYear: plan.period.firstFiscalYear,
    lastFiscalYear: plan.period.lastFiscalYear,
    /** "ตุลาคม ๒๕๖๖ – กันยายน ๒๕๖๙" */
    periodText: fiscalPeriod(plan.period.firstFiscalYear, plan.period.lastFiscalYear),
    legalBasis: plan.legalBasis,
    approval: { ...plan.approval, meetingYear: buddhistYear(plan.approval.date) },
    announcementDate: plan.announcement.date,
    ownerName: unitNames(data).get(plan.owner) ?? plan.owner,
  };
}

/**
 * The date a year's results documents carry: the last activity held, or the end
 * of the fiscal year (30 September) when no activity is dated.
 */
export function resultsDate(results: Results): string {
  return results.activities.map((r) => r.date ?? '').sort().pop() || `${results.fiscalYear - 543}-09-30`;
}

export const EXAMPLE_BANNER = 'ข้อมูลตัวอย่าง ไม่ใช่ผลการดำเนินงานจริง (example data)';
