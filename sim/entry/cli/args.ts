// The CLI's argument parsing: node:util parseArgs splits the words (so `--` ends the options and
// everything after it is a positional, and `--flag=value` works), then each option is checked
// against the command's spec, every unknown option or malformed number reported as a UsageError
// naming the option.
import { parseArgs as splitArgs } from 'node:util';
import { UsageError } from './cliTypes';

export interface FlagSpec {
  /** 'boolean' flags take no value; 'string', 'number' and 'integer' take one. */
  [name: string]: 'boolean' | 'string' | 'number' | 'integer';
}

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | number | boolean | undefined>;
}

export function parseArgs(args: string[], spec: FlagSpec): ParsedArgs {
  const options = Object.fromEntries(Object.entries(spec).map(([name, kind]) => [name, { type: kind === 'boolean' ? ('boolean' as const) : ('string' as const) }]));
  // Not strict: the checks below word the errors the CLI's way, naming the option.
  const { tokens } = splitArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const positionals: string[] = [];
  const flags: ParsedArgs['flags'] = {};
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const name = token.name;
    const kind = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (!kind || !token.rawName.startsWith('--')) throw new UsageError(`unknown option ${token.rawName}`);
    if (kind === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
      continue;
    }
    const raw = token.value;
    if (raw === undefined || raw === '') throw new UsageError(`--${name} needs a value`);
    if (kind === 'string') flags[name] = raw;
    else {
      const value = Number(raw);
      if (!Number.isFinite(value)) throw new UsageError(`--${name} must be a number, not "${raw}"`);
      if (kind === 'integer' && !Number.isInteger(value)) throw new UsageError(`--${name} must be a whole number, not "${raw}"`);
      flags[name] = value;
    }
  }
  return { positionals, flags };
}
