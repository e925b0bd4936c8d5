// `npm run bench` in its short mode, to prove that it runs and reports every
// figure. Times are never asserted here: they are measured by the bench alone.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);

interface Timing {
  median: number;
  min: number;
  max: number;
  runs: number;
}

describe('npm run bench -- --quick', () => {
  it('reports cold, warm, scale, batch and sizes as numbers', async () => {
    const { stdout } = await exec('node', ['bench/run.mjs', '--quick', '--json'], { maxBuffer: 16 << 20 });
    const results = JSON.parse(stdout);
    const timings: Timing[] = [
      'baseline', 'coldWholeSet', 'coldActionPlanPdf', 'coldWholeSetPlain', 'coldActionPlanPdfPlain',
      'warmWholeSet', 'warm_announcement', 'warm_km-action-plan', 'warm_aar-2567', 'renderPatched', 'renderPlain',
    ].map((name) => results[name]);
    for (const timing of timings) {
      expect(timing.median).toBeGreaterThan(0);
      expect(timing.min).toBeLessThanOrEqual(timing.max);
    }
    expect(Object.values(results.ratios).every((r) => typeof r === 'number' && r > 0)).toBe(true);
    // One paired ratio per cold command, each over the baseline of its own round.
    expect(Object.keys(results.pairedRatios).sort()).toEqual(['coldActionPlanPdf', 'coldActionPlanPdfPlain', 'coldWholeSet', 'coldWholeSetPlain']);
    expect(Object.values(results.pairedRatios).every((r) => typeof r === 'number' && r > 0)).toBe(true);
    expect(results.peakRssMBPlain).toBeGreaterThan(0);
    // From the snapshot, the build's two processes: together, and each one's own peak.
    expect(results.peakRssMB).toBeGreaterThan(0);
    expect(results.peakRssMBByProcess).toHaveLength(availableParallelism() > 1 ? 2 : 1);
    expect(results.scale.map((s: { activities: number }) => s.activities)).toEqual([10, 100]);
    expect(results.scale.every((s: { pages: number; msPerPage: number }) => s.pages > 0 && s.msPerPage > 0)).toBe(true);
    // Each size's time is a median of its rounds, with their min and max.
    for (const s of results.scale) expect([s.minMs <= s.ms, s.ms <= s.maxMs, s.runs]).toEqual([true, true, 1]);
    expect(results.batch.organizations).toBe(4);
    expect(results.batch.perSecond).toBeGreaterThan(0);
    expect(results.batch.firstQuarter).toEqual({ organizations: 1, seconds: expect.any(Number) });
    expect(results.batch.steadyPerSecond).toBeGreaterThan(0);
    // The median round's steady rate, between the rounds' min and max (one round in the short mode).
    expect(results.batch.rounds).toBe(1);
    expect(results.batch.steadyPerSecondMin).toBeLessThanOrEqual(results.batch.steadyPerSecond);
    expect(results.batch.steadyPerSecondMax).toBeGreaterThanOrEqual(results.batch.steadyPerSecond);
    expect(results.batch.minutesFor7850Range).toEqual([results.batch.minutesFor7850, results.batch.minutesFor7850]);
    expect(results.batch.minutesFor7850).toBeGreaterThan(0);
    expect(Object.keys(results.sizes).sort()).toEqual([
      'aar-2567.docx', 'aar-2567.pdf', 'announcement.docx', 'announcement.pdf',
      'annual-report-2567.docx', 'annual-report-2567.pdf', 'km-action-plan.docx', 'km-action-plan.pdf',
    ]);
  });
});
