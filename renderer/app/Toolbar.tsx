/**
 * The top bar: plan name, the entries of TOOLBAR_ITEMS that fit (the rest in the "⋯" menu), and the
 * run button, which never moves out of view. Widths are read off an invisible copy of every entry,
 * so the choice does not depend on what is currently shown and cannot oscillate.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { Glyph } from '../components/Glyph';
import { RunButton } from '../results/RunControls';
import { useEditor } from '../store/EditorStoreContext';
import { ToolbarEntry, ToolbarMenu } from './ToolbarMenu';
import { itemsThatFit, TOOLBAR_ITEMS, type ToolbarItem } from './toolbarItems';

/** Width kept for the "⋯" button when something overflows. */
const MORE_WIDTH = 44;

export function Toolbar() {
  const name = useEditor((s) => s.plan.name);
  const barRef = useRef<HTMLDivElement>(null);
  const measureRef = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState<ReadonlySet<string> | null>(null);

  useLayoutEffect(() => {
    const bar = barRef.current;
    const measure = measureRef.current;
    if (!bar || !measure) return;
    const update = () => {
      // Not laid out (hidden, or a test DOM without layout): leave every entry in the bar.
      if (bar.clientWidth === 0) return;
      const widths = new Map<string, number>();
      for (const el of measure.querySelectorAll<HTMLElement>('[data-item]')) widths.set(el.dataset.item!, el.getBoundingClientRect().width);
      const next = itemsThatFit(TOOLBAR_ITEMS, widths, bar.clientWidth, MORE_WIDTH);
      setShown((prev) => (prev && prev.size === next.size && [...next].every((id) => prev.has(id)) ? prev : next));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(bar);
    observer.observe(measure);
    return () => observer.disconnect();
  }, []);

  const inBar = TOOLBAR_ITEMS.filter((item) => !item.menuOnly && (!shown || shown.has(item.id)));
  const inMenu = TOOLBAR_ITEMS.filter((item) => shown && !shown.has(item.id));
  return (
    <header className="toolbar">
      <div className="brand">
        <span className="brand-mark">
          <Glyph name="logo" size={18} strokeWidth={1.9} />
        </span>
        <span className="brand-name">Resilience Studio</span>
        <span className="brand-sep">/</span>
        <span className="plan-name" data-testid="plan-name" title={name}>
          {name}
        </span>
      </div>
      <div className="toolbar-items" ref={barRef} data-testid="toolbar-items">
        {inBar.map((item, i) => (
          <div key={item.id} data-item={item.id} className={`toolbar-item${startsGroup(inBar, i) ? ' starts-group' : ''}`}>
            <ToolbarEntry item={item} placement="bar" />
          </div>
        ))}
        {inMenu.length > 0 && <ToolbarMenu items={inMenu} />}
      </div>
      <div className="toolbar-measure" ref={measureRef} aria-hidden="true" inert>
        {TOOLBAR_ITEMS.filter((item) => !item.menuOnly).map((item) => (
          <div key={item.id} data-item={item.id} className="toolbar-item starts-group">
            <ToolbarEntry item={item} placement="measure" />
          </div>
        ))}
      </div>
      <div className="toolbar-run" data-slot="run">
        <RunButton />
      </div>
    </header>
  );
}

function startsGroup(items: readonly ToolbarItem[], i: number): boolean {
  return i > 0 && items[i - 1]!.group !== items[i]!.group;
}
