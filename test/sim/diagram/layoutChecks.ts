/** Overlap checks for laid-out plans, shared by the layout tests. */
import { boxContains, boxesOverlap, nodeBox, regionBox } from '../../../sim/diagram/geometry';
import type { Plan } from '../../../sim/model/schema';

/** Every problem with a layout: overlapping cards or regions, cards outside their region. */
export function layoutProblems(plan: Plan): string[] {
  const out: string[] = [];
  const cards = plan.nodes.map((n, i) => ({ id: n.id, region: n.region, box: nodeBox(n, i) }));
  const regions = plan.regions.map((r, i) => ({ id: r.id, box: regionBox(r, i) }));
  cards.forEach((a, i) => cards.slice(i + 1).forEach((b) => boxesOverlap(a.box, b.box) && out.push(`cards ${a.id} and ${b.id} overlap`)));
  regions.forEach((a, i) => regions.slice(i + 1).forEach((b) => boxesOverlap(a.box, b.box) && out.push(`regions ${a.id} and ${b.id} overlap`)));
  for (const c of cards) {
    const home = regions.find((r) => r.id === c.region);
    if (home && !boxContains(home.box, c.box)) out.push(`card ${c.id} is not inside region ${home.id}`);
    for (const r of regions) if (r !== home && boxesOverlap(r.box, c.box)) out.push(`card ${c.id} overlaps region ${r.id}`);
  }
  return out;
}
