// Which files the renderer may name. The page never chooses a path itself: every path main reads
// or writes for it was chosen by the user in a native dialog, comes from the recent-files list, or
// was given on the command line / by the OS (file association). A path is accepted only if it is
// absolute, already normalized (no `..`, no doubled separators), free of NUL, and one of those.
import { isAbsolute, normalize, resolve } from 'node:path';

export class PathRefused extends Error {
  constructor(reason: string) {
    super(`refused path: ${reason}`);
    this.name = 'PathRefused';
  }
}

/** The shape rules alone: absolute, normalized, no NUL. Throws PathRefused. */
export function checkPathShape(path: string): string {
  if (path.includes('\0')) throw new PathRefused('it contains a NUL character');
  if (!isAbsolute(path)) throw new PathRefused('it is not absolute');
  if (normalize(path) !== path || resolve(path) !== path) throw new PathRefused('it is not in normal form (.. or . segments, doubled separators)');
  return path;
}

/** Paths the user granted this session (dialogs, the command line, the OS) plus the recent list. */
export class GrantedPaths {
  private readonly granted = new Set<string>();

  constructor(private readonly recent: () => readonly string[]) {}

  grant(path: string): void {
    this.granted.add(checkPathShape(path));
  }

  /** The path, if the renderer may use it; throws PathRefused otherwise. */
  check(path: string): string {
    checkPathShape(path);
    if (!this.granted.has(path) && !this.recent().includes(path)) throw new PathRefused('it was not chosen in a dialog, opened from the system or listed in recent files');
    return path;
  }
}
