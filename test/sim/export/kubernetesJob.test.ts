// The k8s-job export: every manifest validates against the Kubernetes API schemas (kubernetes-models),
// the Job is Indexed with one pod per shard, the ConfigMap holds the plan, and the pods' own shell
// commands, run here with JOB_COMPLETION_INDEX = 0..N−1 and the merge command, reproduce the
// single-machine `simulate --json` result. The CLI's --shards and --image are checked too.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { generateIndexedJob, jobName, PLAN_DIR, RESULTS_DIR } from '../../../sim/export/kubernetes/indexedJob';
import type { Plan } from '../../../sim/model/schema';
import { getTemplate } from '../../../sim/templates';
import { runCli, scratchDir } from '../cli/cliHarness';

const BIN = fileURLToPath(new URL('../../../sim/entry/resilience.mjs', import.meta.url));
const scratch = scratchDir();
afterAll(() => scratch.cleanup());

// A short run, so the pods' commands can run here.
const PLAN: Plan = { ...getTemplate('warm-standby')!.plan, simulation: { horizonYears: 2, replications: 10, seed: 77 } };

type Manifest = { apiVersion: string; kind: string; metadata: { name: string }; spec?: Record<string, unknown>; data?: Record<string, string> };

function manifests(content: string): Manifest[] {
  return parseAllDocuments(content).map((d) => {
    expect(d.errors).toEqual([]);
    return d.toJS() as Manifest;
  });
}

/** Validates with the API schema of its kind; throws naming the field when it does not fit. */
function validate(m: Manifest): void {
  const model = m.kind === 'ConfigMap' ? new ConfigMap(m as never) : m.kind === 'PersistentVolumeClaim' ? new PersistentVolumeClaim(m as never) : m.kind === 'Job' ? new Job(m as never) : null;
  if (!model) throw new Error(`unexpected kind ${m.kind}`);
  model.validate();
}

describe('k8s-job export', () => {
  const result = generateIndexedJob(PLAN, { shards: 3, image: 'registry.example.com/resilience:0.1.0' });
  const byPath = Object.fromEntries(result.files.map((f) => [f.path, f.content]));
  const shardDocs = manifests(byPath['shards-job.yaml']!);
  const mergeDocs = manifests(byPath['merge-job.yaml']!);
  const job = shardDocs.find((m) => m.kind === 'Job')!;
  const podSpec = (m: Manifest) => (m.spec as { template: { spec: { containers: Array<{ command: string[]; image: string }>; securityContext: Record<string, unknown> } } }).template.spec;

  it('writes manifests that validate against the Kubernetes schemas', () => {
    expect(result.files.map((f) => f.path)).toEqual(['shards-job.yaml', 'merge-job.yaml', 'README.md']);
    expect(shardDocs.map((m) => m.kind)).toEqual(['ConfigMap', 'PersistentVolumeClaim', 'Job']);
    expect(mergeDocs.map((m) => m.kind)).toEqual(['Job']);
    for (const m of [...shardDocs, ...mergeDocs]) expect(() => validate(m), `${m.kind} ${m.metadata.name}`).not.toThrow();
    expect(result.warnings).toEqual([]);
  });

  it('the validator is live: a malformed Job is refused', () => {
    const broken = structuredClone(job);
    (broken.spec as Record<string, unknown>).parallelism = 'three';
    expect(() => validate(broken)).toThrow(/parallelism/);
  });

  it('is an Indexed Job with one pod per shard, the plan as a ConfigMap, non-root pods', () => {
    expect(job.spec).toMatchObject({ completionMode: 'Indexed', completions: 3, parallelism: 3 });
    const spec = podSpec(job);
    expect(spec.containers[0]!.image).toBe('registry.example.com/resilience:0.1.0');
    expect(spec.containers[0]!.command.join(' ')).toContain('--shard "$((JOB_COMPLETION_INDEX + 1))/3"');
    expect(spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    const configMap = shardDocs[0]!;
    expect(configMap.metadata.name).toBe(`${jobName(PLAN)}-plan`);
    expect(JSON.parse(configMap.data!['plan.json']!)).toEqual(PLAN);
    expect(podSpec(mergeDocs[0]!).containers[0]!.command.join(' ')).toContain(`resilience merge ${RESULTS_DIR}/shard-*-of-3.json`);
  });

  it("the pods' commands, run for each index and then merged, give the single run's JSON", async () => {
    // Stand-ins for the pod: a `resilience` on PATH, and the mounts as folders.
    const bin = join(scratch.dir, 'bin');
    const planDir = join(scratch.dir, 'plan');
    const results = join(scratch.dir, 'results');
    for (const d of [bin, planDir, results]) mkdirSync(d, { recursive: true });
    writeFileSync(join(bin, 'resilience'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(bin, 'resilience'), 0o755);
    writeFileSync(join(planDir, 'plan.json'), shardDocs[0]!.data!['plan.json']!);
    const local = (command: string) => command.split(`${PLAN_DIR}/`).join(`${planDir}/`).split(`${RESULTS_DIR}/`).join(`${results}/`);
    const sh = (command: string, env: Record<string, string> = {}) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn('sh', ['-c', local(command)], { env: { ...process.env, ...env, PATH: `${bin}:${process.env.PATH}` } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    const [shell, flag, shardCommand] = podSpec(job).containers[0]!.command;
    expect([shell, flag]).toEqual(['sh', '-c']);
    const pods = await Promise.all([0, 1, 2].map((i) => sh(shardCommand!, { JOB_COMPLETION_INDEX: String(i) })));
    for (const p of pods) expect(p.code, p.stderr).toBe(0);
    const merge = await sh(podSpec(mergeDocs[0]!).containers[0]!.command[2]!);
    expect(merge.code, merge.stderr).toBe(0);
    const merged = JSON.parse(readFileSync(join(results, 'result.json'), 'utf8'));
    expect(JSON.parse(merge.stdout)).toEqual(merged);
    const single = await sh(`resilience simulate ${PLAN_DIR}/plan.json --json`);
    expect(single.code, single.stderr).toBe(0);
    const expected = JSON.parse(single.stdout);
    expect(expected.replications).toBe(10);
    delete expected.wallSeconds;
    delete merged.wallSeconds;
    expect(merged).toEqual(expected);
  }, 120_000);

  it('warns about a default image and more shards than replications', () => {
    const codes = generateIndexedJob(PLAN, { shards: 12 }).warnings.map((w) => w.code);
    expect(codes).toEqual(['shards-above-replications', 'image-default']);
  });
});

describe('resilience export --format k8s-job', () => {
  const planFile = scratch.write('ws.plan.json', JSON.stringify(PLAN));

  it('writes the files with --shards and --image', async () => {
    const out = join(scratch.dir, 'k8s');
    const r = await runCli('export', planFile, '--format', 'k8s-job', '--shards', '5', '--image', 'ghcr.io/x/resilience:1.2.3', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const job = manifests(readFileSync(join(out, 'shards-job.yaml'), 'utf8')).find((m) => m.kind === 'Job')!;
    expect(job.spec).toMatchObject({ completionMode: 'Indexed', completions: 5 });
    expect(readFileSync(join(out, 'shards-job.yaml'), 'utf8')).toContain('ghcr.io/x/resilience:1.2.3');
  });

  it('refuses options a format does not take and bad values, naming them', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--format', 'terraform', '--shards', '3'], /--shards is not an option of the terraform format/],
      [['--format', 'k8s-job', '--shards', '0'], /--shards must be from 1 to 1000/],
      [['--format', 'k8s-job', '--image', 'bad image; rm -rf /'], /--image must be an image reference/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli('export', planFile, ...args, '--out', join(scratch.dir, 'never'));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});
