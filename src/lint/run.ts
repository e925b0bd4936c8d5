// Consistency lint, after the schemas pass: runs every rule over the whole data
// set and turns what the rules report into diagnostics with the rule's severity
// (or the caller's override), so rules stay plain observers.
import type { DiagnosticBag } from '../diagnostics.js';
import { rangeOf } from '../load/yaml-source.js';
import type { LintContext, LintRule } from './types.js';
import { RULES } from './rules/index.js';

export type RuleSetting = LintRule['severity'] | 'off';

export interface LintOptions {
  rules?: readonly LintRule[];
  /** Severity by rule id, overriding the rule's default; `off` silences it. */
  severity?: Record<string, RuleSetting>;
}

export function runLint(context: LintContext, bag: DiagnosticBag, options: LintOptions = {}): void {
  for (const rule of options.rules ?? RULES) {
    const severity = options.severity?.[rule.id] ?? rule.severity;
    if (severity === 'off') continue;
    rule.check(context, (finding) =>
      bag.add({
        severity,
        rule: rule.id,
        file: finding.source.file,
        ...rangeOf(finding.source, finding.path, { key: finding.key }),
        message_th: finding.th,
        message_en: finding.en,
        hint: finding.hint,
      }),
    );
  }
}
