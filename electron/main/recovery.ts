// The crash-recovery draft: the working plan, written atomically into the app's data folder a
// moment after each edit, offered at the next start and removed once the work is saved (or the
// user discards it or closes without saving). One draft, as the app has one document window.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { FileRefSchema, MAX_PLAN_CHARS, type FileRef, type RecoveredDraft } from '../shared/ipc';
import { writeFileAtomic } from './atomicWrite';

const StoredDraft = z.strictObject({ text: z.string().max(MAX_PLAN_CHARS), savedAtIso: z.string(), file: FileRefSchema.nullable() });

export class RecoveryStore {
  private readonly folder: string;
  private readonly file: string;

  constructor(dataFolder: string, private readonly now: () => Date = () => new Date()) {
    this.folder = join(dataFolder, 'recovery');
    this.file = join(this.folder, 'draft.json');
  }

  async write(text: string, file: FileRef | null): Promise<void> {
    await fs.mkdir(this.folder, { recursive: true });
    const draft: RecoveredDraft = { text, savedAtIso: this.now().toISOString(), file };
    await writeFileAtomic(this.file, JSON.stringify(draft));
  }

  /** The draft, or null when there is none or it is not one we wrote (damaged, foreign). */
  async read(): Promise<RecoveredDraft | null> {
    try {
      const parsed = StoredDraft.safeParse(JSON.parse(await fs.readFile(this.file, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async clear(): Promise<void> {
    await fs.rm(this.file, { force: true });
  }
}
