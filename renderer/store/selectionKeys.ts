/**
 * One key space for everything selectable. Regions, nodes and edges have separate id spaces in the
 * plan (a region and a node may both be called "east"), so keys carry their type: `node:gw-1`.
 * The canvas uses the same keys as xyflow ids.
 */
export type RecordRef = { type: 'node' | 'region' | 'edge'; id: string };

export const nodeKey = (id: string): string => `node:${id}`;
export const regionKey = (id: string): string => `region:${id}`;
export const edgeKey = (id: string): string => `edge:${id}`;

export function parseKey(key: string): RecordRef | null {
  const at = key.indexOf(':');
  const type = key.slice(0, at);
  if (type !== 'node' && type !== 'region' && type !== 'edge') return null;
  return { type, id: key.slice(at + 1) };
}

export function idsOfType(keys: readonly string[], type: RecordRef['type']): string[] {
  return keys.flatMap((k) => {
    const ref = parseKey(k);
    return ref && ref.type === type ? [ref.id] : [];
  });
}
