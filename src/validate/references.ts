// Cross-file checks after the schemas pass: every id that one fact uses to name
// another (a division, a method, an activity) must exist, ids must be unique,
// and files the data names must be there.
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { DiagnosticBag } from '../diagnostics.js';
import { rangeOf, type PathKey, type YamlSource } from '../load/yaml-source.js';
import type { KmData } from '../model/schema.js';

export interface Sources {
  organization: YamlSource;
  plan: YamlSource;
  results: YamlSource[];
}

export async function checkReferences(data: KmData, sources: Sources, dataDir: string, bag: DiagnosticBag): Promise<void> {
  const { organization: org, plan } = data;
  const report = (source: YamlSource, path: PathKey[], rule: string, th: string, en: string) =>
    bag.add({ severity: 'error', rule, file: source.file, ...rangeOf(source, path), message_th: th, message_en: en });

  const unique = (source: YamlSource, ids: { id: string }[], path: PathKey[]) => {
    const seen = new Set<string>();
    ids.forEach(({ id }, i) => {
      if (seen.has(id)) report(source, [...path, i, 'id'], 'ref/duplicate-id', `รหัส "${id}" ซ้ำกัน`, `id "${id}" is used twice`);
      seen.add(id);
    });
  };

  const divisionIds = new Set(org.divisions.map((d) => d.id));
  const sections = org.divisions.flatMap((d) => d.sections ?? []);
  const unitIds = new Set([...divisionIds, ...sections.map((s) => s.id)]);
  unique(sources.organization, [...org.divisions, ...sections], ['divisions']);
  unique(sources.plan, plan.actionPlan.activities, ['actionPlan', 'activities']);
  unique(sources.plan, plan.methods, ['methods']);
  unique(sources.plan, plan.factors, ['factors']);

  const known = (source: YamlSource, path: PathKey[], id: string, ids: Set<string>, what: { th: string; en: string }) => {
    if (!ids.has(id)) {
      report(
        source,
        path,
        'ref/unknown-id',
        `ไม่มี${what.th}รหัส "${id}" (ที่มี: ${[...ids].join(', ')})`,
        `no ${what.en} with id "${id}" (known: ${[...ids].join(', ')})`,
      );
    }
  };
  const UNIT = { th: 'หน่วยงาน', en: 'division or section' };
  const DIVISION = { th: 'สำนัก/กอง', en: 'division' };
  const METHOD = { th: 'รูปแบบกิจกรรม', en: 'method' };
  const ACTIVITY = { th: 'กิจกรรม', en: 'activity' };
  const methodIds = new Set(plan.methods.map((m) => m.id));
  const activityIds = new Set(plan.actionPlan.activities.map((a) => a.id));

  known(sources.plan, ['owner'], plan.owner, unitIds, UNIT);
  plan.actionPlan.activities.forEach((activity, i) => {
    known(sources.plan, ['actionPlan', 'activities', i, 'responsible'], activity.responsible, unitIds, UNIT);
    activity.methods.forEach((m, j) => known(sources.plan, ['actionPlan', 'activities', i, 'methods', j], m, methodIds, METHOD));
  });
  plan.factors.forEach((factor, i) =>
    factor.levels.forEach((level, j) => {
      if (level.level !== j + 1) {
        report(sources.plan, ['factors', i, 'levels', j, 'level'], 'plan/level-order', `ระดับต้องเรียง ๑ ถึง ๕ (ที่นี่ควรเป็น ${j + 1})`, `levels must run 1 to 5 in order (expected ${j + 1} here)`);
      }
    }),
  );

  data.results.forEach((results, r) => {
    const source = sources.results[r]!;
    results.staff.forEach((s, i) => known(source, ['staff', i, 'division'], s.division, divisionIds, DIVISION));
    results.procedures.forEach((d, i) => known(source, ['procedures', i], d, divisionIds, DIVISION));
    results.activities.forEach((a, i) => {
      known(source, ['activities', i, 'activity'], a.activity, activityIds, ACTIVITY);
      if (a.method) known(source, ['activities', i, 'method'], a.method, methodIds, METHOD);
      a.participants?.forEach((p, j) => known(source, ['activities', i, 'participants', j, 'division'], p.division, divisionIds, DIVISION));
    });
  });

  const files: [YamlSource, PathKey[], string | undefined][] = [
    [sources.organization, ['emblem'], org.emblem],
    [sources.organization, ['signatory', 'signature'], org.signatory.signature],
  ];
  for (const [source, path, file] of files) {
    if (file === undefined) continue;
    try {
      await access(resolve(dataDir, file));
    } catch {
      report(source, path, 'ref/missing-file', `ไม่พบไฟล์ "${file}" (ตำแหน่งนับจากโฟลเดอร์ข้อมูล)`, `file "${file}" not found (paths are relative to the data folder)`);
    }
  }
}
