// The single definition of the data: every YAML file is checked against these
// schemas and every TypeScript type of the data is inferred from them.
// Objects are strict, so a misspelt key is an error, never silently ignored.
import { z } from 'zod';

const Text = z.string().trim().min(1);
const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'id' });
/** A calendar date written as YYYY-MM-DD in the Gregorian calendar (rendered in the Buddhist era). */
const IsoDate = z.iso.date();
/** A Thai fiscal year in the Buddhist era, e.g. 2567 = 1 October 2566 – 30 September 2567. */
const FiscalYear = z.number().int().min(2500).max(2700);
const Count = z.number().int().min(0);
const Percent = z.number().min(0).max(100);
const Month = z.number().int().min(1).max(12);
/** A path to a file, relative to the data folder. */
const FilePath = Text;

// ---------------------------------------------------------------- organization.yaml

const Section = z.strictObject({ id: Id, name: Text });

const Division = z.strictObject({
  id: Id,
  name: Text,
  sections: z.array(Section).optional(),
});

export const OrganizationSchema = z.strictObject({
  name: Text,
  shortName: Text,
  website: z.url({ protocol: /^https?$/ }),
  /** The Garuda emblem (ตราครุฑ) printed at the top of a ประกาศ. */
  emblem: FilePath.optional(),
  signatory: z.strictObject({
    name: Text,
    position: Text,
    /** Optional scanned signature (PNG with transparency). */
    signature: FilePath.optional(),
  }),
  divisions: z.array(Division).min(1),
});

// ---------------------------------------------------------------- plan.yaml

/** How one level of a factor is reached; the highest level whose rule holds is the factor's level. */
export const LevelRuleSchema = z.union([
  z.strictObject({ countAtLeast: Count }),
  z.strictObject({ totalAtLeast: Count }),
  z.strictObject({ all: z.literal(true) }),
]);

export const FactorMetricSchema = z.enum([
  'knowledge-applied', // count: knowledge items applied; total: items created
  'procedure-divisions', // count: divisions with procedures/QA tools; total: all divisions
  'dissemination-channels', // count: channels used
]);

const Factor = z.strictObject({
  id: Id,
  title: Text,
  titleEn: Text.optional(),
  indicator: Text,
  measure: Text,
  metric: FactorMetricSchema,
  levels: z
    .array(z.strictObject({ level: z.number().int().min(1).max(5), text: Text, rule: LevelRuleSchema }))
    .length(5),
});

const Method = z.strictObject({ id: Id, th: Text.optional(), en: Text });

const LearningActivity = z.strictObject({
  title: Text,
  titleEn: Text,
  nature: z.array(Text).min(1),
  measures: z.array(Text).min(1),
  sources: z.array(z.strictObject({ title: Text, url: z.url({ protocol: /^https?$/ }) })).optional(),
  note: Text,
});

const GroupActivity = z.strictObject({
  title: Text,
  /** Numbers of the factors (ปัจจัย) this activity serves. */
  factors: z.array(z.number().int().min(1)).optional(),
  nature: z.array(z.union([Text, z.strictObject({ text: Text, items: z.array(Text).min(1) })])).min(1),
  evidence: z.array(Text).min(1),
});

const Activity = z.strictObject({
  id: Id,
  title: Text,
  /** Calendar month (1–12) in which the activity is held in every fiscal year of the plan. */
  month: Month,
  /** A division or section id from organization.yaml. */
  responsible: Id,
  /** Method ids; more than one means "one of these" (หรือ). */
  methods: z.array(Id).min(1),
});

export const PlanSchema = z.strictObject({
  /** The unit that owns the plan (a division or section id). */
  owner: Id,
  period: z.strictObject({ firstFiscalYear: FiscalYear, lastFiscalYear: FiscalYear }),
  legalBasis: z.strictObject({
    law: Text,
    year: z.number().int().min(2400).max(2700),
    section: z.number().int().min(1),
    /** The duty the section gives, quoted in both paragraphs of the ประกาศ. */
    duty: Text,
    /** The rest of the section, quoted in the first paragraph only. */
    dutyDetails: Text,
  }),
  approval: z.strictObject({ committee: Text, meetingNumber: z.number().int().min(1), date: IsoDate }),
  announcement: z.strictObject({ date: IsoDate }),
  focusAreas: z.array(Text).min(1),
  goals: z.array(Text).min(1),
  /** The scope of the Knowledge Vision; its objectives are the focus areas. */
  knowledgeVision: z.strictObject({ scope: Text }),
  factors: z.array(Factor).min(1),
  methods: z.array(Method).min(1),
  activityGroups: z.strictObject({
    learning: z.array(LearningActivity).min(1),
    sharing: z.array(GroupActivity).min(1),
    assets: z.array(GroupActivity).min(1),
  }),
  actionPlan: z.strictObject({
    missionGroup: Text,
    requiredKnowledge: Text,
    /** Plan-level KPI: the success level, as a percentage, every factor must reach. */
    kpiPercent: Percent,
    activityKpi: z.strictObject({ indicator: Text, targetPercent: Percent, minParticipantsPerDivision: Count }),
    steps: z.array(Text).min(1),
    lessons: z.array(Text).min(1),
    activities: z.array(Activity).min(1),
    remarks: z.strictObject({ selectedKnowledge: Text, objectives: z.array(Text).min(1) }),
  }),
});

// ---------------------------------------------------------------- results-YYYY.yaml

const DivisionCount = z.strictObject({ division: Id, count: Count });

const AarAnswers = z.strictObject({
  expected: Text, // สิ่งที่คาดหวังไว้
  actual: Text, // สิ่งที่เกิดขึ้นจริง
  gap: Text, // ทำไมจึงแตกต่าง
  next: Text, // จะทำอะไรต่อไป
});

const ActivityResult = z.strictObject({
  activity: Id,
  held: z.boolean(),
  date: IsoDate.optional(),
  method: Id.optional(),
  /** Staff who know about KM after the activity (the activity KPI's numerator). */
  informed: Count.optional(),
  participants: z.array(DivisionCount).optional(),
  aar: AarAnswers.optional(),
});

export const ResultsSchema = z.strictObject({
  fiscalYear: FiscalYear,
  /** True when the figures are invented for demonstration; printed on every page. */
  example: z.boolean().optional(),
  staff: z.array(DivisionCount).min(1),
  activities: z.array(ActivityResult),
  knowledge: z.array(z.strictObject({ title: Text, applied: z.boolean() })),
  /** Divisions that made work procedures or quality-check tools this year. */
  procedures: z.array(Id),
  channels: z.array(Text),
  nextYear: z.array(Text).optional(),
});

export type Organization = z.infer<typeof OrganizationSchema>;
export type Plan = z.infer<typeof PlanSchema>;
export type Results = z.infer<typeof ResultsSchema>;
export type Factor = Plan['factors'][number];
export type LevelRule = z.infer<typeof LevelRuleSchema>;
export type Activity = Plan['actionPlan']['activities'][number];
export type ActivityResult = Results['activities'][number];

export interface KmData {
  organization: Organization;
  plan: Plan;
  /** Results by fiscal year. */
  results: Results[];
}
