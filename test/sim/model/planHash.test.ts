// The plan hash: SHA-256 of the canonical text checked against node:crypto (astral characters included), the
// canonical text (key order and whitespace do not matter), and the same hash for a plan whose edges
// have no ids whether the CLI prints it (simulate --json, merge) or the app's store holds the plan.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonicalPlanText, planSha256, withEdgeIds } from '../../../sim/model/planHash';
import type { Plan } from '../../../sim/model/schema';
import { planToRecords, recordsToPlan } from '../../../renderer/store/records';
import { runCli, scratchDir } from '../cli/cliHarness';

const node = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');
const templateFile = fileURLToPath(new URL('../../../sim/templates/multi-az.plan.json', import.meta.url));
const template = JSON.parse(readFileSync(templateFile, 'utf8')) as Plan;

describe('planSha256', () => {
  it('hashes the text as UTF-8, like Node, whatever the characters', () => {
    for (const name of ['plain', 'é€ — Zürich', 'astral 😀 𝔸', '\u0000 and \u2028']) {
      const plan = { ...template, name };
      expect(planSha256(plan)).toBe(node(Buffer.from(canonicalPlanText(plan), 'utf8')));
    }
  });

  it('is the SHA-256 of the canonical text, which ignores key order', () => {
    expect(planSha256(template)).toBe(node(Buffer.from(canonicalPlanText(template), 'utf8')));
    const reversed = JSON.parse(JSON.stringify(template, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v))) as Plan;
    expect(Object.keys(reversed)[0]).not.toBe(Object.keys(template)[0]);
    expect(planSha256(reversed)).toBe(planSha256(template));
    expect(planSha256({ ...template, name: `${template.name} (copy)` })).not.toBe(planSha256(template));
  });

  it('fills missing edge ids the way the app store does, keeping given ones and renaming a repeated one', () => {
    const edges = [
      { kind: 'traffic', from: 'a', to: 'b' },
      { kind: 'traffic', from: 'a', to: 'b', id: 'tr-a-b' },
      { kind: 'replication', from: 'db1', to: 'db2' },
      { kind: 'traffic', from: 'x', to: 'y', id: 'tr-a-b' },
    ] as Plan['edges'];
    expect(withEdgeIds({ edges }).edges.map((e) => e.id)).toEqual(['tr-a-b-2', 'tr-a-b', 'rep-db1-db2', 'tr-x-y']);
    expect(template.edges.every((e) => e.id === undefined)).toBe(true);
    const inStore = recordsToPlan(planToRecords(template));
    expect(inStore.edges.map((e) => e.id)).toEqual(withEdgeIds(template).edges.map((e) => e.id));
    expect(planSha256(inStore)).toBe(planSha256(template));
  });

  it('simulate --json and merge print the hash the app computes for the same plan', async () => {
    const fromApp = planSha256(recordsToPlan(planToRecords(template)));
    const run = await runCli('simulate', templateFile, '--json', '--replications', '4', '--years', '1', '--workers', '1');
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { planSha256: string }).planSha256).toBe(fromApp);
    const scratch = scratchDir();
    try {
      const shards = [];
      for (const k of [1, 2]) {
        const out = `${scratch.dir}/s${k}.json`;
        expect((await runCli('simulate', templateFile, '--replications', '4', '--years', '1', '--workers', '1', '--shard', `${k}/2`, '--out', out)).code).toBe(0);
        shards.push(out);
      }
      const merged = await runCli('merge', ...shards);
      expect(merged.code).toBe(0);
      expect((JSON.parse(merged.stdout) as { planSha256: string }).planSha256).toBe(fromApp);
      expect((JSON.parse(readFileSync(shards[0]!, 'utf8')) as { planHash: string }).planHash).toBe(`sha256:${fromApp}`);
    } finally {
      scratch.cleanup();
    }
  });
});
