// The measures of a ประกาศ on ตราครุฑ paper, each a named constant with its
// source in docs/official-layout.md. Templates receive them as lengths ("3cm").

export const ANNOUNCEMENT_LAYOUT = {
  /** A4 portrait (ระเบียบงานสารบรรณ ข้อ 71: กระดาษตราครุฑ ขนาด เอ ๔). */
  orientation: 'portrait',
  /** Text pages start 2.5 cm from the top edge (page numbers "- ๒ -" above that). */
  marginTopCm: 2.5,
  /** The emblem sits 1.5 cm below the top edge of the paper, outside the text flow. */
  emblemTopCm: 1.5,
  /** Margins of the computer-typing standard: left 3 cm, right 2 cm. */
  marginLeftCm: 3,
  marginRightCm: 2,
  marginBottomCm: 2,
  /** ตราครุฑ 3 cm high for ประกาศ, คำสั่ง and หนังสือภายนอก (ข้อ 71, แบบที่ 26). */
  emblemHeightCm: 3,
  /** Space between the text's top margin and the title: the emblem plus one line. */
  titleTopCm: 1.5 + 3 - 2.5 + 0.5,
  /** Sarabun at 16 pt matches TH Sarabun PSK 16 pt (measured: docs/official-layout.md). */
  bodyFontSizePt: 16,
  /** Each paragraph starts 2.5 cm in, with 6 pt before it; single line spacing. */
  paragraphIndentCm: 2.5,
  paragraphSpaceBeforePt: 6,
  /** The short rule under the title. */
  titleRuleWidthCm: 4,
  /** "ประกาศ ณ วันที่ …" starts this far from the left margin. */
  dateLineStartCm: 6,
  /** The signature block (name in parentheses, position) is centred this far from the left margin. */
  signatureAxisCm: 10.5,
  /** Room left above the name for the hand signature or the scanned one. */
  signatureSpaceCm: 2,
} as const;

/** The constants as template lengths: `marginTopCm: 1.5` → `marginTop: "1.5cm"`. */
export function layoutLengths(layout: Record<string, number | string>): Record<string, string> {
  const lengths: Record<string, string> = {};
  for (const [name, value] of Object.entries(layout)) {
    const unit = /(Cm|Pt)$/.exec(name)?.[1];
    lengths[unit ? name.slice(0, -2) : name] = unit ? `${value}${unit.toLowerCase()}` : String(value);
  }
  return lengths;
}
