/**
 * Migrations between plan versions, keyed on `schemaVersion`: MIGRATIONS[n] turns a version-n
 * document into version n+1. Version 1 is the first format, so the table is empty; the hook is
 * what lets a later version read every file ever saved. Imports nothing.
 */
import { SCHEMA_VERSION } from './schema';

export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type MigrationOutcome =
  | { ok: true; doc: Record<string, unknown>; migratedFrom: number | undefined }
  | { ok: false; message: string };

/** Brings a parsed document up to the current version, or says why it cannot. */
export function migratePlan(
  doc: Record<string, unknown>,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  currentVersion: number = SCHEMA_VERSION,
): MigrationOutcome {
  const version = doc.schemaVersion;
  // A missing or malformed version is left to the schema, which names the field precisely.
  if (typeof version !== 'number' || !Number.isInteger(version)) return { ok: true, doc, migratedFrom: undefined };
  if (version > currentVersion) {
    return { ok: false, message: `This plan was saved by a newer Resilience Studio (schemaVersion ${version}); this version reads up to ${currentVersion}.` };
  }
  let current = doc;
  for (let v = version; v < currentVersion; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, message: `No migration from schemaVersion ${v} to ${v + 1} is known.` };
    current = { ...step(current), schemaVersion: v + 1 };
  }
  return { ok: true, doc: current, migratedFrom: version === currentVersion ? undefined : version };
}
