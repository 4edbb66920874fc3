// Writes a file so that a crash, a full disk or a power cut leaves either the old file or the new
// one, never a mix: the text goes to a temporary file in the same folder (a rename is atomic only
// within one file system), is flushed to the disk, and then replaces the target by rename.
import { promises as fs } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** The file-system steps, replaceable so a test can stop between them (a crash before the rename). */
export interface AtomicWriteSteps {
  open: typeof fs.open;
  rename: typeof fs.rename;
  unlink: typeof fs.unlink;
}

const REAL_STEPS: AtomicWriteSteps = { open: fs.open, rename: fs.rename, unlink: fs.unlink };

export function temporaryPathFor(target: string): string {
  // Hidden, and named after the target, so a leftover after a crash is recognisable.
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

export async function writeFileAtomic(target: string, data: string | Uint8Array, steps: AtomicWriteSteps = REAL_STEPS): Promise<void> {
  const temporary = temporaryPathFor(target);
  const handle = await steps.open(temporary, 'wx', 0o644);
  let renamed = false;
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await steps.rename(temporary, target);
    renamed = true;
  } finally {
    // A write that failed (disk full, permissions) removes its temporary file; the target is untouched.
    if (!renamed) await steps.unlink(temporary).catch(() => undefined);
  }
  await syncFolder(dirname(target));
}

/** Makes the rename itself durable where the OS allows opening a folder (not on Windows). */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(folder, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on folders; the rename has still happened.
  } finally {
    await handle.close();
  }
}
