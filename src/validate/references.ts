// Cross-file checks after the schemas pass: every id that one fact uses to name
// another (a division, a method, a factor number) must exist, ids must be unique,
// and files the data names must be there and be images the renderers can draw.
// (Results naming an activity the plan lacks is a lint rule: results/unknown-activity.)
import { closeSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { PNG_SIGNATURE } from '../charts/png.js';
import type { DiagnosticBag } from '../diagnostics.js';
import { rangeOf, type PathKey, type YamlSource } from '../load/yaml-source.js';
import type { KmData } from '../model/schema.js';
import { closest } from './did-you-mean.js';

export interface Sources {
  organization: YamlSource;
  plan: YamlSource;
  results: YamlSource[];
}

export function checkReferences(data: KmData, sources: Sources, dataDir: string, bag: DiagnosticBag): void {
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
      const guess = closest(id, ids);
      report(
        source,
        path,
        'ref/unknown-id',
        `ไม่มี${what.th}รหัส "${id}"${guess ? ` หมายถึง "${guess}" หรือไม่` : ''} (ที่มี: ${[...ids].join(', ')})`,
        `no ${what.en} with id "${id}"${guess ? `; did you mean "${guess}"?` : ''} (known: ${[...ids].join(', ')})`,
      );
    }
  };
  const UNIT = { th: 'หน่วยงาน', en: 'division or section' };
  const DIVISION = { th: 'สำนัก/กอง', en: 'division' };
  const METHOD = { th: 'รูปแบบกิจกรรม', en: 'method' };
  const methodIds = new Set(plan.methods.map((m) => m.id));

  known(sources.plan, ['owner'], plan.owner, unitIds, UNIT);
  plan.actionPlan.activities.forEach((activity, i) => {
    known(sources.plan, ['actionPlan', 'activities', i, 'responsible'], activity.responsible, unitIds, UNIT);
    activity.methods.forEach((m, j) => known(sources.plan, ['actionPlan', 'activities', i, 'methods', j], m, methodIds, METHOD));
  });
  // Activity groups name the factors they serve by number (ปัจจัยที่ ๑ …), not by id.
  const groups = plan.activityGroups;
  for (const group of ['sharing', 'assets'] as const) {
    groups[group].forEach((activity, i) =>
      activity.factors?.forEach((n, j) => {
        if (n > plan.factors.length) {
          report(
            sources.plan,
            ['activityGroups', group, i, 'factors', j],
            'ref/unknown-factor',
            `ไม่มีปัจจัยที่ ${n} (แผนมี ${plan.factors.length} ปัจจัย)`,
            `there is no factor ${n} (the plan has ${plan.factors.length} factors)`,
          );
        }
      }),
    );
  }

  data.results.forEach((results, r) => {
    const source = sources.results[r]!;
    results.staff.forEach((s, i) => known(source, ['staff', i, 'division'], s.division, divisionIds, DIVISION));
    results.procedures.forEach((d, i) => known(source, ['procedures', i], d, divisionIds, DIVISION));
    results.activities.forEach((a, i) => {
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
    const head = firstBytes(resolve(dataDir, file), PNG_SIGNATURE.length);
    if (!head) {
      report(source, path, 'ref/missing-file', `ไม่พบไฟล์ "${file}" (ตำแหน่งนับจากโฟลเดอร์ข้อมูล)`, `file "${file}" not found (paths are relative to the data folder)`);
    } else if (!PNG_SIGNATURE.every((byte, i) => head[i] === byte)) {
      // Both renderers size images from the PNG header; a JPEG or a renamed file would print wrongly.
      report(source, path, 'ref/not-png', `ไฟล์ "${file}" ไม่ใช่ภาพ PNG (ให้บันทึกภาพเป็น .png)`, `file "${file}" is not a PNG image (save the image as PNG)`);
    }
  }
}

/** The first `count` bytes of a file, or undefined when it cannot be read (synchronous: see src/write/atomic.ts). */
function firstBytes(path: string, count: number): Uint8Array | undefined {
  try {
    const fd = openSync(path, 'r');
    try {
      const buffer = new Uint8Array(count);
      return buffer.subarray(0, readSync(fd, buffer, 0, count, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}
