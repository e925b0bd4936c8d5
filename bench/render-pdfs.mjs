// Child of bench/run.mjs: renders the example PDFs N times in one process, with
// km-docs' Thai patches ("patched") or with pdfmake as published ("plain").
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const [mode, times] = process.argv.slice(2);
const root = new URL('..', import.meta.url).pathname;
const require = createRequire(join(root, 'package.json'));
const { loadDataSet } = await import(join(root, 'dist/load/data-set.js'));
const { documentsFor } = await import(join(root, 'dist/documents/registry.js'));
const { loadTemplates } = await import(join(root, 'dist/template/engine.js'));
const { parseDocumentXml } = await import(join(root, 'dist/document/parse-xml.js'));
const { toDocDefinition, renderPdf } = await import(join(root, 'dist/render/pdf/index.js'));
const { FONT_FILES } = await import(join(root, 'dist/paths.js'));

const { data } = await loadDataSet(join(root, 'data'));
const templates = await loadTemplates(join(root, 'templates'));
const models = documentsFor(data).map((spec) => parseDocumentXml(templates.render(spec.template, spec.context), spec.template, join(root, 'data')));
const options = { date: new Date('2024-01-01T00:00:00Z'), author: 'bench' };

let render;
if (mode === 'patched') {
  render = (model) => renderPdf(model, options);
} else {
  const pdfmake = require('pdfmake');
  pdfmake.setFonts({ Sarabun: FONT_FILES });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => true);
  render = (model) => pdfmake.createPdf(toDocDefinition(model, options)).getBuffer();
}
for (const model of models) await render(model); // warm up: fonts parsed, code compiled
const samples = [];
for (let i = 0; i < Number(times); i++) {
  const started = performance.now();
  for (const model of models) await render(model);
  samples.push(performance.now() - started);
}
samples.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ median: samples[Math.floor(samples.length / 2)], min: samples[0], max: samples.at(-1), runs: samples.length }));
