// The typesetting corpus: texts that have broken Thai typesetting engines,
// each set as one paragraph on a page of its own by the render tests.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Paragraph } from '../../src/document/model.js';
import { POINTS_PER_CM } from '../../src/document/model.js';

const plan = parse(readFileSync('data/plan.yaml', 'utf8'));
export const A4_WIDTH = 595.28;
export const MARGIN = { top: 2.5 * POINTS_PER_CM, right: 2 * POINTS_PER_CM, bottom: 2 * POINTS_PER_CM, left: 3 * POINTS_PER_CM };

/** The corpus: each text is set as one paragraph on a page of its own. */
export const CORPUS: { name: string; text: string; align: Paragraph['align']; width?: number; bold?: boolean }[] = [
  { name: 'long Thai legal text', align: 'justify', text: `ตาม${plan.legalBasis.law} พ.ศ. ๒๕๔๖ มาตรา ๑๑ ${plan.legalBasis.duty} ${plan.legalBasis.dutyDetails.replace(/\s+/g, ' ')} นั้น` },
  {
    name: 'Thai with English and URLs',
    align: 'justify',
    text: 'ทั้งนี้ สามารถดูรายละเอียดเกี่ยวกับการจัดการความรู้ (Knowledge Management : KM) ขององค์การบริหารส่วนจังหวัดสมุทรสงคราม ได้ที่เว็บไซต์ www.skmpao.go.th และศูนย์ข้อมูลข่าวสารที่ http://www.oic.go.th/INFOCENTER12/1281/ โดยใช้เทคนิค Story Telling, Fishbone Diagram และ Six Thinking Hats ในการแลกเปลี่ยนเรียนรู้ร่วมกันของบุคลากรทุกสำนัก/กอง',
  },
  {
    name: 'ำ-heavy text',
    align: 'justify',
    text: 'หน่วยงานดำเนินการจัดทำคำนำและกำหนดแนวทางการนำความรู้ไปใช้ตามลำดับความสำคัญ ทำให้การดำเนินงานประจำปีมีความต่อเนื่องสม่ำเสมอ สำนักปลัดฯ นำน้ำใจและคำแนะนำของผู้บังคับบัญชามาจัดทำแผนการดำเนินงานที่สำเร็จตามกำหนด และนำเสนอผลการดำเนินงานต่อคณะกรรมการเป็นประจำทุกเดือน',
  },
  { name: 'Latin-first runs', align: 'left', text: 'KM วันที่ ๒๙ ธันวาคม พ.ศ. ๒๕๖๖ AAR ที่ได้จากกิจกรรม KM ที่ผ่านมา ทำให้ผู้เข้าร่วมเข้าใจขั้นตอนการปฏิบัติงานมากขึ้น' },
  { name: 'bold heading text', align: 'justify', bold: true, text: `กิจกรรมที่ ๑ ${plan.actionPlan.activities[0].title} ผู้รับผิดชอบ ตัวชี้วัด (KPI) ความก้าวหน้าการดำเนินงาน บทสรุปการเรียนรู้ ${plan.actionPlan.steps.join(' ')}` },
  { name: 'the seed’s longest cells in a 3-cm column', align: 'left', width: 3 * POINTS_PER_CM, text: plan.actionPlan.activities[3].title + ' ' + plan.actionPlan.steps.join(' ') },
  { name: 'a 1-cm column', align: 'left', width: 1 * POINTS_PER_CM, text: 'องค์การบริหารส่วนจังหวัดสมุทรสงคราม น้ำคำนำ ผู้รับผิดชอบ' },
];

