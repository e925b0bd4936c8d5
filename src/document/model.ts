// The one typed document model that both renderers read. Templates produce it
// (through the XML vocabulary in docs/document-xml.md); the PDF and DOCX
// backends never see YAML or templates. All lengths are in points (1/72 inch).

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** A forced line break after this inline (<br/>). */
  lineBreak?: boolean;
}

export interface Paragraph {
  kind: 'paragraph';
  inlines: Inline[];
  align: Align;
  /** First-line indent. */
  indent: number;
  /** Left indent of every line. */
  marginLeft: number;
  spaceBefore: number;
  spaceAfter: number;
  /** Font size in points; undefined = the document's. */
  size?: number;
  keepWithNext: boolean;
  /** A heading level (1–3) for outlines; 0 for body text. */
  heading: number;
}

export interface List {
  kind: 'list';
  marker: 'dash' | 'bullet' | 'number';
  items: Block[][];
  size?: number;
  spaceBefore: number;
}

export interface TableCell {
  blocks: Block[];
  colSpan: number;
  rowSpan: number;
  align?: Align;
  /** Background colour as #rrggbb. */
  fill?: string;
}

export interface TableRow {
  cells: TableCell[];
  /** Repeated at the top of every page the table runs onto. */
  header: boolean;
}

export interface Table {
  kind: 'table';
  /** Relative column widths (any unit; only proportions matter). */
  widths: number[];
  rows: TableRow[];
  size?: number;
  spaceBefore: number;
}

export interface Image {
  kind: 'image';
  /** Absolute path of a PNG or JPEG file. */
  src: string;
  width?: number;
  height?: number;
  align: Align;
  spaceBefore: number;
  /** Placed this far below the top edge of the page, outside the text flow (the ตราครุฑ). */
  top?: number;
}

export interface Chart {
  kind: 'chart';
  bars: { label: string; value: number; display: string; highlight?: boolean }[];
  max?: number;
  target?: { value: number; label: string };
  width: number;
  height: number;
  size?: number;
  spaceBefore: number;
}

export interface Signature {
  kind: 'signature';
  name: string;
  position: string[];
  /** Absolute path of a scanned signature (PNG). */
  image?: string;
  /** Height left empty for the hand signature. */
  signatureSpace: number;
  /** Horizontal centre of the block, measured from the left margin. */
  axis?: number;
  spaceBefore: number;
}

export interface Rule {
  kind: 'rule';
  width: number;
  align: Align;
  spaceBefore: number;
}

export interface Spacer {
  kind: 'spacer';
  height: number;
}

export interface PageBreak {
  kind: 'page-break';
}

export type Block = Paragraph | List | Table | Image | Chart | Signature | Rule | Spacer | PageBreak;

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export type PageNumberStyle = 'none' | 'top-center-dash' | 'bottom-right';

export interface DocumentModel {
  title: string;
  size: 'A4';
  orientation: 'portrait' | 'landscape';
  margins: Margins;
  /** Body font size in points. */
  fontSize: number;
  pageNumbers: PageNumberStyle;
  /** A line printed at the top of every page (e.g. "ข้อมูลตัวอย่าง" for example data). */
  banner?: string;
  blocks: Block[];
}

export const POINTS_PER_CM = 72 / 2.54;
