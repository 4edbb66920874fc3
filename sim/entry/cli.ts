// The `resilience` command-line tool: dispatches to one module per command under commands/.
// Bad input ends with exit 2 and one clear sentence; a stack trace is shown only with
// RESILIENCE_DEBUG=1, because a user should never have to read one.
import { readFileSync } from 'node:fs';
import { EXIT, UsageError, type CliIO, type Command } from './cliTypes';
import { templatesCommand } from './commands/templates';
import { validateCommand } from './commands/validate';
import { simulateCommand } from './commands/simulate';
import { scenariosCommand } from './commands/scenarios';
import { trafficCommand } from './commands/traffic';

// Each command registers here; keep the order the one users meet them in.
const COMMANDS: Command[] = [validateCommand, simulateCommand, scenariosCommand, trafficCommand, templatesCommand];

export function registerCommand(command: Command): void {
  if (!COMMANDS.some((c) => c.name === command.name)) COMMANDS.push(command);
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
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

Exit codes: 0 success (a missed objective is reported, not an error), 1 internal error, 2 bad input.
`;
}

const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: Boolean(process.stderr.isTTY),
};

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
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
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`resilience ${command.name}: internal error: ${message}\n`);
    if (process.env.RESILIENCE_DEBUG) io.stderr(`${(error as Error).stack ?? ''}\n`);
    return EXIT.failed;
  }
}
