// The `resilience` command-line tool: dispatches to one module per command under commands/.
// Bad input ends with exit 2 and one clear sentence; a stack trace is shown only with
// RESILIENCE_DEBUG=1, because a user should never have to read one.
import { readFileSync } from 'node:fs';
import { EventBudgetExceeded } from '../../engine/replication';
import { EXIT, UsageError, type CliIO, type Command } from './cliTypes';
import { templatesCommand } from './commands/templates';
import { validateCommand } from './commands/validate';
import { simulateCommand } from './commands/simulate';
import { scenariosCommand } from './commands/scenarios';
import { mergeCommand } from './commands/merge';
import { costCommand } from './commands/cost';
import { strategiesCommand } from './commands/strategies';
import { compareCommand } from './commands/compare';
import { checkCommand } from './commands/check';
import { sensitivityCommand } from './commands/sensitivity';
import { reportCommand } from './commands/report';
import { exportCommand } from './commands/export';
import { trafficCommand } from './commands/traffic';
import { terminalSafe } from './terminalText';

// Each command registers here; keep the order the one users meet them in.
const COMMANDS: Command[] = [validateCommand, simulateCommand, mergeCommand, scenariosCommand, templatesCommand, costCommand, strategiesCommand, compareCommand, sensitivityCommand, reportCommand, checkCommand, exportCommand, trafficCommand];

export function registerCommand(command: Command): void {
  if (!COMMANDS.some((c) => c.name === command.name)) COMMANDS.push(command);
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `resilience — simulate how an API-gateway design survives failures

Usage: resilience <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Options:
  --help, -h     show help (also: resilience <command> --help)
  --version, -v  print the version

Exit codes: 0 success (a missed objective is reported, not an error), 1 internal error, 2 bad input,
3 an objective missed (check only).
`;
}

const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: Boolean(process.stderr.isTTY) || process.env.RESILIENCE_STDERR_TTY === '1',
};

/**
 * Everything a command prints passes through terminalSafe, since plan names, scenario names, field
 * names and file names come from the user; a --json document goes out as JSON.stringify wrote it.
 */
function safeIO(io: CliIO, json: boolean): CliIO {
  return {
    stdout: json ? io.stdout : (text) => io.stdout(terminalSafe(text)),
    stderr: (text) => io.stderr(terminalSafe(text)),
    stderrIsTTY: io.stderrIsTTY,
    progress: io.progress ?? io.stderr,
  };
}

/** A failure of the runtime itself (stack overflow, an allocation too large): no trace for the user. */
function isResourceError(error: unknown): boolean {
  return error instanceof RangeError || (error instanceof Error && /out of memory|allocation failed/i.test(error.message));
}

export async function main(argv: string[], rawIO: CliIO = processIO): Promise<number> {
  // merge and shard runs print JSON documents too (a C1 character escaped for a terminal is not JSON).
  const io = safeIO(rawIO, argv.includes('--json') || argv[0] === 'merge' || argv.some((a) => a === '--shard' || a.startsWith('--shard=')));
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout(helpText());
    return first === undefined ? EXIT.badInput : EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${version()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    io.stderr(`resilience: unknown command "${first}". Run "resilience --help" for the list.\n`);
    return EXIT.badInput;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`resilience ${command.name}: ${error.message}. Run "resilience ${command.name} --help".\n`);
      return EXIT.badInput;
    }
    if (error instanceof EventBudgetExceeded) {
      io.stderr(`resilience ${command.name}: the plan cannot be run as it stands: ${error.message}.\n`);
      return EXIT.badInput;
    }
    if (isResourceError(error)) {
      io.stderr(`resilience ${command.name}: the input is too large or too deeply nested for this machine (${(error as Error).message}); nothing was written.\n`);
      if (process.env.RESILIENCE_DEBUG) io.stderr(`${(error as Error).stack ?? ''}\n`);
      return EXIT.badInput;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`resilience ${command.name}: internal error: ${message}\n`);
    if (process.env.RESILIENCE_DEBUG) io.stderr(`${(error as Error).stack ?? ''}\n`);
    return EXIT.failed;
  }
}
