// Which documents a data set makes. Each document is a template plus the
// context it prints; adding a document means adding one module and one line here.
import { scoreYear } from '../derive/score.js';
import type { KmData } from '../model/schema.js';
import { aarSummary } from './aar.js';
import { actionPlan } from './action-plan.js';
import { announcement } from './announcement.js';
import { annualReport } from './annual-report.js';

export interface DocumentSpec {
  /** Output file name without extension, e.g. "aar-2567". */
  name: string;
  template: string;
  context: object;
  /** Printed at the top of every page, e.g. for example data. */
  banner?: string;
  /** The document's date (YYYY-MM-DD), written as the file's creation date. */
  date: string;
}

export function documentsFor(data: KmData): DocumentSpec[] {
  return [
    announcement(data),
    actionPlan(data),
    ...data.results.flatMap((results) => {
      const score = scoreYear(data, results);
      return [aarSummary(data, results, score), annualReport(data, results, score)];
    }),
  ];
}
