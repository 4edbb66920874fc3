// Shared shapes of the CLI: what a command is and the streams it writes to (injected for tests).
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is a terminal (progress bars are drawn only then, or when forced). */
  stderrIsTTY: boolean;
  /** Progress drawing on stderr (carriage returns kept); never given user text. Defaults to stderr. */
  progress?(text: string): void;
}

export interface Command {
  name: string;
  /** One line for `resilience --help`. */
  summary: string;
  /** Full usage text for `resilience <command> --help`. */
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

/** Exit codes: 0 success, 1 an internal error, 2 bad input, 3 an objective missed (`check` only). */
export const EXIT = { ok: 0, failed: 1, badInput: 2, objectiveMissed: 3 } as const;

/** Raised by argument parsing; the dispatcher prints its message and exits 2 (never a stack trace). */
export class UsageError extends Error {}
