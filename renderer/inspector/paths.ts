/**
 * Reading and writing one field of a plan record by its path (the same segments validation issues
 * carry), immutably: every object on the way is copied, nothing else is touched.
 */
import type { PathSegment } from '../../sim/model/issues';

export type Path = readonly PathSegment[];

export function getIn(value: unknown, path: Path): unknown {
  let at: unknown = value;
  for (const segment of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, unknown>)[segment];
  }
  return at;
}

/**
 * The record with the field at `path` set to `next`; `undefined` removes the field (so it takes the
 * catalog default again). Missing objects on the way are created; arrays stay arrays.
 */
export function setIn<T>(record: T, path: Path, next: unknown): T {
  if (path.length === 0) return next as T;
  const [head, ...rest] = path as [PathSegment, ...PathSegment[]];
  const current = record as unknown;
  const child = current !== null && typeof current === 'object' ? (current as Record<string | number, unknown>)[head] : undefined;
  const value = rest.length === 0 ? next : setIn(child ?? (typeof rest[0] === 'number' ? [] : {}), rest, next);
  if (Array.isArray(current)) {
    const copy = [...current];
    if (value === undefined && typeof head === 'number') copy.splice(head, 1);
    else copy[head as number] = value;
    return copy as T;
  }
  const copy: Record<string | number, unknown> = { ...(current as object) };
  if (value === undefined) delete copy[head];
  else copy[head] = value;
  return copy as T;
}

/** `nodes[3].healthCheck` style keys, for React keys and test ids (`field-healthCheck.intervalSeconds`). */
export function pathKey(path: Path): string {
  return path.join('.');
}

export function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => s === path[i]);
}
