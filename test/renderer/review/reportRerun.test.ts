// The app's exported report and the CLI: the rerun command the app writes into its report, run as
// given, produces a report whose results, scenarios, comparison and tornado sections carry the
// same numbers as the app's (the plan's own variant, an extra patch file and a user range included).
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { applyVariant, compareDesigns, designsWithVariants } from '../../../sim/analysis/compare';
import { evaluateDesign, type ReplicationRunner } from '../../../sim/analysis/design';
import { runSensitivity } from '../../../sim/analysis/sensitivity';
import { accumulateReplications, pairedRecordOf, runReplications, type PairedRecord } from '../../../sim/engine/monteCarlo';
import { runScenarios } from '../../../sim/engine/scenarios';
import type { BrowserRequest, BrowserRunMessage } from '../../../sim/entry/pools/browserProtocol';
import type { Plan } from '../../../sim/model/schema';
import { validatePlan } from '../../../sim/model/validate';
import { getTemplate } from '../../../sim/templates';
import { analysisRunner } from '../../../renderer/simClient/analysisRunner';
import type { WorkerLike } from '../../../renderer/simClient/runSimulation';
import { reviewInputs } from '../../../renderer/review/reviewInputs';
import { reportHtmlOf } from '../../../renderer/review/reportExport';
import { runCli, scratchDir } from '../../sim/cli/cliHarness';

const scratch = scratchDir();
afterAll(() => scratch.cleanup());

const inThread: ReplicationRunner = async (p, s) => {
  const records: PairedRecord[] = [];
  const statistics = accumulateReplications(p, { fromReplication: 0, count: s.replications, seed: s.seed, horizonYears: s.horizonYears, onSummary: (r) => records.push(pairedRecordOf(r)) });
  return { statistics, records };
};

/** A worker answering on a later task, as the window's pool does. */
class SoonWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<BrowserRunMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(job: BrowserRequest) {
    if (job.type !== 'run') return;
    setTimeout(() => {
      const summaries = runReplications(job.plan, { fromReplication: job.fromReplication, count: job.count, seed: job.seed, horizonYears: job.horizonYears });
      this.onmessage?.({ data: { type: 'done', summaries, wallSeconds: 0 } } as MessageEvent<BrowserRunMessage>);
    }, 0);
  }
  terminate() {}
}
const pool = () => analysisRunner({ workers: 2, createWorker: () => new SoonWorker() }).run;

/** Words of a POSIX shell command line made of bare words and single-quoted ones. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ') {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '\\') {
      word = (word ?? '') + line[++i]!;
    } else word = (word ?? '') + c;
  }
  if (word !== null) words.push(word);
  return words;
}

const unescape = (html: string): string => html.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const section = (html: string, id: string): string => {
  const m = new RegExp(`<section id="${id}">[\\s\\S]*?</section>`).exec(html);
  if (!m) throw new Error(`no section "${id}"`);
  return m[0];
};

describe('the app report’s rerun command', () => {
  it('regenerates the same results, scenarios, comparison and tornado from the CLI', { timeout: 120_000 }, async () => {
    const plan = structuredClone(getTemplate('single-region-lb')!.plan) as Plan;
    plan.simulation = { seed: 11, replications: 4, horizonYears: 1 };
    plan.variants = [{ name: 'Three gateways', patch: [{ op: 'replace', path: '/nodes/gw/instances', value: 3 }] }];
    const patch = [{ op: 'replace', path: '/nodes/lb/healthCheck/intervalSeconds', value: 10 }];
    const settings = { seed: 11, replications: 4, horizonYears: 1 };
    const resolved = validatePlan(plan).resolved!;
    expect(resolved.scenarios.length).toBeGreaterThan(0);

    // What the panels would hold: the run, its scenarios, a comparison with the plan's own variant
    // and a patch file opened beside it, and a sensitivity run with one user range, in the pool.
    const base = await evaluateDesign(plan, settings, inThread);
    const designs = designsWithVariants(plan, 'Base design');
    designs.push({ label: 'Base design + no-drills.json', plan: applyVariant(designs[0]!.plan, patch, 'no-drills.json') });
    const comparison = await compareDesigns(designs, settings, pool());
    const sensitivity = await runSensitivity(plan, settings, pool(), { ranges: { 'repairTime:db': { low: 0.25, high: 4 } } });
    const inputs = reviewInputs({
      plan,
      revision: 5,
      simulation: { result: base.result, revision: 5, scenarios: runScenarios(resolved, { replications: 4, seed: 11 }) },
      cost: base.cost,
      strategies: null,
      comparison: { result: comparison, revision: 5, files: ['no-drills.json'] },
      sensitivity: { result: sensitivity, revision: 5 },
      settings,
    });
    const app = await reportHtmlOf(inputs, 'lb.plan.json');
    const command = unescape(/<pre><code>(resilience report [^<]*)<\/code><\/pre>/.exec(app.html)![1]!);
    expect(command).toBe(`resilience report lb.plan.json --variants no-drills.json --sensitivity --ranges '{"repairTime:db":{"low":0.25,"high":4}}' --seed 11 --replications 4 --years 1 --format html --out ${app.fileName}`);

    // Run it as written, the files it names sitting side by side.
    const files: Record<string, string> = {
      'lb.plan.json': scratch.write('lb.plan.json', JSON.stringify(plan)),
      'no-drills.json': scratch.write('no-drills.json', JSON.stringify(patch)),
      [app.fileName]: scratch.write(app.fileName, ''),
    };
    const [program, ...argv] = shellWords(command);
    expect(program).toBe('resilience');
    const cli = await runCli(...argv.map((w) => files[w] ?? w), '--workers', '1');
    expect(cli.stderr).toBe(`resilience report: wrote ${files[app.fileName]} (html)\n`);
    const html = readFileSync(files[app.fileName]!, 'utf8');

    // The CLI names the base design after its file where the app says "Base design".
    const fromApp = app.html.replaceAll('Base design', 'lb.plan.json');
    for (const id of ['results', 'objectives', 'scenarios', 'comparison', 'sensitivity']) expect(section(fromApp, id), id).toBe(section(html, id));
    expect(section(html, 'sensitivity')).toContain('Tornado of availability changes');
    expect(section(html, 'comparison')).toContain('lb.plan.json + Three gateways');
    expect(section(html, 'comparison')).toContain('lb.plan.json + no-drills.json');
  });
});
