// The CommonJS packages km-docs loads on demand (pdfmake, its internals, the
// fontkit copy pdfkit uses, resvg's native addon), in one place: the snapshot's
// bundler (scripts/snapshot/) swaps this file for scripts/snapshot/vendor.cjs,
// the same functions as literal require() calls it can follow.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const pdfkitRequire = () => createRequire(require.resolve('pdfkit'));

export type PdfmakeInternal = 'TextInlines' | 'TextBreaker' | 'LayoutBuilder' | 'ElementWriter' | 'PDFDocument' | 'Renderer' | 'TextDecorator' | 'StyleContextStack';

export const vendor = {
  pdfmake: (): unknown => require('pdfmake'),
  pdfmakeVersion: (): string => (require('pdfmake/package.json') as { version: string }).version,
  pdfmakeInternal: (name: PdfmakeInternal): unknown => require(`pdfmake/js/${name}`),
  /** fontkit as pdfkit requires it (not the ESM build an import would give). */
  fontkit: (): unknown => pdfkitRequire()('fontkit'),
  /** resvg, the SVG rasteriser of the DOCX charts: a native addon, never part of the snapshot. */
  resvg: (): typeof import('@resvg/resvg-js') => require('@resvg/resvg-js'),
  /** The version of the pdfkit pdfmake draws with. */
  pdfkitVersion: (): string => (JSON.parse(readFileSync(join(require.resolve('pdfkit'), '../../package.json'), 'utf8')) as { version: string }).version,
  /** The version of docx (its "exports" list no package.json). */
  docxVersion: (): string => (JSON.parse(readFileSync(join(require.resolve('docx'), '../../package.json'), 'utf8')) as { version: string }).version,
  fontkitVersion: (): string => {
    const main = pdfkitRequire().resolve('fontkit');
    return (JSON.parse(readFileSync(join(main, '../../package.json'), 'utf8')) as { version: string }).version;
  },
};
