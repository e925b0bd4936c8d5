// npm run bench [-- --quick] [-- --json]: times and sizes of km-docs on this
// machine, as ratios to `node -e 0` measured in the same run (machines are noisy;
// ratios are what compare). The tests run --quick only to prove it works; no test asserts a time.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateDataSet, generateOrganization } from './generate.mjs';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const runs = quick ? 1 : 7;
const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'dist/cli.js');

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1), runs: sorted.length };
}

/**
 * Wall times of fresh processes, from spawn to exit, taken in turns (one of each,
 * then again): this machine's speed wanders, and a ratio should compare samples
 * taken in the same minutes.
 */
function timeProcesses(commands) {
  const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, commandArgs] of Object.entries(commands)) {
      const started = performance.now();
      const result = spawnSync(process.execPath, commandArgs, { stdio: 'ignore' });
      if (result.status !== 0) throw new Error(`node ${commandArgs.join(' ')} exited ${result.status}`);
      samples[name].push(performance.now() - started);
    }
  }
  const timings = Object.fromEntries(Object.entries(samples).map(([name, times]) => [name, stats(times)]));
  // Each command's time over the baseline's of the same round, the median of those:
  // a drift of the machine's speed between rounds then cancels out.
  const baseline = samples.baseline;
  const pairedRatios = Object.fromEntries(
    Object.entries(samples)
      .filter(([name]) => name !== 'baseline')
      .map(([name, times]) => [name, +stats(times.map((t, i) => t / baseline[i])).median.toFixed(2)]),
  );
  return { ...timings, pairedRatios };
}

/** Peak resident memory (MB) of a fresh process, reported by the process itself as it exits. */
function peakRss(commandArgs) {
  const report = "process.on('exit',()=>process.stderr.write('\\nmaxRSS='+process.resourceUsage().maxRSS))";
  const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(report)}`, ...commandArgs], { encoding: 'utf8' });
  const kb = Number(/maxRSS=(\d+)/.exec(r.stderr ?? '')?.[1]);
  return Number.isFinite(kb) ? kb / 1024 : null;
}

/**
 * Peak memory of a process started from the snapshot (which runs no --import) and
 * of the helper process its build starts, read from /proc every 2 ms: each one's
 * own peak RSS (VmHWM), and their peak together counted as the kernel shares it
 * (the sum of their PSS, in which the pages of the node binary both map count once).
 */
async function peakTreeMemory(commandArgs) {
  if (!existsSync('/proc/self/smaps_rollup')) return null;
  const child = spawn(process.execPath, commandArgs, { stdio: 'ignore' });
  const ownPeaks = new Map();
  let together = 0;
  const field = (file, name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(readFileSync(file, 'utf8'))?.[1] ?? 0);
  const sample = () => {
    const pids = [child.pid];
    let pss = 0;
    for (let i = 0; i < pids.length; i++) {
      try {
        ownPeaks.set(pids[i], Math.max(ownPeaks.get(pids[i]) ?? 0, field(`/proc/${pids[i]}/status`, 'VmHWM')));
        pss += field(`/proc/${pids[i]}/smaps_rollup`, 'Pss');
        pids.push(...readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
      } catch {
        // The process ended between two reads.
      }
    }
    together = Math.max(together, pss);
  };
  const timer = setInterval(sample, 2);
  const status = await new Promise((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  if (status !== 0) throw new Error(`node ${commandArgs.join(' ')} exited ${status}`);
  return { togetherMB: Math.round(together / 1024), processesMB: [...ownPeaks.values()].map((kb) => Math.round(kb / 1024)) };
}

/** One fresh process: wall time and peak RSS. */
function timedRun(commandArgs) {
  const report = "process.on('exit',()=>process.stderr.write('\\nmaxRSS='+process.resourceUsage().maxRSS))";
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(report)}`, ...commandArgs], { encoding: 'utf8' });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(r.stderr);
  return { ms, rssMB: Number(/maxRSS=(\d+)/.exec(r.stderr)?.[1]) / 1024 };
}

const out = mkdtempSync(join(tmpdir(), 'km-bench-'));
const results = { date: new Date().toISOString(), node: process.version, quick, runs };

// Cold: `npm start` runs km-docs from its startup snapshot (dist/km-docs.blob);
// the `km-docs` bin (dist/cli.js) loads every module as a plain process does.
const fromSnapshot = ['--snapshot-blob', join(root, 'dist/km-docs.blob')];
const wholeSet = ['build', '--data', join(root, 'data'), '--out', out];
const actionPlanPdf = [...wholeSet, '--only', 'km-action-plan', '--format', 'pdf'];
Object.assign(
  results,
  timeProcesses({
    baseline: ['-e', '0'],
    coldWholeSet: [...fromSnapshot, ...wholeSet],
    coldActionPlanPdf: [...fromSnapshot, ...actionPlanPdf],
    coldWholeSetPlain: [cli, ...wholeSet],
    coldActionPlanPdfPlain: [cli, ...actionPlanPdf],
  }),
);
const memory = await peakTreeMemory([...fromSnapshot, ...wholeSet]);
results.peakRssMB = memory?.togetherMB ?? null;
results.peakRssMBByProcess = memory?.processesMB ?? null;
results.peakRssMBPlain = peakRss([cli, ...wholeSet]);

// Warm: one process, as watch mode runs it: the whole set and each document rebuilt
// after a clerk's edit (a division renamed), alternating between the two versions of
// the data, so every rebuild has changed text to lay out. A process that builds again
// and again keeps a helper thread for the DOCX files (build's helperThread option).
const { build } = await import(join(root, 'dist/build.js'));
const edited = join(out, 'edited-data');
cpSync(join(root, 'data'), edited, { recursive: true });
const organizationFile = join(edited, 'organization.yaml');
writeFileSync(organizationFile, readFileSync(organizationFile, 'utf8').replace('name: กองคลัง', 'name: กองคลังและบัญชี'));
const versions = [join(root, 'data'), edited];
// Each target built once with both versions first; then rounds of one sample of each,
// in turns like the cold runs, every round on the other version than the last.
const warmTargets = { warmWholeSet: undefined, warm_announcement: ['announcement'], 'warm_km-action-plan': ['km-action-plan'], 'warm_aar-2567': ['aar-2567'] };
const warmSamples = Object.fromEntries(Object.keys(warmTargets).map((name) => [name, []]));
for (const only of Object.values(warmTargets)) for (const dataDir of versions) await build({ dataDir, outDir: out, only, helperThread: true });
for (let i = 0; i < Math.max(runs, 3); i++) {
  for (const [name, only] of Object.entries(warmTargets)) {
    const started = performance.now();
    await build({ dataDir: versions[i % 2], outDir: out, only, helperThread: true });
    warmSamples[name].push(performance.now() - started);
  }
}
for (const [name, samples] of Object.entries(warmSamples)) results[name] = stats(samples);

// Thai segmentation and justification: the same documents through pdfmake with
// and without km-docs' patches, each in its own process (patches are global).
const segmentation = (patched) => {
  const script = join(root, 'bench/render-pdfs.mjs');
  const r = spawnSync(process.execPath, [script, patched ? 'patched' : 'plain', String(Math.max(runs, 3))], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
};
results.renderPatched = segmentation(true);
results.renderPlain = segmentation(false);

// Scale: the action plan and the AAR summary of generated plans of N activities,
// in rounds of one build of each size (the slow ones would otherwise meet the
// machine in another mood than the fast ones). Times are medians with min and max;
// t(1000)/t(100) is also taken within each round ("paired"), as the cold ratios are.
const scaleRounds = quick ? 1 : 3;
const scaleSizes = quick ? [10, 100] : [10, 100, 1000];
const scaleRuns = scaleSizes.map((activities) => {
  const data = generateDataSet(join(out, `scale-${activities}`), activities);
  return { activities, data, target: join(out, `scale-${activities}-out`), ms: [], rssMB: [] };
});
for (let round = 0; round < scaleRounds; round++) {
  for (const run of scaleRuns) {
    const { ms, rssMB } = timedRun([cli, 'build', '--data', run.data, '--out', run.target, '--only', 'km-action-plan,aar-2567']);
    run.ms.push(ms);
    run.rssMB.push(rssMB);
  }
}
results.scale = scaleRuns.map(({ activities, target, ms, rssMB }) => {
  const pages = ['km-action-plan.pdf', 'aar-2567.pdf'].reduce((n, f) => n + Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(target, f)], { encoding: 'utf8' }))[1]), 0);
  const time = stats(ms);
  return {
    activities,
    ms: Math.round(time.median),
    minMs: Math.round(time.min),
    maxMs: Math.round(time.max),
    runs: time.runs,
    pages,
    msPerPage: +(time.median / pages).toFixed(1),
    rssMB: Math.round(stats(rssMB).median),
  };
});
const scaleOf = (activities) => scaleRuns.find((run) => run.activities === activities);
if (scaleOf(1000)) {
  const [hundred, thousand] = [scaleOf(100), scaleOf(1000)];
  results.scaleGrowth = {
    ratio: +(stats(thousand.ms).median / stats(hundred.ms).median).toFixed(2),
    paired: +stats(thousand.ms.map((t, i) => t / hundred.ms[i])).median.toFixed(2),
  };
}

// Batch: many organizations on all cores, each with its own name and figures. Each
// round runs the first quarter of the folders, then all of them: the difference is
// the steady rate once the workers have loaded and warmed up (a second or two each),
// which is what a run of all 7,850 organizations spends nearly all its time at.
// Rounds are independent estimates (the difference of two runs moves with the
// machine more than either run does): the figures are the round with the median
// steady rate, with the others' min and max.
const organizations = quick ? 4 : 200;
const batchRounds = quick ? 1 : 3;
const batchRoot = join(out, 'organizations');
const quarterRoot = join(out, 'organizations-quarter');
const quarter = organizations / 4;
for (let i = 0; i < organizations; i++) {
  const name = `org-${String(i).padStart(4, '0')}`;
  generateOrganization(join(batchRoot, name), i);
  if (i < quarter) cpSync(join(batchRoot, name), join(quarterRoot, name), { recursive: true });
}
const batchSeconds = (root) => {
  rmSync(join(out, 'batch-out'), { recursive: true, force: true });
  const started = performance.now();
  const run = spawnSync(process.execPath, [cli, 'batch', root, '--out', join(out, 'batch-out')], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return (performance.now() - started) / 1000;
};
const batchRuns = [];
for (let round = 0; round < batchRounds; round++) {
  const quarterSeconds = batchSeconds(quarterRoot);
  const allSeconds = batchSeconds(batchRoot);
  const steadyPerSecond = (organizations - quarter) / Math.max(allSeconds - quarterSeconds, 1e-3);
  batchRuns.push({ quarterSeconds, allSeconds, steadyPerSecond });
}
const steadyRates = stats(batchRuns.map((run) => run.steadyPerSecond));
const { quarterSeconds, allSeconds, steadyPerSecond } = batchRuns.find((run) => run.steadyPerSecond === steadyRates.median);
const minutesFor7850 = (all, steady) => +((all + (7850 - organizations) / steady) / 60).toFixed(1);
const roundMinutes = batchRuns.map((run) => minutesFor7850(run.allSeconds, run.steadyPerSecond));
results.batch = {
  organizations,
  rounds: batchRounds,
  seconds: +allSeconds.toFixed(1),
  perSecond: +(organizations / allSeconds).toFixed(2),
  firstQuarter: { organizations: quarter, seconds: +quarterSeconds.toFixed(1) },
  steadyPerSecond: +steadyPerSecond.toFixed(2),
  steadyPerSecondMin: +steadyRates.min.toFixed(2),
  steadyPerSecondMax: +steadyRates.max.toFixed(2),
  // All 7,850 Thai local administrative organizations: as the 200 ran, then the rest at the steady rate.
  minutesFor7850: minutesFor7850(allSeconds, steadyPerSecond),
  minutesFor7850Range: [Math.min(...roundMinutes), Math.max(...roundMinutes)],
  // The same at the average rate of the whole run, start-up included (the figure earlier runs reported).
  minutesFor7850AtAverageRate: +(7850 / (organizations / allSeconds) / 60).toFixed(1),
};

results.sizes = {};
for (const file of readdirSync(out).filter((f) => /\.(pdf|docx)$/.test(f))) {
  const bytes = statSync(join(out, file)).size;
  let pages = null;
  if (file.endsWith('.pdf')) pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(out, file)], { encoding: 'utf8' }))?.[1]);
  results.sizes[file] = { bytes, pages, bytesPerPage: pages ? Math.round(bytes / pages) : null };
}
rmSync(out, { recursive: true, force: true });

const ratio = (s) => +(s.median / results.baseline.median).toFixed(2);
results.ratios = {
  coldWholeSet: ratio(results.coldWholeSet),
  coldActionPlanPdf: ratio(results.coldActionPlanPdf),
  coldWholeSetPlain: ratio(results.coldWholeSetPlain),
  coldActionPlanPdfPlain: ratio(results.coldActionPlanPdfPlain),
  warmWholeSet: ratio(results.warmWholeSet),
  warmAnnouncement: ratio(results.warm_announcement),
  warmActionPlan: ratio(results['warm_km-action-plan']),
  warmAar: ratio(results['warm_aar-2567']),
  thaiPatchesCost: +(results.renderPatched.median / results.renderPlain.median).toFixed(2),
};

mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, `bench/results/${results.date.replace(/[:.]/g, '-')}.json`), JSON.stringify(results, null, 2));
if (args.has('--json')) {
  console.log(JSON.stringify(results, null, 2));
} else {
  const ms = (s) => `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
  console.log(`node -e 0                     ${ms(results.baseline)}`);
  const paired = (name) => `${results.ratios[name]}× (${results.pairedRatios[name]}× paired)`;
  console.log(`cold, whole set (PDF+DOCX)    ${ms(results.coldWholeSet)}  ${paired('coldWholeSet')}  (snapshot, npm start)`);
  console.log(`cold, action plan PDF         ${ms(results.coldActionPlanPdf)}  ${paired('coldActionPlanPdf')}  (snapshot)`);
  console.log(`cold, whole set, plain        ${ms(results.coldWholeSetPlain)}  ${paired('coldWholeSetPlain')}  (node dist/cli.js)`);
  console.log(`cold, action plan PDF, plain  ${ms(results.coldActionPlanPdfPlain)}  ${paired('coldActionPlanPdfPlain')}`);
  console.log(`warm, whole set               ${ms(results.warmWholeSet)}  ${results.ratios.warmWholeSet}×`);
  for (const name of ['announcement', 'km-action-plan', 'aar-2567']) console.log(`warm, ${name.padEnd(23)} ${ms(results[`warm_${name}`])}  ${ratio(results[`warm_${name}`])}×`);
  console.log(`PDF render, Thai patches on   ${ms(results.renderPatched)}  ${results.ratios.thaiPatchesCost}× of plain pdfmake (${ms(results.renderPlain)})`);
  console.log(`peak memory, cold whole set  ${results.peakRssMB ?? '?'} MB (snapshot: main and helper process at once, PSS; own peak RSS ${results.peakRssMBByProcess?.join(' + ') ?? '?'} MB), ${results.peakRssMBPlain?.toFixed(0) ?? '?'} MB (plain)`);
  for (const s of results.scale) console.log(`scale ${String(s.activities).padStart(5)} activities      ${s.ms} ms (${s.minMs}–${s.maxMs}), ${s.pages} pages, ${s.msPerPage} ms/page, ${s.rssMB} MB`);
  const b = results.batch;
  const rounds = b.rounds > 1 ? ` (median of ${b.rounds} rounds: ${b.steadyPerSecondMin}–${b.steadyPerSecondMax}/s)` : '';
  console.log(`batch ${b.organizations} organizations      ${b.seconds} s, ${b.perSecond}/s on average; steady ${b.steadyPerSecond}/s after the first ${b.firstQuarter.organizations} (${b.firstQuarter.seconds} s)${rounds}`);
  console.log(`batch, 7,850 organizations    ${b.minutesFor7850} min (${b.minutesFor7850Range.join('–')}; ${b.minutesFor7850AtAverageRate} min at the average rate of the ${b.organizations})`);
  if (results.scaleGrowth) console.log(`t(1000)/t(100)                ${results.scaleGrowth.ratio} (${results.scaleGrowth.paired} paired; linear: ≤ 11)`);
  for (const [file, s] of Object.entries(results.sizes)) console.log(`${file.padEnd(28)} ${s.bytes} bytes${s.pages ? `, ${s.pages} pages, ${s.bytesPerPage} bytes/page` : ''}`);
}
