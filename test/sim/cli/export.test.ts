// `resilience export`, run in-process: the files it writes equal the generator's, it refuses a
// non-empty folder without --force, prints every warning, and answers bad input with exit 2 and
// one sentence (never a stack trace).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCloudFormation } from '../../../sim/export/cloudformation/generate';
import { generateTerraform } from '../../../sim/export/terraform/generate';
import { getTemplate } from '../../../sim/templates';
import { lines, runCli, scratchDir, STACK_LINE } from './cliHarness';

const scratch = scratchDir();
afterAll(() => scratch.cleanup());

const TEMPLATE = getTemplate('warm-standby')!;
const planFile = scratch.write('warm-standby.plan.json', JSON.stringify(TEMPLATE.plan));
const COVERAGE_FILE = new URL('../../fixtures/plans/export-coverage.plan.json', import.meta.url).pathname;

describe('resilience export', () => {
  it('writes the Terraform files the generator makes, lists them, and exits 0', async () => {
    const out = join(scratch.dir, 'tf');
    const run = await runCli('export', planFile, '--format', 'terraform', '--out', out);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const expected = generateTerraform(TEMPLATE.plan).files;
    expect(lines(run.stdout)).toEqual([`✓ warm-standby.plan.json: wrote ${expected.length} Terraform (AWS) files to ${out}`, ...expected.map((f) => `  ${f.path}`)]);
    for (const f of expected) expect(readFileSync(join(out, f.path), 'utf8')).toBe(f.content);
    expect(readdirSync(out).sort()).toEqual(expected.map((f) => f.path).sort());
  });

  it('writes CloudFormation templates per region and a global one', async () => {
    const out = join(scratch.dir, 'cfn');
    const run = await runCli('export', planFile, '--format=cloudformation', `--out=${out}`);
    expect(run.code).toBe(0);
    const expected = generateCloudFormation(TEMPLATE.plan).files.map((f) => f.path).sort();
    expect(readdirSync(out).sort()).toEqual(expected);
    expect(expected).toEqual(['README.md', 'global-route53.yaml', 'us-east-1.yaml', 'us-west-2.yaml']);
  });

  it('writes Kubernetes manifests in one folder per region, and compose files', async () => {
    const k8sFile = scratch.write('k8s.plan.json', JSON.stringify(getTemplate('kubernetes-containers')!.plan));
    const out = join(scratch.dir, 'k8s');
    const run = await runCli('export', k8sFile, '--format', 'kubernetes', '--out', out);
    expect(run.code).toBe(0);
    expect(readdirSync(join(out, 'us-east-1')).sort()).toEqual(['gw.yaml', 'ingress.ingress.yaml', 'kustomization.yaml', 'orders-svc.ingress.yaml', 'orders.yaml', 'placeholders.yaml']);
    const compose = await runCli('export', k8sFile, '--format', 'compose', '--out', join(scratch.dir, 'compose'));
    expect(compose.code).toBe(0);
    expect(readdirSync(join(scratch.dir, 'compose')).sort()).toEqual(['.env', 'README.md', 'compose.yaml']);
  });

  it('replays the scenarios for the drill formats and quotes the simulated numbers', async () => {
    const out = join(scratch.dir, 'fis');
    const run = await runCli('export', planFile, '--format', 'fis', '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/no-simulated-numbers/);
    const template = readFileSync(join(out, 'fis', 'lose-east.us-east-1.yaml'), 'utf8');
    expect(template).toMatch(/Simulated \(resilience scenarios, 100 replications, seed 42\): RTO p50 \d+ s, max \d+ s; lost writes [\d.]+ on average/);
    const ctk = await runCli('export', planFile, '--format', 'chaostoolkit', '--out', join(scratch.dir, 'ctk'));
    expect(ctk.code).toBe(0);
    expect(JSON.parse(readFileSync(join(scratch.dir, 'ctk', 'chaostoolkit', 'lose-east.json'), 'utf8')).description).toMatch(/RTO p50 \d+ s/);
  });

  it('refuses a non-empty folder without --force, and overwrites only its own files with it', async () => {
    const out = join(scratch.dir, 'busy');
    mkdirSync(out);
    writeFileSync(join(out, 'mine.txt'), 'keep me');
    writeFileSync(join(out, 'main.tf'), 'old');
    const refused = await runCli('export', planFile, '--format', 'terraform', '--out', out);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/is not empty \(2 entries\); choose an empty folder or add --force/);
    expect(readFileSync(join(out, 'main.tf'), 'utf8')).toBe('old');
    const forced = await runCli('export', planFile, '--format', 'terraform', '--out', out, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(join(out, 'mine.txt'), 'utf8')).toBe('keep me');
    expect(readFileSync(join(out, 'main.tf'), 'utf8')).toBe(generateTerraform(TEMPLATE.plan).files.find((f) => f.path === 'main.tf')!.content);
    expect(readdirSync(out).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('prints every warning with its code, path and both values', async () => {
    const out = join(scratch.dir, 'coverage');
    const run = await runCli('export', COVERAGE_FILE, '--format', 'terraform', '--out', out);
    expect(run.code).toBe(0);
    const warningLines = lines(run.stdout).filter((l) => l.startsWith('  warning '));
    expect(warningLines.length).toBe(generateTerraform(JSON.parse(readFileSync(COVERAGE_FILE, 'utf8'))).warnings.length);
    expect(run.stdout).toContain('  warning route53-interval-adjusted nodes[1].healthCheck.intervalSeconds: Route 53 health-check interval: the plan simulates 45, Route 53 accepts only 10 or 30 seconds; the export writes 30.');
    expect(run.stdout).toMatch(/warning region-not-exported regions\[2\]: Region "weu" is an Azure region/);
  });

  it.each([
    [['export'], /export needs exactly one plan file/],
    [['export', 'x.plan.json', '--out', 'o'], /export needs --format \(terraform, cloudformation, kubernetes, compose, fis, chaostoolkit, k8s-job\)/],
    [['export', 'x.plan.json', '--format', 'terraform'], /export needs --out <folder>/],
    [['export', 'x.plan.json', '--format', 'pulumi', '--out', 'o'], /unknown format "pulumi"; use one of terraform, cloudformation, kubernetes, compose, fis, chaostoolkit, k8s-job/],
    [['export', 'x.plan.json', '--format', 'terraform', '--out', 'o', '--overwrite'], /unknown option --overwrite/],
  ])('answers a bad command line %j with exit 2 and one sentence', async (argv, message) => {
    const run = await runCli(...argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('answers a missing file, an invalid plan and an output path that is a file with exit 2', async () => {
    const missing = await runCli('export', join(scratch.dir, 'nope.plan.json'), '--format', 'terraform', '--out', join(scratch.dir, 'o1'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
    const invalid = scratch.write('bad.plan.json', JSON.stringify({ ...TEMPLATE.plan, nodes: [...TEMPLATE.plan.nodes, { id: 'x', kind: 'backup', of: 'nowhere' }] }));
    const bad = await runCli('export', invalid, '--format', 'terraform', '--out', join(scratch.dir, 'o2'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^✗ bad\.plan\.json: 1 error; fix them before exporting/);
    expect(bad.stderr).toMatch(/\n {2}error [a-z-]+ nodes\[\d+\]\.of: /);
    expect(existsSync(join(scratch.dir, 'o2'))).toBe(false);
    const file = scratch.write('a-file', 'x');
    const notDir = await runCli('export', planFile, '--format', 'terraform', '--out', file);
    expect(notDir.code).toBe(2);
    expect(notDir.stderr).toMatch(/exists and is not a folder/);
    for (const r of [missing, bad, notDir]) expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('is listed in the help', async () => {
    const run = await runCli('--help');
    expect(run.stdout).toMatch(/\n {2}export +write a plan as Terraform, CloudFormation, Kubernetes, compose, chaos drills or a sharded Kubernetes Job\n/);
  });
});
