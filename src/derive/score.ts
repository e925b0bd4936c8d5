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
  levelText?: string;
  measurement: Measurement;
  explanation: string;
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
  held: boolean;
  /** Undefined when the year's results do not report the activity: not yet reported, not zero. */
  reported: boolean;
  informed?: number;
  kpiPercent?: number;
  kpiMet?: boolean;
  participants: DivisionCount[];
  participantsTotal?: number;
}

export interface YearScore {
  fiscalYear: number;
  staffTotal: number;
  factors: FactorScore[];
  activities: ActivityScore[];
  overall: { met: boolean; targetPercent: number; factorsMeetingTarget: number; factorCount: number };
}

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

export function scoreFactor(factor: Factor, index: number, results: Results, divisionCount: number): FactorScore {
  const measurement = measure(factor, results, divisionCount);
  const level = factorLevel(factor, measurement);
  const levelText = factor.levels.find((l) => l.level === level)?.text;
  const reached = level > 0 ? `ระดับ ${thaiNumber(level)}` : 'ยังไม่ถึงระดับ ๑';
  const explanation = `${reached}: ${MEASURED[factor.metric](measurement)}${levelText ? ` (เกณฑ์: ${levelText})` : ''}`;
  return { id: factor.id, number: index + 1, title: factor.title, level, levelText, measurement, explanation };
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
  const { targetPercent, minParticipantsPerDivision } = plan.actionPlan.activityKpi;
  const divisionName = new Map(organization.divisions.map((d) => [d.id, d.name]));
  const staffTotal = results.staff.reduce((sum, s) => sum + s.count, 0);

  const activities = plan.actionPlan.activities.map((activity): ActivityScore => {
    const result = results.activities.find((r) => r.activity === activity.id);
    if (!result) return { id: activity.id, held: false, reported: false, participants: [] };
    const participants = organization.divisions.map((d) => {
      const count = result.participants?.find((p) => p.division === d.id)?.count ?? 0;
      return { division: d.id, name: divisionName.get(d.id)!, count, minimum: minParticipantsPerDivision, met: count >= minParticipantsPerDivision };
    });
    const informed = result.informed;
    return {
      id: activity.id,
      held: result.held,
      reported: true,
      informed,
      kpiPercent: informed === undefined ? undefined : kpiPercent(informed, staffTotal),
      kpiMet: informed === undefined ? undefined : kpiMet(informed, staffTotal, targetPercent),
      participants: result.held ? participants : [],
      participantsTotal: result.held ? participants.reduce((sum, p) => sum + p.count, 0) : undefined,
    };
  });

  const factors = plan.factors.map((f, i) => scoreFactor(f, i, results, organization.divisions.length));
  // The plan's KPI "ระดับความสำเร็จร้อยละ ๘๐ ครบ ๓ ประเด็น": each factor's level as a share of
  // the top level (level 4 of 5 = 80 %) must reach the target, in every factor.
  const factorsMeetingTarget = factors.filter((f) => f.level * 100 >= plan.actionPlan.kpiPercent * 5).length;
  return {
    fiscalYear: results.fiscalYear,
    staffTotal,
    factors,
    activities,
    overall: {
      met: factorsMeetingTarget === factors.length,
      targetPercent: plan.actionPlan.kpiPercent,
      factorsMeetingTarget,
      factorCount: factors.length,
    },
  };
}
