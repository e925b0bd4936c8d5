// Diagnostics are values: every stage reports problems here instead of throwing,
// so a run can show all of a clerk's mistakes at once, each with its place.

export type Severity = 'error' | 'warning';

export interface Position {
  line: number; // 1-based
  column: number; // 1-based
}

export interface Diagnostic {
  severity: Severity;
  rule: string;
  file: string;
  start?: Position;
  end?: Position;
  message_th: string;
  message_en: string;
  hint?: string;
}

/** Thrown only to stop a run after diagnostics were collected; never shown as a stack trace. */
export class DiagnosticsError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(`${diagnostics.length} problem(s)`);
    this.name = 'DiagnosticsError';
  }
}

export class DiagnosticBag {
  readonly items: Diagnostic[] = [];

  add(diagnostic: Diagnostic): void {
    this.items.push(diagnostic);
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }

  /** Stops the run if anything so far is an error. */
  throwIfErrors(): void {
    if (this.hasErrors) throw new DiagnosticsError(this.sorted());
  }

  sorted(): Diagnostic[] {
    return sortDiagnostics(this.items);
  }
}

export function sortDiagnostics(items: readonly Diagnostic[]): Diagnostic[] {
  return [...items].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.start?.line ?? 0) - (b.start?.line ?? 0) ||
      (a.start?.column ?? 0) - (b.start?.column ?? 0),
  );
}

/** `data/plan.yaml:42:7  error  <th> / <en>  (rule)` with the offending source line beneath. */
export function formatDiagnostics(items: readonly Diagnostic[], sources: ReadonlyMap<string, string> = new Map()): string {
  const lines: string[] = [];
  // Each file split into lines once, not once per message (a large plan has thousands of warnings).
  const sourceLines = new Map<string, string[]>();
  const linesOf = (file: string) => {
    const source = sources.get(file);
    if (source === undefined) return undefined;
    let split = sourceLines.get(file);
    if (!split) sourceLines.set(file, (split = source.split(/\r?\n/)));
    return split;
  };
  for (const d of sortDiagnostics(items)) {
    const place = d.start ? `${d.file}:${d.start.line}:${d.start.column}` : d.file;
    lines.push(`${place}  ${d.severity}  ${d.message_th} / ${d.message_en}  (${d.rule})`);
    const frame = d.start ? codeFrame(linesOf(d.file), d.start, d.end) : '';
    if (frame) lines.push(frame);
    if (d.hint) lines.push(`    ${d.hint}`);
  }
  const errors = items.filter((d) => d.severity === 'error').length;
  const warnings = items.length - errors;
  lines.push(`${errors} ข้อผิดพลาด, ${warnings} คำเตือน / ${errors} error(s), ${warnings} warning(s)`);
  return lines.join('\n');
}

function codeFrame(sourceLines: readonly string[] | undefined, start: Position, end?: Position): string {
  if (sourceLines === undefined) return '';
  const text = sourceLines[start.line - 1];
  if (text === undefined) return '';
  const gutter = String(start.line).padStart(5);
  const width = end && end.line === start.line ? Math.max(1, end.column - start.column) : 1;
  return `${gutter} | ${text}\n${' '.repeat(gutter.length)} | ${' '.repeat(start.column - 1)}${'^'.repeat(width)}`;
}
