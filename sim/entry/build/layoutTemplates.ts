/**
 * Re-lays out the bundled templates with the editor's auto-layout and writes only their positions
 * and region sizes back, keeping each file's formatting (`npx tsx sim/entry/build/layoutTemplates.ts`).
 * Node-only (reads and writes files); everything else in the templates stays as written.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { autoLayout } from '../../diagram/autoLayout';
import { PlanSchema } from '../../model/schema';

const dir = fileURLToPath(new URL('../../templates/', import.meta.url));

async function relayout(file: string): Promise<void> {
  const text = readFileSync(dir + file, 'utf8');
  const plan = PlanSchema.parse(JSON.parse(text));
  const layout = await autoLayout(plan);
  // Positions appear once per record, regions first, in list order; sizes once per region.
  const positions = [...(plan.regions ?? []).map((r) => layout.regions[r.id]!), ...plan.nodes.map((n) => layout.nodes[n.id]!)];
  const sizes = (plan.regions ?? []).map((r) => layout.regions[r.id]!.size);
  let p = 0;
  let s = 0;
  let out = text.replace(/"position": \{[^}]*\}/g, () => {
    const at = positions[p++]!;
    return `"position": {"x": ${at.x}, "y": ${at.y}}`;
  });
  out = out.replace(/"size": \{[^}]*\}/g, () => {
    const size = sizes[s++]!;
    return `"size": {"width": ${size.width}, "height": ${size.height}}`;
  });
  if (p !== positions.length || s !== sizes.length) throw new Error(`${file}: expected one position per record and one size per region`);
  writeFileSync(dir + file, out);
  console.log(`${file}: ${positions.length} positions, ${sizes.length} sizes`);
}

for (const file of readdirSync(dir).filter((f) => f.endsWith('.plan.json')).sort()) await relayout(file);
