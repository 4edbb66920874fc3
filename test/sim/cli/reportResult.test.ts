// `resilience report --result`: a merged result of the plan is reported as it is (its numbers, its
// seed and run size, a line naming the file) without simulating; a result of another plan, a damaged
// file and a shard file are refused with exit 2 and one sentence naming the problem.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratchDir } from './cliHarness';
import { getTemplate } from '../../../sim/templates';
import { parseResultDocument } from '../../../sim/report/resultFile';

const scratch = scratchDir();
afterAll(() => scratch.cleanup());
const plan = scratch.write('lb.plan.json', JSON.stringify(getTemplate('single-region-lb')!.plan));
const other = scratch.write('az.plan.json', JSON.stringify(getTemplate('multi-az')!.plan));
const run = ['--seed', '6', '--replications', '6', '--years', '2', '--workers', '1'];

async function mergedResult(): Promise<{ file: string; doc: Record<string, unknown> }> {
  const shards: string[] = [];
  for (const k of [1, 2]) {
    const out = `${scratch.dir}/shard-${k}.json`;
    const r = await runCli('simulate', plan, ...run, '--shard', `${k}/2`, '--out', out);
    expect(r.code).toBe(0);
    shards.push(out);
  }
  const file = `${scratch.dir}/merged.json`;
  expect((await runCli('merge', ...shards, '--out', file)).code).toBe(0);
  return { file, doc: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> };
}

describe('resilience report --result', () => {
  it('reports the merged result of this plan, says it came from that file, and shows its numbers', async () => {
    const { file, doc } = await mergedResult();
    const out = `${scratch.dir}/r.md`;
    const r = await runCli('report', plan, '--result', file, '--format', 'md', '--out', out);
    expect(r.stderr).toBe(`resilience report: wrote ${out} (md)\n`);
    expect(r.code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('These results were read from the result file merged.json');
    expect(md).toContain('| Results from | merged.json');
    expect(md).toContain('6 replications × 2 years, seed 6');
    expect(md).toContain(`resilience report ${plan} --result ${file} --format md --out ${out}`);
    expect(md).toContain('The strategy matrix was not measured for this report.');
    // The same numbers as a report that simulates the same run itself.
    const simulated = `${scratch.dir}/s.md`;
    expect((await runCli('report', plan, ...run, '--format', 'md', '--out', simulated)).code).toBe(0);
    const results = (text: string) => text.slice(text.indexOf('## Results'), text.indexOf('## Objectives')).replace(/These results were read[^\n]*\n\n/, '');
    expect(results(md)).toBe(results(readFileSync(simulated, 'utf8')));
    expect(doc.replications).toBe(6);
  });

  it('refuses a result of another plan with exit 2 and the two plans named', async () => {
    const { file } = await mergedResult();
    const r = await runCli('report', other, '--result', file, '--format', 'md', '--out', `${scratch.dir}/x.md`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^resilience report: merged\.json does not belong to this plan: it was computed from a different plan \(".+", planSha256 [0-9a-f]{12}…\) than this one \(".+", [0-9a-f]{12}…\)/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a damaged file, naming the field and the rule', async () => {
    const { doc } = await mergedResult();
    const say = async (content: string) => {
      const file = scratch.write('bad.json', content);
      const r = await runCli('report', plan, '--result', file, '--format', 'md', '--out', `${scratch.dir}/x.md`);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      return r.stderr;
    };
    expect(await say('{"plan": ')).toBe('resilience report: bad.json is not a simulate/merge result: it is not valid JSON.\n');
    const wrongType = structuredClone(doc) as { availability: { requestWeighted: { mean: unknown } } };
    wrongType.availability.requestWeighted.mean = 'high';
    expect(await say(JSON.stringify(wrongType))).toMatch(/its field "availability\.requestWeighted\.mean" is invalid: expected number, received string/);
    const { planSha256: _h, ...noHash } = doc;
    expect(await say(JSON.stringify(noHash))).toMatch(/its field "planSha256" is missing/);
    expect(await say(JSON.stringify([1]))).toMatch(/it is not a result/);
    expect(await say(readFileSync(`${scratch.dir}/shard-1.json`, 'utf8'))).toMatch(/it is a shard file, not a result; combine the shards with "resilience merge/);
    const missing = await runCli('report', plan, '--result', `${scratch.dir}/none.json`, '--format', 'md', '--out', `${scratch.dir}/x.md`);
    expect(missing.stderr).toBe(`resilience report: cannot read the result "${scratch.dir}/none.json" (no such file).\n`);
  });

  it('does not combine --result with options that would simulate again', async () => {
    const { file } = await mergedResult();
    const r = await runCli('report', plan, '--result', file, '--sensitivity', '--format', 'md', '--out', `${scratch.dir}/x.md`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--result reports a finished run/);
    const s = await runCli('report', plan, '--result', file, '--seed', '3', '--format', 'md', '--out', `${scratch.dir}/x.md`);
    expect(s.code).toBe(2);
  });

  it('parseResultDocument accepts the simulate --json document and names a bad timeline entry by index', async () => {
    const { doc } = await mergedResult();
    expect(parseResultDocument(doc).ok).toBe(true);
    const broken = structuredClone(doc) as { incidents: { timeline: Array<Record<string, unknown>> } };
    if (broken.incidents.timeline.length === 0) broken.incidents.timeline.push({});
    broken.incidents.timeline[0]!.firstCause = { kind: 'meteor', id: 'x' };
    const parsed = parseResultDocument(broken);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(/^its field "incidents\.timeline\[0\]\./);
  });
});
