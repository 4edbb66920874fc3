/**
 * What every field of one inspector shares: which record it edits, the catalog values that stand in
 * for omitted fields (the placeholders), the validation messages that point into the record, and
 * the one way to write (`commit`, an undoable step through applyPlanDiff).
 */
import { createContext, useContext, useMemo, useRef, type ReactNode } from 'react';
import type { Issue } from '../../sim/model/issues';
import { sameRecord } from '../store/diff';
import type { EditorStore } from '../store/createEditorStore';
import { useEditorStoreApi } from '../store/EditorStoreContext';
import type { Collection } from '../store/records';
import { setIn, startsWith, type Path } from './paths';

export interface LocalIssue extends Issue {
  /** The issue's path relative to the record being inspected. */
  rel: Path;
}

export interface InspectorTarget {
  collection: Collection;
  id: string;
  /** The record as stored (possibly with invalid values the user typed). */
  record: unknown;
  /** The same record with catalog values filled in, or undefined when the plan cannot be resolved. */
  defaults: unknown;
  errors: LocalIssue[];
  warnings: LocalIssue[];
}

interface InspectorContextValue extends InspectorTarget {
  commit(path: Path, value: unknown): void;
  /** Fields say which paths they show, so messages no field shows are listed for the whole record. */
  claims: Set<string>;
}

const Ctx = createContext<InspectorContextValue | null>(null);

/** Writes one field of one record as one undoable step; a no-op when nothing changes. */
export function commitField(store: EditorStore, collection: Collection, id: string, path: Path, value: unknown): void {
  const state = store.getState();
  const record = (state.records[collection] as Record<string, unknown>)[id];
  if (record === undefined) return;
  const next = setIn(record, path, value);
  if (sameRecord(record, next)) return;
  state.applyPlanDiff({ added: {}, removed: {}, updated: { [collection]: { [id]: [record, next] } } }, { history: 'record' });
}

export function InspectorProvider({ target, children }: { target: InspectorTarget; children: ReactNode }) {
  const store = useEditorStoreApi();
  const claims = useRef(new Set<string>()).current;
  // Every render of the record's inspector re-registers what it shows.
  claims.clear();
  const value = useMemo<InspectorContextValue>(
    () => ({ ...target, claims, commit: (path, v) => commitField(store, target.collection, target.id, path, v) }),
    [target, store, claims],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useInspector(): InspectorContextValue {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('inspector fields must be inside <InspectorProvider>');
  return ctx;
}

export const claimKey = (path: Path) => JSON.stringify(path);

/** The messages under `path` (the field's own and its parts'), errors and warnings apart. */
export function useFieldIssues(path: Path, claim = true): { errors: LocalIssue[]; warnings: LocalIssue[] } {
  const ctx = useInspector();
  if (claim) ctx.claims.add(claimKey(path));
  return useMemo(
    () => ({ errors: ctx.errors.filter((i) => startsWith(i.rel, path)), warnings: ctx.warnings.filter((i) => startsWith(i.rel, path)) }),
    [ctx.errors, ctx.warnings, claimKey(path)],
  );
}
