// A block's XML, kept by the block's content, for the next document that has the
// same block: the wording a plan shares with the other documents of its set and
// with other organizations' plans (the legal basis, the KM process, the activity
// table) is turned into docx objects, prepared and written once per process. A
// kept block goes into the document as its XML (xml-writer.ts's raw element),
// which only km-docs's writer of the parts (docx-patches.ts) reads: without it,
// every block is converted as before.
//
// Kept only: blocks whose XML depends on nothing but their content, the width they
// are set in and the type size. Pictures are left out (their drawing ids are
// numbered per document, and docx files the picture itself when it prepares it),
// and so are headings: docx's passes over a prepared body (a table of contents
// bookmarks the headings it lists) must see them as docx's own elements.
import { FileChild, Paragraph } from 'docx';
import type { Block } from '../../document/model.js';
import { ConstrainedMemo } from '../../util/constrained-memo.js';
import { flattened } from '../../util/flat-string.js';
import { partsWrittenByXmlWriter } from './docx-patches.js';
import { raw, xmlOf } from './xml-writer.js';

/** What a block was turned into: its components' XML. */
interface WrittenBlock {
  xml: string[];
  startsWithParagraph: boolean;
}

export interface ConvertedBlock {
  components: FileChild[];
  /** Whether the first component is a paragraph (a page break before the block can go into it). */
  startsWithParagraph: boolean;
}

/** Characters of XML (and keys) kept: the example set's blocks take ~0.3 M, each further organization's own ~0.2 M. */
const MAX_KEPT_CHARACTERS = 8_000_000;
const kept = new ConstrainedMemo<WrittenBlock>(MAX_KEPT_CHARACTERS);
const NOTHING_READ = new Map<string, unknown>();
const noReads = () => undefined;

/** A block whose XML depends on its content only: no pictures, no headings, at any depth. */
export function keptByContent(block: Block): boolean {
  switch (block.kind) {
    case 'paragraph':
      return block.heading === 0;
    case 'list':
      return block.items.every((item) => item.every(keptByContent));
    case 'table':
      return block.rows.every((row) => row.cells.every((cell) => cell.blocks.every(keptByContent)));
    case 'signature':
      return block.image === undefined;
    case 'rule':
    case 'spacer':
    case 'page-break':
      return true;
    case 'image':
    case 'chart':
      return false;
  }
}

/** A component that is XML written before. */
class WrittenXml extends FileChild {
  constructor(private readonly xml: string) {
    super('w:p');
  }

  override prepForXml(): ReturnType<FileChild['prepForXml']> {
    return raw(this.xml) as ReturnType<FileChild['prepForXml']>;
  }
}

/** A component whose XML, once prepared, is handed to `record`. */
class RecordedXml extends FileChild {
  constructor(
    private readonly component: FileChild,
    private readonly record: (xml: string) => void,
  ) {
    super('w:p');
  }

  override prepForXml(context: Parameters<FileChild['prepForXml']>[0]): ReturnType<FileChild['prepForXml']> {
    const xml = xmlOf(this.component.prepForXml(context) as Record<string, unknown>);
    this.record(xml);
    return raw(xml) as ReturnType<FileChild['prepForXml']>;
  }
}

/** Components converted now, as writtenBlock gives them. */
export const converted = (components: FileChild[]) => ({ components, startsWithParagraph: components[0] instanceof Paragraph });

/**
 * The components of `block` in a document (`setting`: what else its XML depends on,
 * such as the width it is set in): its XML kept from before, or `convert`'s
 * components, whose XML is kept once the document is written.
 */
export function writtenBlock(block: Block, setting: string, convert: () => FileChild[]): ConvertedBlock {
  if (!partsWrittenByXmlWriter()) return converted(convert());
  const key = `${setting}\u0000${JSON.stringify(block)}`;
  const found = kept.get(key, noReads);
  if (found) return { components: found.xml.map((xml) => new WrittenXml(xml)), startsWithParagraph: found.startsWithParagraph };
  const now = convert();
  const written: WrittenBlock = { xml: [], startsWithParagraph: now[0] instanceof Paragraph };
  let left = now.length;
  const components = now.map(
    (component, i) =>
      new RecordedXml(component, (xml) => {
        written.xml[i] = flattened(xml);
        // Kept when every component is written: a document that failed halfway keeps nothing.
        if (--left === 0) kept.set(key, NOTHING_READ, written, key.length + written.xml.reduce((sum, x) => sum + x.length, 0));
      }),
  );
  return { components, startsWithParagraph: written.startsWithParagraph };
}

/** How often a block's XML was found kept (for tests). */
export function writtenBlockStats() {
  return kept.stats();
}
