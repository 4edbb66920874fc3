/**
 * Atomic saves: the target is replaced by rename of a flushed temporary file in the same folder, so
 * a crash before the rename (or a failed write) leaves the old file exactly as it was.
 */
import { existsSync, promises as fs, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, type AtomicWriteSteps } from '../../electron/main/atomicWrite';
import { useTempFolder } from './tempFolder';

const realSteps: AtomicWriteSteps = { open: fs.open, rename: fs.rename, unlink: fs.unlink };

describe('writeFileAtomic', () => {
  const tempFolder = useTempFolder();

  it('writes a new file and replaces an existing one, leaving no temporary file', async () => {
    const dir = tempFolder();
    const target = join(dir, 'plan.json');
    await writeFileAtomic(target, '{"v":1}');
    expect(readFileSync(target, 'utf8')).toBe('{"v":1}');
    await writeFileAtomic(target, '{"v":2}');
    expect(readFileSync(target, 'utf8')).toBe('{"v":2}');
    expect(readdirSync(dir)).toEqual(['plan.json']);
  });

  it('a crash between write and rename leaves the old file intact', async () => {
    const dir = tempFolder();
    const target = join(dir, 'plan.json');
    writeFileSync(target, 'OLD CONTENT');
    const renames: Array<[string, string]> = [];
    // The process "dies" at the rename: the new text is on disk in the temporary file, nothing more.
    const crashAtRename: AtomicWriteSteps = {
      ...realSteps,
      rename: async (from, to) => {
        renames.push([String(from), String(to)]);
        throw Object.assign(new Error('simulated crash'), { code: 'ECRASH' });
      },
      // A dead process cleans nothing up.
      unlink: async () => undefined,
    };
    await expect(writeFileAtomic(target, 'NEW CONTENT', crashAtRename)).rejects.toThrow('simulated crash');
    expect(readFileSync(target, 'utf8')).toBe('OLD CONTENT');
    // The temporary file was complete and in the same folder (a rename is atomic only within one file system).
    const [[temporary, to]] = renames as [[string, string]];
    expect(to).toBe(target);
    expect(dirname(temporary)).toBe(dir);
    expect(readFileSync(temporary, 'utf8')).toBe('NEW CONTENT');
  });

  it('a failed write (disk full) removes its temporary file and keeps the old file', async () => {
    const dir = tempFolder();
    const target = join(dir, 'plan.json');
    writeFileSync(target, 'OLD');
    const diskFull: AtomicWriteSteps = {
      ...realSteps,
      open: (async (path: string, flags: string, mode: number) => {
        const handle = await fs.open(path, flags, mode);
        return Object.assign(handle, { writeFile: async () => Promise.reject(Object.assign(new Error('no space left'), { code: 'ENOSPC' })) });
      }) as AtomicWriteSteps['open'],
    };
    await expect(writeFileAtomic(target, 'NEW', diskFull)).rejects.toThrow('no space left');
    expect(readFileSync(target, 'utf8')).toBe('OLD');
    expect(readdirSync(dir)).toEqual(['plan.json']);
  });

  it('fails without touching anything when the folder does not exist', async () => {
    const dir = tempFolder();
    await expect(writeFileAtomic(join(dir, 'missing', 'plan.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });
});
