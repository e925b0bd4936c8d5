// km-docs from a V8 startup snapshot: what `npm start` runs.
//
// scripts/snapshot/build.mjs bundles this module and runs it under
// `node --build-snapshot`: every module is loaded, the example documents are
// built once into a temporary folder, and V8 writes the heap to dist/km-docs.blob.
// `node --snapshot-blob dist/km-docs.blob <command> …` then starts with the code
// compiled and the fonts and templates parsed, and runs the command line as
// src/cli.ts does. Every cache filled here is keyed by content, so a build from
// the snapshot writes the same bytes as a fresh process (test/snapshot.test.ts).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setFlagsFromString, startupSnapshot } from 'node:v8';
import { build, FORMATS, planBuild, type Format } from './build.js';
import { chartsIn, chartSvg, keepChartPng } from './charts/render.js';
import type { DocumentModel } from './document/model.js';
import { runCli } from './commands.js';
import { documentsFor } from './documents/registry.js';
import { loadDataSet } from './load/data-set.js';
import { PACKAGE_ROOT, TEMPLATES_DIR } from './paths.js';
import { HELPER_PROCESS_ARGUMENT, startHelperProcess } from './render/helper-process.js';
import { serveAsHelperProcess } from './render/helper-process-main.js';
import { forgetOnceValues } from './util/once.js';

/**
 * The formats this blob is warmed with, read while it is made (the variable is
 * scripts/snapshot/build.mjs's). It makes two blobs of the same bundle:
 * dist/km-docs.blob, the command line's, with the PDFs only, and
 * dist/km-docs-helper.blob, its helper process's, with both formats. docx's
 * objects, its warmed code and its caches were a ninth of the blob every start
 * reads (16.2 → 14.4 MB), and they brought a cold action plan PDF, which renders
 * no DOCX, to V8's first limit of the old generation: one full collection more.
 * Without them, in turns with the single blob: action plan PDF 0.88× (25 rounds),
 * whole set 0.95× (15). A build of both formats leaves the DOCX files to the
 * helper (build's leftToHelper), whose heap has docx warm; docx's code is in the
 * bundle of both, so a DOCX that this process does render (no helper, or one
 * that failed) is made all the same, compiled on first use.
 */
const WARMED_FORMATS: readonly Format[] = FORMATS.filter((format) => (process.env.KM_DOCS_SNAPSHOT_WARM_FORMATS ?? FORMATS.join(',')).split(',').includes(format));
const HELPER_BLOB = 'km-docs-helper.blob';

async function warmUp(): Promise<void> {
  const dataDir = join(PACKAGE_ROOT, 'data');
  const { data } = loadDataSet(dataDir);
  // data/ is the clerk's working copy: while it has a mistake, the snapshot holds
  // the loaded code only (slower to start, the same output), and the build that
  // follows reports the mistake with its file, line and column.
  if (!data) return;
  const outDir = await mkdtemp(join(tmpdir(), 'km-docs-snapshot-'));
  try {
    await build({ dataDir, data, outDir, formats: ['pdf'] });
    if (!WARMED_FORMATS.includes('docx')) return;
    // The DOCX files' chart pictures are drawn by resvg, a native addon, which the
    // snapshot builder cannot load: another process draws them first. Should it
    // fail, the documents with charts warm up on their first real build instead.
    const request = { data, dataDir, templatesDir: TEMPLATES_DIR, formats: ['docx'] as Format[] };
    const charted = (await planBuild(request)).filter((job) => chartsIn(job.model().blocks).length > 0);
    const left = keepChartPictures(charted.map((job) => job.model())) ? [] : charted.map((job) => job.name);
    await build({ dataDir, data, outDir, formats: ['docx'], only: documentsFor(data).map((spec) => spec.name).filter((name) => !left.includes(name)) });
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/**
 * The pictures of the charts of `models`, drawn by src/charts/rasterise-process.ts
 * (the same function in a plain process) and kept by their SVG, as a build keeps
 * the ones it draws. A cold build of the example set then draws none, and the
 * annual report's DOCX is warmed up like the others: from the helper's blob, cold,
 * it took 66 ms instead of 175 (medians of 7 and 11; resvg's loading, two charts
 * drawn and indexed, and the pictures' DOCX parts run for the first time). False
 * when it could not draw them.
 */
function keepChartPictures(models: DocumentModel[]): boolean {
  const svgs = [...new Set(models.flatMap((model) => chartsIn(model.blocks).map((chart) => chartSvg(chart, model.fontSize))))];
  const drawn = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'dist', 'charts', 'rasterise-process.js')], {
    input: JSON.stringify(svgs),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (drawn.status !== 0) return false;
  const pngs = JSON.parse(drawn.stdout) as string[];
  svgs.forEach((svg, i) => keepChartPng(svg, Buffer.from(pngs[i]!, 'base64')));
  return true;
}

/**
 * A one-off build from the snapshot runs for about a second, on both cores (this
 * process and its helper process). V8's optimising compiler, which by default
 * starts on a function once it has run ~66 KB of bytecode, then spends the second
 * core on code that is used for a few more calls. Sixty times that budget leaves
 * the short-lived code to the interpreter and baseline compiler, and still
 * optimises what a large plan runs for seconds. Paired, in turns, against one
 * process at the default budget (ratio of medians): example set with the helper
 * process 0.89× (1.15× at the default budget), a 100-activity plan 0.91×, the
 * action plan PDF alone 0.89–0.93×. Budgets of 1 M–16 M did the same. V8 reads the
 * budget each time it resets a function's counter, so setting it here, after
 * start-up, takes effect.
 */
const ONE_OFF_BUILD_V8_FLAGS = '--interrupt-budget=4000000';

startupSnapshot.addSerializeCallback(forgetOnceValues);
startupSnapshot.setDeserializeMainFunction(() => {
  // The blob holds this folder's absolute paths (fonts, templates, node_modules).
  if (!existsSync(join(PACKAGE_ROOT, 'package.json'))) {
    console.error(
      `km-docs ถูกย้ายโฟลเดอร์หลังติดตั้ง ให้รัน npm run build อีกครั้ง / km-docs was moved after it was installed ` +
        `(the startup snapshot points to ${PACKAGE_ROOT}): run "npm run build" again`,
    );
    process.exitCode = 2;
    return;
  }
  // Without a script name, the command line starts at argv[1].
  const command = process.argv[1];
  if (command === 'build' || command === HELPER_PROCESS_ARGUMENT) setFlagsFromString(ONE_OFF_BUILD_V8_FLAGS);
  if (command === HELPER_PROCESS_ARGUMENT && process.argv.length === 2) return serveAsHelperProcess();
  // Node keeps a leading --help or -h as its own option, though km-docs's help was asked for.
  const help = process.execArgv.filter((option) => option === '--help' || option === '-h').slice(0, 1);
  return runCli([...help, ...process.argv.slice(1)], {
    startHelperProcess: () =>
      startHelperProcess(withHelperBlob(process.execArgv), { leftToHelper: FORMATS.filter((format) => !WARMED_FORMATS.includes(format)) }),
  });
});

/** This process's Node options with the helper's blob, beside this one, in place of this one's. */
function withHelperBlob(execArgv: readonly string[]): string[] {
  const options = [...execArgv];
  const at = options.findIndex((option) => option === '--snapshot-blob' || option.startsWith('--snapshot-blob='));
  if (at < 0) return options;
  const own = options[at] === '--snapshot-blob' ? options[at + 1]! : options[at]!.slice('--snapshot-blob='.length);
  options.splice(at, options[at] === '--snapshot-blob' ? 2 : 1, '--snapshot-blob', join(dirname(own), HELPER_BLOB));
  return options;
}

warmUp().catch((error: unknown) => {
  console.error('km-docs: warming up the startup snapshot failed:', error);
  process.exit(1);
});
