// Diagnostics as JSON for editors and CI: one flat record per problem, positions
// 1-based like the text output, null where a problem has no position.
import { sortDiagnostics, type Diagnostic } from '../diagnostics.js';

export interface JsonDiagnostic {
  file: string;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  severity: Diagnostic['severity'];
  rule: string;
  message_th: string;
  message_en: string;
  hint: string | null;
}

export interface JsonReport {
  valid: boolean;
  errors: number;
  warnings: number;
  diagnostics: JsonDiagnostic[];
}

export function jsonReport(items: readonly Diagnostic[]): JsonReport {
  const errors = items.filter((d) => d.severity === 'error').length;
  return {
    valid: errors === 0,
    errors,
    warnings: items.length - errors,
    diagnostics: sortDiagnostics(items).map((d) => ({
      file: d.file,
      line: d.start?.line ?? null,
      column: d.start?.column ?? null,
      endLine: d.end?.line ?? null,
      endColumn: d.end?.column ?? null,
      severity: d.severity,
      rule: d.rule,
      message_th: d.message_th,
      message_en: d.message_en,
      hint: d.hint ?? null,
    })),
  };
}
