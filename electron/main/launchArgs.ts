// Plan files named on the command line (`resilience-studio my.plan.json`, a second launch, or the
// OS opening a file with the app on Windows and Linux). Flags are skipped, and so is the app folder
// a development start passes (`electron .`); paths resolve against the launching folder.
import { isAbsolute, resolve } from 'node:path';

export function planPathsFromArgv(argv: readonly string[], cwd: string, packaged: boolean): string[] {
  // Packaged: argv[0] is the app. Development: argv[0] is electron and argv[1] the app folder.
  const args = argv.slice(packaged ? 1 : 2);
  const paths: string[] = [];
  for (const arg of args) {
    if (arg === '--') continue;
    if (arg.startsWith('-')) continue;
    if (!/\.json$/i.test(arg) || arg.includes('\0')) continue;
    paths.push(isAbsolute(arg) ? resolve(arg) : resolve(cwd, arg));
  }
  return paths;
}
