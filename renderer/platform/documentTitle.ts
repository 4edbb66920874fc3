/** The window title for a document: its name, with a leading dot while it has unsaved changes. */
export function documentTitle(name: string, dirty: boolean): string {
  return `${dirty ? '● ' : ''}${name || 'Untitled design'} — Resilience Studio`;
}
