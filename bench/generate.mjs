// Generates data folders for the benchmarks: the example plan with N activities
// (each a copy of one of the five, renamed) and results for each of them.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

const root = new URL('..', import.meta.url).pathname;

/** Writes a data folder with `activities` activities into `dir`; returns `dir`. */
export function generateDataSet(dir, activities) {
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, 'data'), dir, { recursive: true });
  const plan = parse(readFileSync(join(root, 'data/plan.yaml'), 'utf8'));
  const results = parse(readFileSync(join(root, 'data/results-2567.yaml'), 'utf8'));
  const base = plan.actionPlan.activities;
  const baseResults = results.activities;
  plan.actionPlan.activities = Array.from({ length: activities }, (_, i) => ({ ...base[i % base.length], id: `activity-${i + 1}` }));
  results.activities = Array.from({ length: activities }, (_, i) => ({ ...baseResults[i % baseResults.length], activity: `activity-${i + 1}` }));
  writeFileSync(join(dir, 'plan.yaml'), stringify(plan, { aliasDuplicateObjects: false }));
  writeFileSync(join(dir, 'results-2567.yaml'), stringify(results, { aliasDuplicateObjects: false }));
  return dir;
}

// Provinces whose อบจ. the batch benchmark imitates: every organization gets its
// own name and figures, so no cache of whole documents can stand in for the work
// (paragraphs without them are shared, as the wording of real plans is).
const PROVINCES = ['สมุทรสงคราม', 'นครปฐม', 'ราชบุรี', 'กาญจนบุรี', 'สุพรรณบุรี', 'เพชรบุรี', 'ประจวบคีรีขันธ์', 'สมุทรสาคร', 'นนทบุรี', 'ปทุมธานี', 'พระนครศรีอยุธยา', 'อ่างทอง', 'ลพบุรี', 'สิงห์บุรี', 'ชัยนาท', 'สระบุรี', 'นครนายก', 'ปราจีนบุรี', 'ฉะเชิงเทรา', 'ชลบุรี', 'ระยอง', 'จันทบุรี', 'ตราด', 'เชียงใหม่', 'ลำพูน', 'ลำปาง', 'แพร่', 'น่าน', 'พะเยา', 'เชียงราย', 'แม่ฮ่องสอน', 'นครราชสีมา', 'บุรีรัมย์', 'สุรินทร์', 'ศรีสะเกษ', 'อุบลราชธานี', 'ขอนแก่น', 'อุดรธานี', 'สงขลา', 'ภูเก็ต'];

/** Writes organization number `index`'s data folder (the example, renamed and with its own figures) into `dir`. */
export function generateOrganization(dir, index) {
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, 'data'), dir, { recursive: true });
  const province = PROVINCES[index % PROVINCES.length];
  for (const file of ['organization.yaml', 'plan.yaml', 'results-2567.yaml']) {
    let text = readFileSync(join(root, 'data', file), 'utf8').replaceAll('สมุทรสงคราม', province);
    if (file === 'results-2567.yaml') {
      const [staff, rest] = text.split(/^activities:/m);
      // More staff than the example everywhere, and a few more participants: the data
      // stays valid. Each count gets its own step from (organization, place in the
      // file), so organizations differ in their figures and their charts, as real ones
      // do: the annual report's chart PNGs are kept by content.
      let place = 0;
      const more = (n, most) => Number(n) + (mix(index, ++place) % most);
      text = `${staff.replace(/count: (\d+)/g, (_, n) => `count: ${5 + more(n, 8)}`)}activities:${rest.replace(/count: (\d+)/g, (_, n) => `count: ${more(n, 4)}`)}`;
    }
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

/** A well-spread whole number from two (murmur3's finaliser). */
function mix(a, b) {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
