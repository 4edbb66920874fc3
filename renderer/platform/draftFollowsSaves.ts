/**
 * The recovery draft holds only work that is not on disk: a save clears it, and an autosave of
 * exactly the text last saved clears it instead of writing it (an edit undone after a save, or a
 * debounced autosave that fires just after the save). Without this, a plan saved and closed was
 * still offered as "unsaved work found" at the next start. Wraps either backing.
 */
import type { Platform } from './types';

export function draftFollowsSaves<P extends Platform>(platform: P): P {
  let savedText: string | null = null;
  const saved = async (text: string) => {
    savedText = text;
    await platform.clearRecovery();
  };
  return {
    ...platform,
    async save(file, text) {
      const ref = await platform.save(file, text);
      await saved(text);
      return ref;
    },
    async saveAs(text, suggestedName) {
      const ref = await platform.saveAs(text, suggestedName);
      if (ref) await saved(text);
      return ref;
    },
    async autosave(text, file) {
      if (text === savedText) return platform.clearRecovery();
      return platform.autosave(text, file);
    },
  };
}
