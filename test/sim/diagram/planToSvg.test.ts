// @vitest-environment jsdom
// The DOM is used only to check that the SVG text parses as XML; planToSvg itself needs none.
import { describe, expect, it } from 'vitest';
import { nodePosition } from '../../../sim/diagram/geometry';
import { ICONS } from '../../../sim/diagram/icons';
import { escapeXml, planToSvg } from '../../../sim/diagram/planToSvg';
import type { Plan } from '../../../sim/model/schema';
import { TEMPLATES } from '../../../sim/templates';

/** Parses as XML (not HTML), so any well-formedness error shows up as a parsererror element. */
const parse = (svg: string): Document => new DOMParser().parseFromString(svg, 'image/svg+xml');

describe('planToSvg', () => {
  for (const template of TEMPLATES) {
    it(`draws ${template.name} as well-formed SVG with every card at its position and an icon`, () => {
      const svg = planToSvg(template.plan);
      const doc = parse(svg);
      expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
      expect(doc.documentElement.nodeName).toBe('svg');
      const cards = [...doc.querySelectorAll('g.card')];
      expect(cards.map((c) => c.getAttribute('data-node-id')).sort()).toEqual(template.plan.nodes.map((n) => n.id).sort());
      template.plan.nodes.forEach((node, i) => {
        const card = cards.find((c) => c.getAttribute('data-node-id') === node.id)!;
        const p = nodePosition(node, i);
        expect(card.getAttribute('transform')).toBe(`translate(${p.x} ${p.y})`);
        const iconId = card.getAttribute('data-icon')!;
        expect(Object.keys(ICONS)).toContain(iconId);
        expect(card.querySelector('g.icon path')?.getAttribute('d')).toBe(ICONS[iconId as keyof typeof ICONS].path);
      });
      expect(doc.querySelectorAll('g.region')).toHaveLength(template.plan.regions.length);
      // One wire per edge, plus one per backup's store.
      const backups = template.plan.nodes.filter((n) => n.kind === 'backup' && n.of).length;
      expect(doc.querySelectorAll('path.wire')).toHaveLength(template.plan.edges.length + backups);
    });
  }

  it('picks the AWS service icons on AWS and neutral ones elsewhere', () => {
    const ids = (plan: Plan) => [...parse(planToSvg(plan)).querySelectorAll('g.card')].map((c) => `${c.getAttribute('data-node-id')}=${c.getAttribute('data-icon')}`);
    const aws = ids(TEMPLATES.find((t) => t.name === 'two-region-active-passive')!.plan);
    expect(aws).toEqual(expect.arrayContaining(['dns=route53', 'lb-east=alb', 'gw-east=apiGateway', 'db-east=aurora']));
    const plan: Plan = {
      schemaVersion: 1,
      name: 'on-prem',
      regions: [{ id: 'dc', provider: 'generic' }],
      nodes: [
        { id: 'd', kind: 'dns', region: 'dc', targets: [{ node: 'lb' }] },
        { id: 'lb', kind: 'loadBalancer', region: 'dc' },
        { id: 's', kind: 'service', region: 'dc', platform: 'vm' },
        { id: 'db', kind: 'datastore', region: 'dc', engine: 'postgres' },
      ],
      edges: [],
    };
    expect(ids(plan)).toEqual(['d=dns', 'lb=loadBalancer', 's=server', 'db=database']);
  });

  it('escapes names, labels and ids', () => {
    const plan: Plan = {
      schemaVersion: 1,
      name: 'A <b> & "c"',
      regions: [],
      nodes: [
        { id: 'a', kind: 'clients', name: '<script>&', position: { x: 0, y: 0 } },
        { id: 'b', kind: 'service', name: "O'Brien", position: { x: 0, y: 200 } },
      ],
      edges: [{ kind: 'traffic', from: 'a', to: 'b', label: 'x < y & z' }],
    };
    const svg = planToSvg(plan);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;&amp;');
    expect(svg).toContain('x &lt; y &amp; z');
    const doc = parse(svg);
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.querySelector('title')?.textContent).toBe('A <b> & "c"');
    expect([...doc.querySelectorAll('g.wire-label text')].map((t) => t.textContent)).toEqual(['x < y & z']);
    expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&apos;');
  });

  it('uses the dark palette on request', () => {
    const plan = TEMPLATES[0]!.plan;
    expect(planToSvg(plan, { theme: 'dark' })).toContain('#0f172a');
    expect(planToSvg(plan, { theme: 'dark' })).not.toBe(planToSvg(plan));
  });
});
