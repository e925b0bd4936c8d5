// Stage 3, derive: every computed value (KPI percentages, factor levels, totals)
// in plain functions, so templates only print and the numbers can be tested.
import { thaiNumber } from '../format/thai.js';
import type { Factor, KmData, LevelRule, Results } from '../model/schema.js';

export interface Measurement {
  /** What the factor counts (knowledge applied, divisions with procedures, channels). */
  count: number;
  /** What the count is out of, where the factor has one. */
  total?: number;
}

export interface FactorScore {
  id: string;
  number: number;
  title: string;
  level: number; // 0 when not even level 1 is reached
  maxLevel: number;
  levelText?: string;
  measurement: Measurement;
  explanation: string;
  /** The level reaches the plan's KPI (level 4 of 5 for ร้อยละ ๘๐). */
  meetsTarget: boolean;
}

export interface DivisionCount {
  division: string;
  name: string;
  count: number;
  minimum: number;
  met: boolean;
}

export interface ActivityScore {
  id: string;
  title: string;
  month: number;
  /** Undefined when not reported. */
  held?: boolean;
  /** False when the year's results do not report the activity: not yet reported, not zero. */
  reported: boolean;
  date?: string;
  informed?: number;
  /** Undefined when not measurable: not reported, no `informed` count, not held, or no staff. */
  kpiPercent?: number;
  targetPercent: number;
  /** Undefined when not reported; false for an activity reported as not held. */
  kpiMet?: boolean;
  /** Per division, when the participants were reported (empty otherwise). */
  participants: DivisionCount[];
  participantsTotal?: number;
}

/** One division across the year's held activities: did it send the minimum to each? */
export interface DivisionSummary {
  division: string;
  name: string;
  staff?: number;
  minimum: number;
  activities: { activity: string; count: number; met: boolean }[];
  /** Undefined when no held activity reported its participants. */
  met?: boolean;
}

export interface Overall {
  met: boolean;
  targetPercent: number;
  /** The lowest level that reaches the target (4 of 5 for 80 %). */
  targetLevel: number;
  factorsMeetingTarget: number;
  factorCount: number;
  explanation: string;
}

export interface YearScore {
  fiscalYear: number;
  reported: true;
  staffTotal: number;
  factors: FactorScore[];
  activities: ActivityScore[];
  divisions: DivisionSummary[];
  overall: Overall;
}

/** A fiscal year of the plan without a results file: every figure is "not yet reported", never zero. */
export interface UnreportedYear {
  fiscalYear: number;
  reported: false;
  staffTotal?: undefined;
  // Every key of a scored year is present, as undefined (null in JSON): the same shape, nothing counted.
  factors: { id: string; number: number; title: string; level: undefined; maxLevel: number; explanation: string; meetsTarget: undefined }[];
  activities: {
    id: string;
    title: string;
    month: number;
    held: undefined;
    reported: false;
    informed: undefined;
    kpiPercent: undefined;
    targetPercent: number;
    kpiMet: undefined;
    participants: [];
    participantsTotal: undefined;
  }[];
  divisions: { division: string; name: string; minimum: number; activities: []; met: undefined }[];
  overall: { met: undefined; targetPercent: number; targetLevel: number; explanation: string };
}

export type YearReport = YearScore | UnreportedYear;

const NOT_REPORTED = 'ยังไม่รายงานผล';

/** The level reached: the highest level whose rule holds (0 when none does). */
export function factorLevel(factor: Factor, m: Measurement): number {
  let level = 0;
  for (const { level: n, rule } of factor.levels) if (ruleHolds(rule, m)) level = Math.max(level, n);
  return level;
}

export function ruleHolds(rule: LevelRule, m: Measurement): boolean {
  if ('countAtLeast' in rule) return m.count >= rule.countAtLeast;
  if ('totalAtLeast' in rule) return (m.total ?? 0) >= rule.totalAtLeast;
  return m.total !== undefined && m.total > 0 && m.count >= m.total;
}

export function measure(factor: Factor, results: Results, divisionCount: number): Measurement {
  switch (factor.metric) {
    case 'knowledge-applied':
      return { count: results.knowledge.filter((k) => k.applied).length, total: results.knowledge.length };
    case 'procedure-divisions':
      return { count: new Set(results.procedures).size, total: divisionCount };
    case 'dissemination-channels':
      return { count: new Set(results.channels).size };
  }
}

const MEASURED: Record<Factor['metric'], (m: Measurement) => string> = {
  'knowledge-applied': (m) => `มีองค์ความรู้ ${thaiNumber(m.total ?? 0)} เรื่อง นำไปปรับใช้ ${thaiNumber(m.count)} เรื่อง`,
  'procedure-divisions': (m) => `จัดทำขั้นตอน/เครื่องมือตรวจสอบคุณภาพงาน ${thaiNumber(m.count)} จาก ${thaiNumber(m.total ?? 0)} สำนัก/กอง`,
  'dissemination-channels': (m) => `เผยแพร่ความรู้ ${thaiNumber(m.count)} ช่องทาง`,
};

const MAX_LEVEL = 5;

/** The lowest level that reaches `percent` of the top level: 80 % of 5 → level 4 (compared in integers). */
export function targetLevel(percent: number): number {
  for (let level = 1; level <= MAX_LEVEL; level++) if (level * 100 >= percent * MAX_LEVEL) return level;
  return MAX_LEVEL + 1; // a target over 100 % cannot be reached
}

export function scoreFactor(factor: Factor, index: number, results: Results, divisionCount: number, targetPercent = 80): FactorScore {
  const measurement = measure(factor, results, divisionCount);
  const level = factorLevel(factor, measurement);
  const levelText = factor.levels.find((l) => l.level === level)?.text;
  const reached = level > 0 ? `ระดับ ${thaiNumber(level)}` : 'ยังไม่ถึงระดับ ๑';
  const explanation = `${reached}: ${MEASURED[factor.metric](measurement)}${levelText ? ` (เกณฑ์: ${levelText})` : ''}`;
  const meetsTarget = level >= targetLevel(targetPercent);
  return { id: factor.id, number: index + 1, title: factor.title, level, maxLevel: MAX_LEVEL, levelText, measurement, explanation, meetsTarget };
}

/** Percentage of staff informed; undefined when there is no staff to measure against. */
export function kpiPercent(informed: number, staffTotal: number): number | undefined {
  return staffTotal > 0 ? (informed * 100) / staffTotal : undefined;
}

/** Compared in integers (informed·100 ≥ target·staff) so exactly 80 % is met despite floating point. */
export function kpiMet(informed: number, staffTotal: number, targetPercent: number): boolean {
  return staffTotal > 0 && informed * 100 >= targetPercent * staffTotal;
}

export function scoreYear(data: KmData, results: Results): YearScore {
  const { plan, organization } = data;
  const { targetPercent, minParticipantsPerDivision: minimum } = plan.actionPlan.activityKpi;
  const staffTotal = results.staff.reduce((sum, s) => sum + s.count, 0);

  const activities = plan.actionPlan.activities.map((activity): ActivityScore => {
    // Every key present (undefined = null in JSON), so each activity has the same shape.
    const base = { id: activity.id, title: activity.title, month: activity.month, targetPercent, date: undefined, informed: undefined, kpiPercent: undefined, participantsTotal: undefined };
    const result = results.activities.find((r) => r.activity === activity.id);
    if (!result) return { ...base, held: undefined, reported: false, kpiMet: undefined, participants: [] };
    if (!result.held) return { ...base, held: false, reported: true, kpiMet: false, participants: [] };
    // A division left out of a reported list sent nobody; a list not reported at all is not zero.
    const participants = result.participants
      ? organization.divisions.map((d) => {
          const count = result.participants!.filter((p) => p.division === d.id).reduce((sum, p) => sum + p.count, 0);
          return { division: d.id, name: d.name, count, minimum, met: count >= minimum };
        })
      : [];
    const informed = result.informed;
    return {
      ...base,
      held: true,
      reported: true,
      date: result.date,
      informed,
      kpiPercent: informed === undefined ? undefined : kpiPercent(informed, staffTotal),
      kpiMet: informed === undefined ? undefined : kpiMet(informed, staffTotal, targetPercent),
      participants,
      participantsTotal: result.participants ? participants.reduce((sum, p) => sum + p.count, 0) : undefined,
    };
  });

  const divisions = organization.divisions.map((d): DivisionSummary => {
    const counts = activities.flatMap((a) => a.participants.filter((p) => p.division === d.id).map((p) => ({ activity: a.id, count: p.count, met: p.met })));
    const staff = results.staff.filter((s) => s.division === d.id).reduce((sum, s) => sum + s.count, 0);
    return {
      division: d.id,
      name: d.name,
      staff: results.staff.some((s) => s.division === d.id) ? staff : undefined,
      minimum,
      activities: counts,
      met: counts.length ? counts.every((c) => c.met) : undefined,
    };
  });

  const factors = plan.factors.map((f, i) => scoreFactor(f, i, results, organization.divisions.length, plan.actionPlan.kpiPercent));
  return { fiscalYear: results.fiscalYear, reported: true, staffTotal, factors, activities, divisions, overall: overall(plan.actionPlan.kpiPercent, factors) };
}

/**
 * The plan's KPI "ระดับความสำเร็จร้อยละ ๘๐ ครบ ๓ ประเด็น": each factor's level as a share of
 * the top level (level 4 of 5 = 80 %) must reach the target, in every factor.
 */
function overall(targetPercent: number, factors: FactorScore[]): Overall {
  const level = targetLevel(targetPercent);
  const meeting = factors.filter((f) => f.meetsTarget).length;
  const met = meeting === factors.length;
  const th = (n: number) => thaiNumber(n);
  const explanation = met
    ? `ผ่าน: ทุกปัจจัยได้ระดับ ${th(level)} ขึ้นไป (ร้อยละ ${th(targetPercent)}) ครบ ${th(factors.length)} ประเด็น`
    : `ไม่ผ่าน: ได้ระดับ ${th(level)} ขึ้นไป (ร้อยละ ${th(targetPercent)}) ${th(meeting)} จาก ${th(factors.length)} ประเด็น`;
  return { met, targetPercent, targetLevel: level, factorsMeetingTarget: meeting, factorCount: factors.length, explanation };
}

/** The score of fiscal year `fiscalYear`: scored from its results, or every figure "not yet reported". */
export function scoreFiscalYear(data: KmData, fiscalYear: number): YearReport {
  const results = data.results.find((r) => r.fiscalYear === fiscalYear);
  if (results) return scoreYear(data, results);
  const { plan, organization } = data;
  const { targetPercent, minParticipantsPerDivision: minimum } = plan.actionPlan.activityKpi;
  return {
    fiscalYear,
    reported: false,
    factors: plan.factors.map((f, i) => ({
      id: f.id,
      number: i + 1,
      title: f.title,
      level: undefined,
      maxLevel: MAX_LEVEL,
      explanation: NOT_REPORTED,
      meetsTarget: undefined,
    })),
    activities: plan.actionPlan.activities.map((a) => ({
      id: a.id,
      title: a.title,
      month: a.month,
      held: undefined,
      reported: false,
      informed: undefined,
      kpiPercent: undefined,
      targetPercent,
      kpiMet: undefined,
      participants: [],
      participantsTotal: undefined,
    })),
    divisions: organization.divisions.map((d) => ({ division: d.id, name: d.name, minimum, activities: [], met: undefined })),
    overall: { met: undefined, targetPercent: plan.actionPlan.kpiPercent, targetLevel: targetLevel(plan.actionPlan.kpiPercent), explanation: `${NOT_REPORTED}ของปีงบประมาณ ${thaiNumber(fiscalYear)}` },
  };
}
