/** Placing new components and regions on the canvas, each in free space near where it was aimed. */
import type { NodeKind, PlanNode, Region } from '../../../sim/model/schema';
import type { PlanDiff } from '../diff';
import type { PlanRecords } from '../records';
import { nextId, produceDiff } from './draft';
import { CARD_GAP, REGION_GAP, REGION_INSET, nearestFree, nodeBoxes, regionBoxes, regionInterior } from './freeSpace';
import { NODE_SIZE, REGION_DEFAULT_SIZE, nodePosition, regionAt, regionBoxById, round, type Point } from './geometry';
import { ID_PREFIX, KIND_LABEL, KIND_SHORT_NAME, newNode, newRegion } from './nodeDefaults';

/** The generated name of a node placed in a region. */
export const regionalName = (kind: NodeKind, regionId: string): string => `${KIND_SHORT_NAME[kind]} ${regionId}`;

/**
 * A new node of `kind` centred on `center` (canvas coordinates). Dropped inside a region it belongs
 * to that region; its name says where it is, so a fresh canvas already reads well.
 */
export function addNodeDiff(records: PlanRecords, kind: NodeKind, center: Point): { diff: PlanDiff; id: string } {
  const id = nextId(ID_PREFIX[kind], (candidate) => candidate in records.nodes);
  const aim = round({ x: center.x - NODE_SIZE.width / 2, y: center.y - NODE_SIZE.height / 2 });
  const region = regionAt(records, round(center));
  const { position, grownRegion } = freeNodeSpot(records, aim, region);
  const sameKind = Object.values(records.nodes).filter((n) => n.kind === kind).length;
  const name = region ? regionalName(kind, region.id) : sameKind === 0 ? KIND_LABEL[kind] : `${KIND_LABEL[kind]} ${sameKind + 1}`;
  let node = newNode(kind, id, name, { region: region?.id, position });
  if (node.kind === 'backup') node = { ...node, of: guessBackupTarget(records, region?.id) };
  const diff = produceDiff(records, (draft) => {
    draft.nodes[id] = node;
    if (grownRegion) draft.regions[grownRegion.id] = grownRegion;
  });
  return { diff, id };
}

/**
 * Where a new card aimed at `aim` goes: the nearest spot clear of other cards, inside `region` when
 * it was aimed into one (and clear of every region when not, so it does not land half inside one).
 * A full region grows downwards to take the card.
 */
function freeNodeSpot(records: PlanRecords, aim: Point, region: Region | undefined): { position: Point; grownRegion?: Region } {
  const cards = nodeBoxes(records);
  if (!region) {
    const spot = nearestFree(aim, NODE_SIZE, [...cards, ...regionBoxes(records)], CARD_GAP);
    return { position: spot ?? aim };
  }
  const box = regionBoxById(records, region.id)!;
  const inside = nearestFree(aim, NODE_SIZE, cards, CARD_GAP, regionInterior(box));
  if (inside) return { position: inside };
  const members = Object.values(records.nodes).filter((n) => n.region === region.id).map((n) => nodePosition(n));
  const y = Math.max(box.y + REGION_INSET.top, ...members.map((p) => p.y + NODE_SIZE.height + CARD_GAP));
  const position = { x: box.x + REGION_INSET.side, y };
  const height = Math.max(box.height, y + NODE_SIZE.height + REGION_INSET.bottom - box.y);
  return { position, grownRegion: { ...region, position: { x: box.x, y: box.y }, size: { width: box.width, height } } };
}

/** A backup protects the datastore beside it; with none in reach, `of` stays empty until wired. */
function guessBackupTarget(records: PlanRecords, regionId: string | undefined): string {
  const stores = Object.values(records.nodes).filter((n): n is Extract<PlanNode, { kind: 'datastore' }> => n.kind === 'datastore');
  const local = stores.filter((s) => s.region === regionId);
  if (local.length === 1) return local[0]!.id;
  return stores.length === 1 ? stores[0]!.id : '';
}

/** A new region at the free spot nearest `topLeft` (clear of other regions and loose cards), with the next suggested provider code. */
export function addRegionDiff(records: PlanRecords, topLeft: Point): { diff: PlanDiff; id: string } {
  const loose = Object.values(records.nodes).flatMap((n, i) => (n.region ? [] : [{ ...nodePosition(n, i), ...NODE_SIZE }]));
  const spot = nearestFree(round(topLeft), REGION_DEFAULT_SIZE, [...regionBoxes(records), ...loose], REGION_GAP);
  const region = {
    ...newRegion(Object.values(records.regions)),
    position: spot ?? round(topLeft),
    size: { ...REGION_DEFAULT_SIZE },
  };
  const diff = produceDiff(records, (draft) => {
    draft.regions[region.id] = region;
  });
  return { diff, id: region.id };
}
