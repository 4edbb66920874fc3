// `resilience validate <plan.json> [--json]`: exit 0 with a one-line summary (plus warnings) for a
// valid plan, exit 2 listing every error with its code, path and message otherwise.
import { basename } from 'node:path';
import { rateCardIssues } from '../../../cost';
import { formatIssue, makeIssue, type Issue } from '../../../model/issues';
import type { Plan } from '../../../model/schema';
import { parseArgs } from '../args';
import { EXIT, UsageError, type CliIO, type Command } from '../cliTypes';
import { readPlanFile } from '../readPlanFile';

function issueJson(issue: Issue) {
  return { code: issue.code, path: issue.path, message: issue.message };
}

/** The plan's cost overrides checked against the rate card, so a plan that validates also prices. */
function costIssues(plan: Plan): Issue[] {
  return rateCardIssues(plan.cost, plan.nodes.map((n) => n.id)).map((i) => makeIssue(i.kind, i.pathSegments, `${i.message.charAt(0).toUpperCase()}${i.message.slice(1)}${i.message.endsWith('.') ? '' : '.'}`));
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check a plan file and list every error and warning',
  usage: `Usage: resilience validate <plan.json> [--json]

Checks the plan against the v1 format: every field, every reference, the traffic graph, and the
cost overrides against the rate card (price and assumption keys, node ids).
Exit 0 when valid (warnings are printed but never block), 2 when it has errors.
  --json   print one JSON object: { ok, file, summary, errors: [...], warnings: [...] }`,
  async run(args: string[], io: CliIO): Promise<number> {
    const { positionals, flags } = parseArgs(args, { json: 'boolean' });
    if (positionals.length !== 1) throw new UsageError('validate needs exactly one plan file');
    const file = positionals[0]!;
    const read = readPlanFile(file);
    if (!read.ok) {
      if (flags.json) io.stdout(`${JSON.stringify({ ok: false, file, errors: [{ code: 'unreadable-file', path: '$', message: read.message }], warnings: [] })}\n`);
      else io.stderr(`resilience: ${read.message}\n`);
      return EXIT.badInput;
    }
    const load = withCostIssues(read.load);
    const plan = load.plan;
    const summary = plan
      ? `${plan.regions.length} region${plan.regions.length === 1 ? '' : 's'}, ${plan.nodes.length} nodes, ${plan.edges.length} edges`
      : undefined;
    if (flags.json) {
      io.stdout(`${JSON.stringify({ ok: load.ok, file, name: plan?.name, summary, errors: load.errors.map(issueJson), warnings: load.warnings.map(issueJson) }, null, 2)}\n`);
      return load.ok ? EXIT.ok : EXIT.badInput;
    }
    const name = basename(file);
    if (load.ok) {
      const w = load.warnings.length;
      io.stdout(`✓ ${name}: "${plan!.name}" is valid — ${summary}${w ? `, ${w} warning${w === 1 ? '' : 's'}` : ''}\n`);
      for (const warning of load.warnings) io.stdout(`  ${formatIssue(warning)}\n`);
      return EXIT.ok;
    }
    const n = load.errors.length;
    io.stderr(`✗ ${name}: ${n} error${n === 1 ? '' : 's'}\n`);
    for (const error of load.errors) io.stderr(`  ${formatIssue(error)}\n`);
    return EXIT.badInput;
  },
};

/** The loader's verdict with the cost overrides' errors added (only a well-formed plan has any to check). */
function withCostIssues<T extends { ok: boolean; plan?: Plan; errors: Issue[] }>(load: T): T {
  if (!load.plan) return load;
  const extra = costIssues(load.plan);
  return extra.length === 0 ? load : { ...load, ok: false, errors: [...load.errors, ...extra] };
}
