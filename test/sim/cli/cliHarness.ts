// Runs the CLI in-process with captured streams (fast: no process or tsx start-up per case), and
// writes scratch plan files into a temporary directory. Test-only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../sim/entry/cli/cli';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stderrIsTTY: false });
  return { code, stdout, stderr };
}

/** Lines of output without the final newline's empty tail. */
export function lines(text: string): string[] {
  return text.split('\n').filter((line, i, all) => !(line === '' && i === all.length - 1));
}

/** A scratch directory, removed by `cleanup`. */
export function scratchDir(): { dir: string; write: (name: string, content: string | Buffer) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'resilience-cli-'));
  return {
    dir,
    write: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A stack trace line as Node prints it. */
export const STACK_LINE = /\n\s+at /;
