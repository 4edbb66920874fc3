/** A service icon from sim/diagram/icons: the same white glyph the SVG export draws, on its family tile. */
import type { DiagramIcon } from '../../sim/diagram/icons';

export function ServiceIcon({ icon, size = 22 }: { icon: DiagramIcon; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.7} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={icon.path} />
    </svg>
  );
}
