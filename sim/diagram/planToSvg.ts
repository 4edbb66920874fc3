/**
 * A plan drawn as a standalone SVG document: regions, cards with their service icons, routed wires
 * and their labels, at the plan's saved positions. Plan in, SVG text out; no DOM, so the CLI's
 * review report and the editor's export draw the same picture. Imports only sim/model and siblings.
 */
import type { Plan, Provider } from '../model/schema';
import { NODE_SIZE, nodeBox, regionBox, type Box } from './geometry';
import { iconFor, providerOf } from './icons';
import { nodeSubtitle } from './labels';
import { diagramWires, labelPoint, wirePath, type WireKind } from './wires';

export type DiagramTheme = 'light' | 'dark';

export interface SvgOptions {
  theme?: DiagramTheme;
  /** Empty space around the drawing, in canvas units. */
  padding?: number;
}

const PALETTE = {
  light: { background: '#ffffff', card: '#ffffff', cardStroke: '#cbd5e1', text: '#0f172a', muted: '#64748b', labelBg: '#ffffff' },
  dark: { background: '#0f172a', card: '#1e293b', cardStroke: '#475569', text: '#e2e8f0', muted: '#94a3b8', labelBg: '#0f172a' },
} as const;

const PROVIDER_TINT: Record<Provider, string> = { aws: '#e8870b', azure: '#0a6cc4', gcp: '#1e8e3e', generic: '#64748b' };
const WIRE_COLOR: Record<WireKind, string> = { traffic: '#475569', replication: '#b45309', backup: '#0e7490' };
const WIRE_DASH: Record<WireKind, string | null> = { traffic: null, replication: '6 4', backup: '2 4' };

/** Text safe inside XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Cuts text to about `max` characters with an ellipsis, so a long name stays on its card. */
function fit(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const num = (n: number): string => String(Math.round(n * 10) / 10);

export function planToSvg(plan: Plan, options: SvgOptions = {}): string {
  const colors = PALETTE[options.theme ?? 'light'];
  const padding = options.padding ?? 32;
  const regions = plan.regions ?? [];
  const regionBoxes = regions.map((r, i) => ({ region: r, box: regionBox(r, i) }));
  const nodeBoxes = plan.nodes.map((n, i) => ({ node: n, box: nodeBox(n, i) }));
  const edges = (plan.edges ?? []).map((e, i) => ({ ...e, id: e.id ?? `edge-${i}` }));
  const wires = diagramWires({ nodes: plan.nodes, edges, regions });

  const all: Box[] = [...regionBoxes.map((r) => r.box), ...nodeBoxes.map((n) => n.box)];
  for (const w of wires) for (const p of w.points) all.push({ ...p, width: 0, height: 0 });
  const minX = Math.min(0, ...all.map((b) => b.x)) - padding;
  const minY = Math.min(0, ...all.map((b) => b.y)) - padding;
  const maxX = Math.max(0, ...all.map((b) => b.x + b.width)) + padding;
  const maxY = Math.max(0, ...all.map((b) => b.y + b.height)) + padding;
  const width = maxX - minX;
  const height = maxY - minY;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="${num(minX)} ${num(minY)} ${num(width)} ${num(height)}" font-family="Inter, 'Segoe UI', system-ui, sans-serif">`,
  );
  out.push(`<title>${escapeXml(plan.name)}</title>`);
  out.push('<defs>');
  for (const kind of Object.keys(WIRE_COLOR) as WireKind[]) {
    out.push(
      `<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10Z" fill="${WIRE_COLOR[kind]}"/></marker>`,
    );
  }
  out.push('</defs>');
  out.push(`<rect x="${num(minX)}" y="${num(minY)}" width="${num(width)}" height="${num(height)}" fill="${colors.background}"/>`);

  for (const { region, box } of regionBoxes) {
    const tint = PROVIDER_TINT[region.provider ?? 'generic'];
    const title = [region.name ?? region.id, region.code].filter(Boolean).join(' · ');
    out.push(
      `<g class="region" data-region-id="${escapeXml(region.id)}"><rect x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}" rx="14" fill="${tint}" fill-opacity="0.07" stroke="${tint}" stroke-width="1.5" stroke-dasharray="6 4"/><text x="${num(box.x + 14)}" y="${num(box.y + 22)}" font-size="13" font-weight="600" fill="${tint}">${escapeXml(fit(title, Math.floor(box.width / 7.5)))}</text></g>`,
    );
  }

  for (const w of wires) {
    const dash = WIRE_DASH[w.kind] ? ` stroke-dasharray="${WIRE_DASH[w.kind]}"` : '';
    out.push(
      `<path class="wire wire-${w.kind}" data-wire-id="${escapeXml(w.id)}" d="${wirePath(w.points)}" fill="none" stroke="${WIRE_COLOR[w.kind]}" stroke-width="1.6"${dash} marker-end="url(#arrow-${w.kind})"/>`,
    );
  }
  // Labels after every wire, so no wire is drawn over another wire's label.
  for (const w of wires) {
    if (!w.label) continue;
    const at = labelPoint(w.points);
    const text = fit(w.label, 40);
    const boxWidth = text.length * 6.2 + 10;
    out.push(
      `<g class="wire-label" data-wire-id="${escapeXml(w.id)}"><rect x="${num(at.x - boxWidth / 2)}" y="${num(at.y - 9)}" width="${num(boxWidth)}" height="18" rx="4" fill="${colors.labelBg}" fill-opacity="0.92"/><text x="${num(at.x)}" y="${num(at.y + 4)}" font-size="11" text-anchor="middle" fill="${WIRE_COLOR[w.kind]}">${escapeXml(text)}</text></g>`,
    );
  }

  for (const { node, box } of nodeBoxes) {
    const icon = iconFor(node, providerOf(node, regions));
    const name = fit(node.name ?? node.id, 17);
    const sub = fit(nodeSubtitle(node), 21);
    out.push(
      `<g class="card" data-node-id="${escapeXml(node.id)}" data-icon="${icon.id}" transform="translate(${num(box.x)} ${num(box.y)})">` +
        `<rect width="${NODE_SIZE.width}" height="${NODE_SIZE.height}" rx="10" fill="${colors.card}" stroke="${colors.cardStroke}" stroke-width="1.2"/>` +
        `<g class="icon"><title>${escapeXml(icon.label)}</title><rect x="10" y="12" width="36" height="36" rx="8" fill="${icon.tile}"/>` +
        `<path d="${icon.path}" transform="translate(16 18)" fill="none" stroke="#ffffff" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round"/></g>` +
        `<text x="56" y="27" font-size="13" font-weight="600" fill="${colors.text}">${escapeXml(name)}</text>` +
        `<text x="56" y="45" font-size="11" fill="${colors.muted}">${escapeXml(sub)}</text>` +
        `</g>`,
    );
  }
  out.push('</svg>');
  return out.join('\n');
}
