// The recent-files list, persisted as JSON in the app's data folder (written atomically) and most
// recent first. Paths that no longer exist stay listed until opening them fails; then they go.
import { promises as fs } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { FileRef } from '../shared/ipc';
import { writeFileAtomic } from './atomicWrite';
import { checkPathShape } from './paths';

export const MAX_RECENT = 10;
const Stored = z.object({ paths: z.array(z.string()) });

export class RecentFiles {
  private paths: string[] = [];
  private readonly file: string;

  constructor(dataFolder: string) {
    this.file = join(dataFolder, 'recent-files.json');
  }

  /** Reads the saved list; a missing or damaged file is an empty list (and is rewritten on the next change). */
  async load(): Promise<void> {
    try {
      const parsed = Stored.safeParse(JSON.parse(await fs.readFile(this.file, 'utf8')));
      this.paths = parsed.success ? parsed.data.paths.filter(isUsablePath).slice(0, MAX_RECENT) : [];
    } catch {
      this.paths = [];
    }
  }

  list(): readonly string[] {
    return this.paths;
  }

  refs(): FileRef[] {
    return this.paths.map((path) => ({ name: basename(path), token: path }));
  }

  async add(path: string): Promise<void> {
    this.paths = [path, ...this.paths.filter((p) => p !== path)].slice(0, MAX_RECENT);
    await this.persist();
  }

  async remove(path: string): Promise<void> {
    this.paths = this.paths.filter((p) => p !== path);
    await this.persist();
  }

  private async persist(): Promise<void> {
    await fs.mkdir(join(this.file, '..'), { recursive: true });
    await writeFileAtomic(this.file, `${JSON.stringify({ paths: this.paths }, null, 2)}\n`);
  }
}

function isUsablePath(path: string): boolean {
  try {
    checkPathShape(path);
    return true;
  } catch {
    return false;
  }
}
