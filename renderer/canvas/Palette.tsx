/** The palette: regions first (they hold everything else), then components grouped by layer. */
import { createPortal } from 'react-dom';
import { Glyph } from '../components/Glyph';
import { KIND_VISUAL, PALETTE_GROUPS } from './kinds';
import { usePaletteDrag, type PaletteDrag, type PaletteItem } from './usePaletteDrag';

const REGION_VISUAL = { label: 'Region', accent: '#e8870b', short: 'Provider region and zones', hint: 'A cloud region with its availability zones; drop components inside it' };
const visualOf = (item: PaletteItem) => (item === 'region' ? REGION_VISUAL : KIND_VISUAL[item]);

export function Palette() {
  const { drag, onPointerDown, placeInView } = usePaletteDrag();
  const entry = (item: PaletteItem) => {
    const visual = visualOf(item);
    return (
      <button
        key={item}
        type="button"
        className="palette-item"
        data-testid={`palette-${item}`}
        style={{ '--accent': visual.accent } as React.CSSProperties}
        title={`${visual.hint}. Drag onto the canvas, or press to place in view.`}
        onPointerDown={(e) => onPointerDown(item, e)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            placeInView(item);
          }
        }}
      >
        <span className="palette-glyph">
          <Glyph name={item} size={18} />
        </span>
        <span className="palette-text">
          <span className="palette-label">{visual.label}</span>
          <span className="palette-hint">{visual.short}</span>
        </span>
      </button>
    );
  };
  return (
    <nav className="palette" aria-label="Components">
      <div className="palette-section">
        <div className="palette-title">Topology</div>
        {entry('region')}
      </div>
      {PALETTE_GROUPS.map((group) => (
        <div className="palette-section" key={group.title}>
          <div className="palette-title">{group.title}</div>
          {group.kinds.map(entry)}
        </div>
      ))}
      {drag && createPortal(<DragGhost drag={drag} />, document.body)}
    </nav>
  );
}

function DragGhost({ drag }: { drag: PaletteDrag }) {
  const visual = visualOf(drag.item);
  return (
    <div
      className={`drag-ghost${drag.overCanvas ? ' is-over-canvas' : ''}${drag.item === 'region' ? ' is-region' : ''}`}
      style={{ left: drag.x, top: drag.y, '--accent': visual.accent } as React.CSSProperties}
      aria-hidden="true"
    >
      <Glyph name={drag.item} size={16} />
      {visual.label}
    </div>
  );
}
