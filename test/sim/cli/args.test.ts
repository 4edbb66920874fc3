// The CLI's argument parsing (node:util parseArgs underneath): `--` ends the options, values come
// as `--flag value` or `--flag=value`, and every malformed option is a UsageError naming it.
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../sim/entry/cli/args';
import { UsageError } from '../../../sim/entry/cli/cliTypes';

const SPEC = { json: 'boolean', seed: 'integer', years: 'number', out: 'string' } as const;

describe('parseArgs', () => {
  it('reads positionals and each kind of option, in both spellings', () => {
    expect(parseArgs(['plan.json', '--json', '--seed', '7', '--years=2.5', '--out', 'dir'], SPEC)).toEqual({
      positionals: ['plan.json'],
      flags: { json: true, seed: 7, years: 2.5, out: 'dir' },
    });
  });

  it('takes everything after `--` as positionals, itself not included', () => {
    expect(parseArgs(['--json', '--', '--seed', '-x', 'plan.json'], SPEC)).toEqual({ positionals: ['--seed', '-x', 'plan.json'], flags: { json: true } });
  });

  it('keeps a lone "-" as a positional', () => {
    expect(parseArgs(['-'], SPEC).positionals).toEqual(['-']);
  });

  it.each([
    [['--strict'], /unknown option --strict/],
    [['-x'], /unknown option -x/],
    [['--json=yes'], /--json takes no value/],
    [['--seed'], /--seed needs a value/],
    [['--seed='], /--seed needs a value/],
    [['--seed', 'many'], /--seed must be a number, not "many"/],
    [['--seed', '1.5'], /--seed must be a whole number, not "1.5"/],
    [['--toString'], /unknown option --toString/],
  ])('%j is a usage error naming the option', (args, message) => {
    expect(() => parseArgs(args, SPEC)).toThrow(UsageError);
    expect(() => parseArgs(args, SPEC)).toThrow(message);
  });
});
