/** Placing new components and regions on the canvas. */
import type { NodeKind, PlanNode } from '../../../sim/model/schema';
import type { PlanDiff } from '../diff';
import type { PlanRecords } from '../records';
import { nextId, produceDiff } from './draft';
import { NODE_SIZE, REGION_DEFAULT_SIZE, nodeCenter, regionAt, round, type Point } from './geometry';
import { ID_PREFIX, KIND_LABEL, KIND_SHORT_NAME, newNode, newRegion } from './nodeDefaults';

/** The generated name of a node placed in a region. */
export const regionalName = (kind: NodeKind, regionId: string): string => `${KIND_SHORT_NAME[kind]} ${regionId}`;

/**
 * A new node of `kind` centred on `center` (canvas coordinates). Dropped inside a region it belongs
 * to that region; its name says where it is, so a fresh canvas already reads well.
 */
export function addNodeDiff(records: PlanRecords, kind: NodeKind, center: Point): { diff: PlanDiff; id: string } {
  const id = nextId(ID_PREFIX[kind], (candidate) => candidate in records.nodes);
  const position = round({ x: center.x - NODE_SIZE.width / 2, y: center.y - NODE_SIZE.height / 2 });
  const region = regionAt(records, nodeCenter(position));
  const sameKind = Object.values(records.nodes).filter((n) => n.kind === kind).length;
  const name = region ? regionalName(kind, region.id) : sameKind === 0 ? KIND_LABEL[kind] : `${KIND_LABEL[kind]} ${sameKind + 1}`;
  let node = newNode(kind, id, name, { region: region?.id, position });
  if (node.kind === 'backup') node = { ...node, of: guessBackupTarget(records, region?.id) };
  const diff = produceDiff(records, (draft) => {
    draft.nodes[id] = node;
  });
  return { diff, id };
}

/** A backup protects the datastore beside it; with none in reach, `of` stays empty until wired. */
function guessBackupTarget(records: PlanRecords, regionId: string | undefined): string {
  const stores = Object.values(records.nodes).filter((n): n is Extract<PlanNode, { kind: 'datastore' }> => n.kind === 'datastore');
  const local = stores.filter((s) => s.region === regionId);
  if (local.length === 1) return local[0]!.id;
  return stores.length === 1 ? stores[0]!.id : '';
}

/** A new region whose top-left corner is at `topLeft`, with the next suggested provider code. */
export function addRegionDiff(records: PlanRecords, topLeft: Point): { diff: PlanDiff; id: string } {
  const region = {
    ...newRegion(Object.values(records.regions)),
    position: round(topLeft),
    size: { ...REGION_DEFAULT_SIZE },
  };
  const diff = produceDiff(records, (draft) => {
    draft.regions[region.id] = region;
  });
  return { diff, id: region.id };
}
