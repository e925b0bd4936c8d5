// The one place that changes pdfmake's internals. pdfmake breaks lines only where
// the UAX #14 breaker (the `linebreak` package) allows, and that package treats a
// Thai run as one long word: Thai gets cut mid-word at the column edge. We split
// the breaker's pieces again at Thai word boundaries, inserting no character.
//
// Pinned: the patch relies on TextBreaker.prototype.getBreaks returning flat
// inline objects ({text, lineEnd?, noNewLine?, ...style}). On any other pdfmake
// version we refuse to run instead of typesetting Thai wrongly; test/pdfmake-
// patches.test.ts fails too, so an upgrade is a deliberate act.
import { createRequire } from 'node:module';
import { splitAtBreaks } from '../../text/segment.js';

export const PATCHED_PDFMAKE_VERSION = '0.3.11';

const require = createRequire(import.meta.url);

interface BrokenInline {
  text: string;
  lineEnd?: boolean;
  noNewLine?: boolean;
  noWrap?: boolean;
  [style: string]: unknown;
}

type GetBreaks = (this: unknown, texts: unknown, styleContextStack: unknown) => BrokenInline[];

let applied = false;

export function applyPdfmakePatches(): void {
  if (applied) return;
  const { version } = require('pdfmake/package.json') as { version: string };
  if (version !== PATCHED_PDFMAKE_VERSION) {
    throw new Error(
      `km-docs patches pdfmake ${PATCHED_PDFMAKE_VERSION} for Thai line breaking, but pdfmake ${version} is installed. ` +
        'Re-check src/render/pdf/pdfmake-patches.ts against the new version, then update PATCHED_PDFMAKE_VERSION.',
    );
  }
  const TextBreaker = (require('pdfmake/js/TextBreaker') as { default: { prototype: { getBreaks: GetBreaks } } }).default;
  const original = TextBreaker.prototype.getBreaks;
  TextBreaker.prototype.getBreaks = function getBreaksAtThaiWords(texts, styleContextStack) {
    return original.call(this, texts, styleContextStack).flatMap(splitInline);
  };
  applied = true;
}

/** One inline becomes several with the same style; only the last keeps the line-end / glue flags. */
export function splitInline(inline: BrokenInline): BrokenInline[] {
  if (inline.noWrap) return [inline];
  const pieces = splitAtBreaks(inline.text);
  if (pieces.length === 1) return [inline];
  const { lineEnd, noNewLine, ...style } = inline;
  return pieces.map((text, i) => {
    const piece: BrokenInline = { ...style, text };
    if (i === pieces.length - 1) {
      if (lineEnd) piece.lineEnd = true;
      if (noNewLine) piece.noNewLine = true;
    }
    return piece;
  });
}
