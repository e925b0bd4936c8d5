// The contract between the lint runner and its rules. A rule only looks and
// reports what it sees; the runner decides how serious it is (its severity) and
// turns it into a positioned diagnostic.
import type { PathKey, YamlSource } from '../load/yaml-source.js';
import type { KmData, Results } from '../model/schema.js';

export interface LintContext {
  data: KmData;
  organization: YamlSource;
  plan: YamlSource;
  /** Each results file with its parsed, schema-checked value. */
  years: { results: Results; source: YamlSource }[];
}

export interface Finding {
  /** The file the finding is in, and the path of the value to point at. */
  source: YamlSource;
  path: PathKey[];
  /** Point at the key rather than its value (for "this list is missing …"). */
  key?: boolean;
  th: string;
  en: string;
  hint?: string;
}

export interface LintRule {
  /** `<file>/<what>`, e.g. `results/unknown-activity`; also the rule's file name under rules/. */
  id: string;
  /** The default severity: `error` stops the build; `warning` is legal but suspicious, or a finding to report. */
  severity: 'error' | 'warning';
  /** One sentence: what the rule checks and why. */
  description: string;
  check(context: LintContext, report: (finding: Finding) => void): void;
}
