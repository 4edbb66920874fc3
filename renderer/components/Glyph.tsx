/**
 * One line-drawn glyph per component kind (and a few for the toolbar), drawn on a 24-unit grid with
 * the current text colour, so the palette, the cards and the toolbar share one visual language.
 */
import type { NodeKind } from '../../sim/model/schema';

export type GlyphName = NodeKind | 'region' | 'undo' | 'redo' | 'fit' | 'zoomIn' | 'zoomOut' | 'traffic' | 'replication' | 'logo' | 'layout' | 'search' | 'image' | 'vector' | 'code';

const PATHS: Record<GlyphName, string> = {
  // two people
  clients: 'M9 11a3.2 3.2 0 1 0 0-6.4A3.2 3.2 0 0 0 9 11Zm-6 8.5c0-3.3 2.7-5.5 6-5.5s6 2.2 6 5.5M16.5 10.5a2.7 2.7 0 1 0-1-5.2M17.5 14.2c2.1.6 3.5 2.4 3.5 4.8',
  // globe
  dns: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm0-18c-2.6 2.6-3.8 5.6-3.8 9s1.2 6.4 3.8 9m0-18c2.6 2.6 3.8 5.6 3.8 9s-1.2 6.4-3.8 9M3.5 9h17M3.5 15h17',
  // one stream fanned out to three
  loadBalancer: 'M3 12h5m0 0 4-6h8m-12 6 4 6h8M8 12h12M18 4l2 2-2 2M18 10l2 2-2 2M18 16l2 2-2 2',
  // a gate: arch with a passage
  gateway: 'M4 20V9.5L12 4l8 5.5V20M4 20h16M9 20v-6.5a3 3 0 0 1 6 0V20M8 9.5h8',
  // a cube
  service: 'M12 3 20 7.5v9L12 21l-8-4.5v-9L12 3Zm0 0v0M4 7.5l8 4.5 8-4.5M12 12v9',
  // a cylinder
  datastore: 'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3Zm0 0v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  // a clock turning back
  backup: 'M4 12a8 8 0 1 0 2.4-5.7L4 8.6M4 4v4.6h4.6M12 7.5V12l3 2',
  // a pulse
  monitor: 'M3 12h4l2.5-6 4.5 12 2.5-6H21',
  // a dashed boundary with a pin
  region: 'M4 7V5a1 1 0 0 1 1-1h2M11 4h2M17 4h2a1 1 0 0 1 1 1v2M20 11v2M20 17v2a1 1 0 0 1-1 1h-2M13 20h-2M7 20H5a1 1 0 0 1-1-1v-2M4 13v-2M12 15.5s-3-2.7-3-5a3 3 0 0 1 6 0c0 2.3-3 5-3 5Z',
  undo: 'M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11',
  redo: 'm15 14 5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13',
  fit: 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5M9 9h6v6H9z',
  zoomIn: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14Zm5-2 4 4M8 11h6M11 8v6',
  zoomOut: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14Zm5-2 4 4M8 11h6',
  traffic: 'M3 12h15m-4-5 5 5-5 5',
  replication: 'M4 8h13m-3-4 4 4-4 4M20 16H7m3-4-4 4 4 4',
  // three cards in two layers, joined
  layout: 'M4 4h6v4H4zM14 4h6v4h-6zM9 16h6v4H9zM7 8v4h10V8M12 12v4',
  // a magnifier
  search: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14Zm5-2 4 4',
  // a picture
  image: 'M4 5h16v14H4zM4 15l4-4 3 3 4-5 5 6M8.5 9.5h.01',
  // an angle-bracket document
  vector: 'M6 3h9l4 4v14H6zM15 3v4h4M10.5 11l-2 2.5 2 2.5M14.5 11l2 2.5-2 2.5',
  // code brackets over a tray: export as code
  code: 'M8.5 6 4 10.5 8.5 15M15.5 6l4.5 4.5-4.5 4.5M13.5 4l-3 13M4 20h16',
  logo: 'M12 3 4 6.5v5.2c0 4.6 3.4 8.3 8 9.3 4.6-1 8-4.7 8-9.3V6.5L12 3Zm-3.5 9.5 2.5 2.5 4.5-5',
};

export function Glyph({ name, size = 18, strokeWidth = 1.7 }: { name: GlyphName; size?: number; strokeWidth?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
