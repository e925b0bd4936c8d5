// End to end: the example data through the whole pipeline into real PDF and
// DOCX files, read back with poppler, MuPDF and unzip.
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { lines, pageGlyphs } from './helpers/glyphs.js';
import { compact, compactText, docxPart, docxParts, docxText, notdefGlyphs, pdfFonts, pdfPages, pdfText } from './helpers/read-back.js';

let out: string;
const DOCUMENTS = ['announcement', 'km-action-plan', 'aar-2567', 'annual-report-2567'];
const plan = parse(await readFile('data/plan.yaml', 'utf8'));
const organization = parse(await readFile('data/organization.yaml', 'utf8'));

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'km-docs-build-'));
  await build({ dataDir: 'data', outDir: out });
});
afterAll(() => rm(out, { recursive: true, force: true }));

describe('build of the example data', () => {
  it('writes every document as PDF and DOCX', async () => {
    const files = (await readdir(out)).sort();
    expect(files).toEqual(DOCUMENTS.flatMap((d) => [`${d}.docx`, `${d}.pdf`]).sort());
  });

  it.each(DOCUMENTS)('%s.pdf embeds Sarabun and draws no missing glyph', (name) => {
    const fonts = pdfFonts(join(out, `${name}.pdf`));
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.name).toMatch(/\+Sarabun-/);
      expect(font.embedded).toBe(true);
    }
    expect(notdefGlyphs(join(out, `${name}.pdf`))).toBe(0);
  });

  it('the ประกาศ has the title, legal basis, resolution, website, date and signatory', () => {
    const text = compactText(join(out, 'announcement.pdf'));
    for (const phrase of [
      'ประกาศองค์การบริหารส่วนจังหวัดสมุทรสงคราม',
      'เรื่อง แผนการจัดการความรู้ (Knowledge Management : KM)',
      'ปีงบประมาณ พ.ศ. ๒๕๖๗ - พ.ศ. ๒๕๖๙',
      'ตามพระราชกฤษฎีกาว่าด้วยหลักเกณฑ์และวิธีการบริหารกิจการบ้านเมืองที่ดี พ.ศ. ๒๕๔๖ มาตรา ๑๑',
      'ในการประชุมครั้งที่ ๑/๒๕๖๖ เมื่อวันที่ ๒๖ กันยายน ๒๕๖๖',
      'www.skmpao.go.th',
      'จึงประกาศให้ทราบโดยทั่วกัน',
      'ประกาศ ณ วันที่ ๒๙ ธันวาคม พ.ศ. ๒๕๖๖',
      '(นางสาวกาญจน์สุดา ปานะลูทระ)',
      'นายกองค์การบริหารส่วนจังหวัดสมุทรสงคราม',
    ]) {
      expect(text).toContain(compact(phrase));
    }
    // The seed's errors are fixed in the data, not carried into the document.
    expect(text).not.toContain('๒๕๕๖');
    expect(text).not.toContain('๒๕๖๘');
  });

  it('the ประกาศ prints no ASCII digit outside the web address', () => {
    const text = compactText(join(out, 'announcement.pdf')).replace('www.skmpao.go.th', '');
    expect(text).not.toMatch(/[0-9]/);
  });

  it('the action plan is landscape A4 and lists every activity with its columns', () => {
    const file = join(out, 'km-action-plan.pdf');
    const pages = pdfPages(file);
    expect([Math.round(pages.width), Math.round(pages.height)]).toEqual([842, 595]);
    const text = compactText(file);
    for (const activity of plan.actionPlan.activities) expect(text).toContain(compact(activity.title));
    for (const phrase of ['ระดับความสำเร็จการจัดการความรู้ร้อยละ ๘๐', 'ครบ ๓ ประเด็น', 'เมษายน', 'Six Thinking Hats', 'Fishbone Diagram', 'Story Telling', 'กองพัสดุและทรัพย์สิน']) {
      expect(text).toContain(compact(phrase));
    }
  });

  it('the action plan repeats its header row on every page', () => {
    const file = join(out, 'km-action-plan.pdf');
    for (let page = 1; page <= pdfPages(file).count; page++) {
      expect(compact(pdfText(file, { page, raw: true })), `page ${page}`).toContain(compact('ความก้าวหน้าการดำเนินงาน'));
    }
  });

  it('the action plan shows each activity’s progress from the results', () => {
    expect(compactText(join(out, 'km-action-plan.pdf'))).toContain(compact('ปี ๒๕๖๗: ดำเนินการแล้ว (๒๕ เมษายน ๒๕๖๗)'));
  });

  it('the annual report has the summary, factor levels, charts, results, AAR highlights and next year', () => {
    const file = join(out, 'annual-report-2567.pdf');
    const text = compactText(file);
    for (const phrase of [
      'รายงานผลการดำเนินงาน',
      'ยังไม่บรรลุเป้าหมาย',
      'ระดับ ๔: มีองค์ความรู้ ๔ เรื่อง นำไปปรับใช้ ๓ เรื่อง',
      'เป้าหมาย ร้อยละ ๘๐', // the chart's target line label
      'กิจกรรมที่ ๔',
      'ร้อยละ ๗๖.๒๘',
      'อย่างน้อย ๒๕ คน',
      'กองพัสดุและทรัพย์สิน กิจกรรมที่ ๔ มีผู้เข้าร่วม ๔ คน',
      'สิ่งที่จะปรับปรุงในปีถัดไป',
    ]) {
      expect(text).toContain(compact(phrase));
    }
    // The charts are vectors in the PDF (no raster image but the emblem) and a picture in the DOCX.
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim().split(/\s+/)[2] === 'image');
    expect(images).toHaveLength(1);
    // Drawn: a filled bar per activity and per division (two charts), each chart's dashed target line.
    const trace = execFileSync('mutool', ['trace', file], { encoding: 'utf8' });
    const bars = trace.match(/<fill_path [^>]*color="(\.18431373 \.3647059 \.5411765|\.7529412 \.3137255 \.3019608)"/g) ?? [];
    expect(bars).toHaveLength(plan.actionPlan.activities.length + organization.divisions.length);
    expect(trace.match(/<stroke_path [^>]*dash="4 3"/g)).toHaveLength(2);
    expect(docxParts(join(out, 'annual-report-2567.docx')).filter((p) => p.startsWith('word/media/')).length).toBeGreaterThanOrEqual(2);
  });

  it('the AAR summary has the four questions, participants and KPI result of each activity', () => {
    const text = compactText(join(out, 'aar-2567.pdf'));
    for (const activity of plan.actionPlan.activities) expect(text).toContain(compact(activity.title));
    for (const phrase of ['สิ่งที่คาดหวังไว้', 'สิ่งที่เกิดขึ้นจริง', 'ทำไมจึงแตกต่าง', 'สิ่งที่จะทำต่อไป', 'ร้อยละ ๘๘.๔๖', 'ไม่บรรลุเป้าหมาย', 'ข้อมูลตัวอย่าง']) {
      expect(text).toContain(compact(phrase));
    }
    for (const division of organization.divisions) expect(text).toContain(compact(division.name));
  });

  it.each(DOCUMENTS)('%s.pdf draws no text outside its pages', (name) => {
    const file = join(out, `${name}.pdf`);
    const { width, height } = pdfPages(file);
    for (const line of pageGlyphs(file).flatMap(lines)) {
      expect(line.left, line.text).toBeGreaterThanOrEqual(0);
      expect(line.right, line.text).toBeLessThanOrEqual(width);
      expect(line.y, line.text).toBeGreaterThan(0);
      expect(line.y, line.text).toBeLessThan(height);
    }
  });

  it.each(DOCUMENTS)('%s.docx carries the text, Sarabun on every run and the embedded font', (name) => {
    const file = join(out, `${name}.docx`);
    const xml = docxPart(file, 'word/document.xml');
    expect(docxText(file)).toContain(name === 'announcement' ? '(นางสาวกาญจน์สุดา ปานะลูทระ)' : plan.actionPlan.activities[0].title);
    // Every run names Sarabun for all four slots and a language.
    const runs = xml.match(/<w:rPr>.*?<\/w:rPr>/g) ?? [];
    expect(runs.length).toBeGreaterThan(10);
    for (const run of runs) {
      expect(run).toMatch(/<w:rFonts w:ascii="Sarabun" w:cs="Sarabun" w:eastAsia="Sarabun" w:hAnsi="Sarabun"\/>/);
      expect(run).toMatch(/<w:lang w:val="(th-TH|en-US)"/);
    }
    expect(xml).toMatch(/w:val="th-TH"[^>]*w:bidi="th-TH"|w:bidi="th-TH"[^>]*w:val="th-TH"/);
    expect(docxParts(file).some((p) => /^word\/fonts\/.+\.odttf$/.test(p))).toBe(true);
    expect(docxPart(file, 'word/fontTable.xml')).toContain('w:embedRegular');
  });

  it('the action plan DOCX is landscape with a repeated header row and rows that do not split', () => {
    const xml = docxPart(join(out, 'km-action-plan.docx'), 'word/document.xml');
    expect(xml).toMatch(/<w:pgSz [^>]*w:orient="landscape"/);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:cantSplit/>');
  });

  it('writes the same bytes on every run', async () => {
    const again = await mkdtemp(join(tmpdir(), 'km-docs-again-'));
    try {
      await build({ dataDir: 'data', outDir: again });
      for (const file of await readdir(out)) {
        expect(Buffer.compare(await readFile(join(out, file)), await readFile(join(again, file))), file).toBe(0);
      }
    } finally {
      await rm(again, { recursive: true, force: true });
    }
  });
});

describe('a process that built other documents first (watch mode, batch workers)', () => {
  it('writes the same bytes as a fresh process, and each document as when built alone', async () => {
    const other = await mkdtemp(join(tmpdir(), 'km-docs-other-'));
    const fresh = await mkdtemp(join(tmpdir(), 'km-docs-fresh-'));
    const after = await mkdtemp(join(tmpdir(), 'km-docs-after-'));
    const alone = await mkdtemp(join(tmpdir(), 'km-docs-alone-'));
    try {
      // Another province, other figures: other texts shaped, other glyphs subset first.
      const { generateOrganization } = await import('../bench/generate.mjs');
      generateOrganization(join(other, 'data'), 7);
      await build({ dataDir: join(other, 'data'), outDir: join(other, 'out') });
      await build({ dataDir: 'data', outDir: after });
      execFileSync('node', ['dist/cli.js', 'build', '--out', fresh], { stdio: 'ignore' });
      for (const file of await readdir(fresh)) {
        expect(Buffer.compare(await readFile(join(fresh, file)), await readFile(join(after, file))), file).toBe(0);
      }
      // And one document alone, with no other document of the set before it.
      execFileSync('node', ['dist/cli.js', 'build', '--only', 'aar-2567', '--format', 'pdf', '--out', alone], { stdio: 'ignore' });
      expect(Buffer.compare(await readFile(join(alone, 'aar-2567.pdf')), await readFile(join(after, 'aar-2567.pdf')))).toBe(0);
    } finally {
      for (const dir of [other, fresh, after, alone]) await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the time zone of the machine', () => {
  it('does not change the bytes (ZIP entry times are written as UTC)', async () => {
    const utc = await mkdtemp(join(tmpdir(), 'km-docs-utc-'));
    const bangkok = await mkdtemp(join(tmpdir(), 'km-docs-bkk-'));
    try {
      const args = ['dist/cli.js', 'build', '--only', 'announcement', '--format', 'docx'];
      execFileSync('node', [...args, '--out', utc], { env: { ...process.env, TZ: 'UTC' }, stdio: 'ignore' });
      execFileSync('node', [...args, '--out', bangkok], { env: { ...process.env, TZ: 'Asia/Bangkok' }, stdio: 'ignore' });
      const a = await readFile(join(utc, 'announcement.docx'));
      expect(Buffer.compare(a, await readFile(join(bangkok, 'announcement.docx')))).toBe(0);
    } finally {
      await rm(utc, { recursive: true, force: true });
      await rm(bangkok, { recursive: true, force: true });
    }
  });
});

describe('an activity not held, and one not reported', () => {
  it('is listed as such in the AAR summary and the annual report, not left out', async () => {
    const data = await mkdtemp(join(tmpdir(), 'km-docs-notheld-'));
    const outDir = await mkdtemp(join(tmpdir(), 'km-docs-notheld-out-'));
    try {
      await cp('data', data, { recursive: true });
      const file = join(data, 'results-2567.yaml');
      const text = await readFile(file, 'utf8');
      // Activity 4 not held; activity 5 missing from the results altogether.
      const edited = text
        .replace(/(  - activity: treasury-disbursement\n    held: )true/, '$1false')
        .replace(/  - activity: disaster-prevention[\s\S]*?(?=\n# ปัจจัยที่ ๑)/, '');
      await writeFile(file, edited);
      await build({ dataDir: data, outDir, formats: ['pdf'] });
      const aar = compactText(join(outDir, 'aar-2567.pdf'));
      expect(aar).toContain(compact('ยังไม่ได้จัดกิจกรรม (กำหนดจัดในเดือนกรกฎาคมของปีงบประมาณ)'));
      expect(aar).toContain(compact('ยังไม่ได้รายงานผล (กำหนดจัดในเดือนสิงหาคมของปีงบประมาณ)'));
      expect(compactText(join(outDir, 'annual-report-2567.pdf'))).toContain(compact('ยังไม่ได้รายงาน'));
    } finally {
      await rm(data, { recursive: true, force: true });
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
