import { basename } from 'node:path';
import type { LintRule } from '../types.js';

export const resultsFileNameMismatch: LintRule = {
  id: 'results/file-name-mismatch',
  severity: 'error',
  description:
    'A results file is named after its fiscal year (results-2568.yaml holds fiscalYear: 2568); a copy of last year’s file renamed but not edited would otherwise report last year twice.',
  check({ years }, report) {
    for (const { results, source } of years) {
      const named = Number(basename(source.file).match(/^results-(\d{4})\./)?.[1]);
      if (named && named !== results.fiscalYear) {
        report({
          source,
          path: ['fiscalYear'],
          th: `ชื่อไฟล์เป็นปี ${named} แต่ fiscalYear เป็น ${results.fiscalYear} ต้องตรงกัน`,
          en: `the file is named for ${named} but fiscalYear is ${results.fiscalYear}; they must match`,
          hint: `แก้ fiscalYear เป็น ${named} หรือเปลี่ยนชื่อไฟล์เป็น results-${results.fiscalYear}.yaml / set fiscalYear: ${named} or rename the file results-${results.fiscalYear}.yaml`,
        });
      }
    }
  },
};
