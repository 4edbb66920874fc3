// A small argument parser for the CLI: positionals plus --flag / --flag value / --flag=value,
// with every unknown flag or malformed number reported as a UsageError naming the flag.
import { UsageError } from './cliTypes';

export interface FlagSpec {
  /** 'boolean' flags take no value; 'string' and 'number' take one. */
  [name: string]: 'boolean' | 'string' | 'number' | 'integer';
}

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | number | boolean | undefined>;
}

export function parseArgs(args: string[], spec: FlagSpec): ParsedArgs {
  const positionals: string[] = [];
  const flags: ParsedArgs['flags'] = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq >= 0 ? eq : undefined);
    const kind = spec[name];
    if (!kind) throw new UsageError(`unknown option --${name}`);
    if (kind === 'boolean') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
      continue;
    }
    const raw = eq >= 0 ? arg.slice(eq + 1) : args[++i];
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
