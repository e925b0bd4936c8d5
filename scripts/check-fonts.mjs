// Renders Thai/Latin text with pdfmake + fonts/Sarabun-*.ttf and checks the PDF:
//   node scripts/check-fonts.mjs              (needs poppler-utils and mupdf-tools)
//   node scripts/check-fonts.mjs --plain DIR  also renders with the unfixed fonts from
//       `python3 scripts/build-fonts.py --plain DIR` and requires identical pixels.
// Exits 1 if any check fails.
import pdfmake from 'pdfmake';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const plainIdx = process.argv.indexOf('--plain');
const plainDir = plainIdx > 0 ? path.resolve(process.argv[plainIdx + 1]) : null;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'km-fonts-'));

// One line per paragraph, short enough never to wrap, so pdftotext must give them back 1:1.
// The sara am (ำ) words are the ones that used to lose their า in copied text.
const lines = [
  'ทำ น้ำ คำนำ กำหนด ดำเนินการ สามารถ ตามพระราชกฤษฎีกา ส่วนราชการ',
  'น้ำ ค่ำ ซ้ำ ล้ำ ป้ำ ฬำ จำนวน ๑๒ รายการ',
  'KM วันที่ ๒๙ ธันวาคม พ.ศ. ๒๕๖๖',
  'Knowledge Management : KM – “การจัดการความรู้” ‘ok’ — www.skmpao.go.th…',
  'เลขไทย ๐๑๒๓๔๕๖๗๘๙ / ASCII 0123456789',
  'ผู้รับผิดชอบ ความรู้ ผู้ใช้',
];
const SARA_AM_LINES = 2; // lines[0..1]
const styles = { Regular: {}, Bold: { bold: true }, Italic: { italics: true }, BoldItalic: { bold: true, italics: true } };

async function render(dir, file) {
  const f = (s) => path.join(dir, `Sarabun-${s}.ttf`);
  pdfmake.setFonts({ Sarabun: { normal: f('Regular'), bold: f('Bold'), italics: f('Italic'), bolditalics: f('BoldItalic') } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(dir + path.sep));
  const doc = {
    // one page per style
    content: Object.values(styles).flatMap((st, p) => lines.map((text, i) => ({ text, ...st, pageBreak: p && !i ? 'before' : undefined }))),
    defaultStyle: { font: 'Sarabun', fontSize: 14 },
  };
  const out = path.join(tmp, file);
  fs.writeFileSync(out, await pdfmake.createPdf(doc).getBuffer());
  return out;
}

const run = (cmd, ...args) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
let failed = 0;
const check = (ok, what, detail = '') => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `\n${detail}`}`);
  if (!ok) failed++;
};

const pdf = await render(path.join(root, 'fonts'), 'fixed.pdf');
console.log(`rendered ${Object.keys(styles).length} pages with pdfmake: ${pdf}`);

// Every style must be embedded (subset) with a ToUnicode map.
const fonts = run('pdffonts', pdf);
for (const s of Object.keys(styles)) {
  const row = fonts.split('\n').find((l) => l.includes(`+Sarabun-${s} `));
  check(/\byes\s+yes\s+yes\b/.test(row ?? ''), `pdffonts: Sarabun-${s} embedded, subset, ToUnicode`, fonts);
}

// mutool trace writes one <g ... glyph="N"> per drawn glyph; N=0 is .notdef (a missing glyph).
const trace = run('mutool', 'trace', pdf);
const drawn = (trace.match(/<g /g) ?? []).length;
const notdef = (trace.match(/ glyph="0"/g) ?? []).length;
check(drawn > 0 && notdef === 0, `mutool trace: ${drawn} glyphs drawn, ${notdef} are glyph 0 (.notdef)`);

// Copy/paste text must come back exactly as typed (no "ํา", no lost า).  -raw reads in
// content-stream order, so it tests the ToUnicode map alone.  The default (reading-order)
// mode also sorts glyphs by x, and in Bold/Italic a tone mark over a lower vowel (ผู้) has
// its origin a fraction of a point right of the next glyph, so it can come out moved
// ("ผูร้"): the same happens with the unmodified fonts, so it is only reported.
const pages = (...args) => run('pdftotext', '-enc', 'UTF-8', ...args, pdf, '-').split('\f').map((p) => p.replace(/\n+$/, '').split('\n'));
const raw = pages('-raw');
const flow = pages();
Object.keys(styles).forEach((s, p) => {
  const bad = lines.flatMap((l, i) => (raw[p][i] === l ? [] : [`  got:  ${raw[p][i]}\n  want: ${l}`]));
  check(bad.length === 0 && raw[p].length === lines.length, `pdftotext -raw, ${s} page: all ${lines.length} lines equal the input`, bad.join('\n'));
  const am = lines.slice(0, SARA_AM_LINES);
  check(am.every((l, i) => flow[p][i] === l), `pdftotext (default mode), ${s} page: sara am lines equal the input`,
    am.map((l, i) => `  got:  ${flow[p][i]}\n  want: ${l}`).join('\n'));
  for (const l of lines.slice(SARA_AM_LINES)) if (!flow[p].includes(l)) console.log(`note pdftotext (default mode) does not give back verbatim: ${l}`);
});

if (plainDir) {
  // The fix must not move a single pixel compared with the plainly merged fonts.
  const plainPdf = await render(plainDir, 'plain.pdf');
  const ppm = (p) => (run('pdftoppm', '-r', '150', p, p.replace(/\.pdf$/, '')),
    Object.keys(styles).map((_, i) => fs.readFileSync(p.replace(/\.pdf$/, `-${i + 1}.ppm`))));
  const [a, b] = [ppm(pdf), ppm(plainPdf)];
  Object.keys(styles).forEach((s, i) => check(a[i].equals(b[i]), `pdftoppm -r 150, ${s} page: identical pixels with ${plainDir}`));
}

if (!failed) fs.rmSync(tmp, { recursive: true });
console.log(failed ? `${failed} check(s) failed; files kept in ${tmp}` : 'all font checks passed');
process.exit(failed ? 1 : 0);
