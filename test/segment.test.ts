import { describe, expect, it } from 'vitest';
import { breakOpportunities, graphemeClusters, splitAtBreaks } from '../src/text/segment.js';

describe('Thai break opportunities', () => {
  it('splits Thai at word boundaries and gives the text back unchanged', () => {
    const text = 'ส่วนราชการมีหน้าที่พัฒนาความรู้ในส่วนราชการ';
    const pieces = splitAtBreaks(text);
    expect(pieces.join('')).toBe(text);
    expect(pieces.length).toBeGreaterThan(3);
  });

  it('keeps words ICU splits wrongly and official names whole', () => {
    expect(splitAtBreaks('ตามพระราชกฤษฎีกาว่าด้วย')).toEqual(['ตามพระราชกฤษฎีกา', 'ว่า', 'ด้วย']);
    expect(splitAtBreaks('ส่วนราชการมีหน้าที่พัฒนา')).toEqual(['ส่วนราชการ', 'มีหน้าที่', 'พัฒนา']);
    expect(splitAtBreaks('ตามพระราชบัญญัติจัดซื้อ')[0]).toBe('ตามพระราชบัญญัติ');
    expect(splitAtBreaks('อบจ.สมุทรสงคราม')).toEqual(['อบจ.', 'สมุทรสงคราม']);
    expect(splitAtBreaks('พ.ศ.๒๕๖๖')).toEqual(['พ.ศ.๒๕๖๖']);
    expect(splitAtBreaks('การทบทวน/ปรับปรุง')).toEqual(['การ', 'ทบทวน/', 'ปรับปรุง']);
    expect(splitAtBreaks('ขององค์การบริหารส่วนจังหวัดสมุทรสงคราม')).toContain('องค์การบริหารส่วนจังหวัด');
    expect(splitAtBreaks('ผลตามตัวชี้วัด')).toEqual(['ผล', 'ตาม', 'ตัวชี้วัด']);
  });

  it('never breaks abbreviations with dots, URLs or Latin words', () => {
    expect(breakOpportunities('อบจ.')).toEqual([]);
    expect(breakOpportunities('ป.ป.ช.')).toEqual([]);
    expect(breakOpportunities('www.skmpao.go.th')).toEqual([]);
    expect(breakOpportunities('Knowledge Management')).toEqual([]);
  });

  it('never breaks before a combining mark or following vowel', () => {
    const text = 'น้ำคำนำกำหนดดำเนินการที่ได้รับ';
    for (const offset of breakOpportunities(text)) expect(text[offset]).not.toMatch(/[\u0E30-\u0E3A\u0E45\u0E47-\u0E4E]/);
    expect(graphemeClusters('น้ำ')).toEqual(['น้ำ']);
  });
});
