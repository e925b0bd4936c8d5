// The CommonJS packages km-docs loads on demand (pdfmake, its internals, and the
// fontkit copy pdfkit uses), in one place, so a future bundler has one file to
// replace with literal require() calls it can follow.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const pdfkitRequire = () => createRequire(require.resolve('pdfkit'));

export type PdfmakeInternal = 'TextInlines' | 'TextBreaker' | 'LayoutBuilder' | 'ElementWriter' | 'PDFDocument' | 'Renderer' | 'TextDecorator';

export const vendor = {
  pdfmake: (): unknown => require('pdfmake'),
  pdfmakeVersion: (): string => (require('pdfmake/package.json') as { version: string }).version,
  pdfmakeInternal: (name: PdfmakeInternal): unknown => require(`pdfmake/js/${name}`),
  /** fontkit as pdfkit requires it (not the ESM build an import would give). */
  fontkit: (): unknown => pdfkitRequire()('fontkit'),
  /** The version of the pdfkit pdfmake draws with. */
  pdfkitVersion: (): string => (JSON.parse(readFileSync(join(require.resolve('pdfkit'), '../../package.json'), 'utf8')) as { version: string }).version,
  fontkitVersion: (): string => {
    const main = pdfkitRequire().resolve('fontkit');
    return (JSON.parse(readFileSync(join(main, '../../package.json'), 'utf8')) as { version: string }).version;
  },
};
