// Column widths for both renderers: the template's widths are preferences; a
// column narrower than its widest unbreakable word (a Thai word, "อบจ.", a URL)
// is widened, taking the room from columns that have some to spare. So no word
// is cut while the table still spans the measure.
import type { Block, Table } from '../document/model.js';
import { splitAtWords } from '../text/segment.js';
import { textWidth } from '../text/measure.js';

/** Horizontal room a cell takes besides its content: padding on both sides. */
export const CELL_PADDING = 4;
export const LIST_MARKER = { number: 1.3, dash: 0.6, bullet: 0.6 } as const; // em

export function fitColumnWidths(table: Table, contentWidth: number, fontSize: number): number[] {
  const columns = table.widths.length;
  const usable = contentWidth - columns * 2 * CELL_PADDING - (columns + 1);
  const total = table.widths.reduce((a, w) => a + w, 0);
  const preferred = table.widths.map((w) => (w / total) * usable);
  // Every dictionary word must fit its column. Phrases kept whole where width allows
  // (องค์การบริหารส่วนจังหวัด) do not count: widening a column for one would starve
  // the others, and the renderer breaks such a phrase between its words.
  const minimum = columnMinimums(table, columns, table.size ?? fontSize, splitAtWords);
  const deficit = preferred.reduce((sum, p, i) => sum + Math.max(0, minimum[i]! - p), 0);
  const spare = preferred.reduce((sum, p, i) => sum + Math.max(0, p - minimum[i]!), 0);
  if (deficit === 0 || spare < deficit) return preferred; // nothing to do, or the page is too narrow
  return preferred.map((p, i) => (p < minimum[i]! ? minimum[i]! : p - ((p - minimum[i]!) / spare) * deficit));
}

type Split = (text: string) => readonly string[];

function columnMinimums(table: Table, columns: number, size: number, split: Split): number[] {
  const minimum = new Array<number>(columns).fill(0);
  for (const row of table.rows) {
    let column = 0;
    for (const cell of row.cells) {
      if (cell.colSpan === 1) minimum[column] = Math.max(minimum[column]!, widestWord(cell.blocks, size, split));
      column += cell.colSpan;
    }
  }
  return minimum;
}

function widestWord(blocks: Block[], size: number, split: Split): number {
  let widest = 0;
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      const s = block.size ?? size;
      for (const inline of block.inlines) {
        for (const word of inline.text.split(/\s+/).flatMap((w) => split(w))) {
          if (word) widest = Math.max(widest, textWidth(word, { size: s, bold: inline.bold, italic: inline.italic }) + block.marginLeft);
        }
      }
    } else if (block.kind === 'list') {
      const s = block.size ?? size;
      for (const item of block.items) widest = Math.max(widest, widestWord(item, s, split) + LIST_MARKER[block.marker] * s);
    }
  }
  return widest;
}
