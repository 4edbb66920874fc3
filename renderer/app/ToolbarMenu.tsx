/**
 * Drawing toolbar entries (a command as a button, or a control) in the bar or in the "⋯" menu, and
 * the menu itself: opens below its button, arrow keys move between entries, Escape or a click
 * outside closes it and gives focus back to the button.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Glyph } from '../components/Glyph';
import type { ToolbarCommand, ToolbarItem, ToolbarPlacement } from './toolbarItems';

export function ToolbarEntry({ item, placement, onDone }: { item: ToolbarItem; placement: ToolbarPlacement; onDone?: () => void }) {
  if (item.useCommand) return <CommandEntry useCommand={item.useCommand} placement={placement} onDone={onDone} />;
  if (item.Control) return <item.Control placement={placement} />;
  return null;
}

function CommandEntry({ useCommand, placement, onDone }: { useCommand: () => ToolbarCommand; placement: ToolbarPlacement; onDone?: (() => void) | undefined }) {
  const cmd = useCommand();
  const measuring = placement === 'measure';
  const title = cmd.shortcut ? `${cmd.title ?? cmd.label} (${cmd.shortcut})` : (cmd.title ?? cmd.label);
  const common = {
    type: 'button' as const,
    'data-testid': measuring ? undefined : cmd.testId,
    tabIndex: measuring ? -1 : undefined,
    disabled: cmd.disabled,
    title,
  };
  if (placement === 'menu') {
    return (
      <button
        {...common}
        role="menuitem"
        className="toolbar-menu-item"
        onClick={() => {
          cmd.run();
          onDone?.();
        }}
      >
        <span className="toolbar-menu-icon">{cmd.icon && <Glyph name={cmd.icon} size={16} />}</span>
        <span className="toolbar-menu-label">{cmd.label}</span>
        {cmd.shortcut && <kbd>{cmd.shortcut}</kbd>}
      </button>
    );
  }
  if (cmd.icon) {
    return (
      <button {...common} className="tool-button" aria-label={cmd.label} onClick={cmd.run}>
        <Glyph name={cmd.icon} size={18} />
      </button>
    );
  }
  return (
    <button {...common} className="text-tool" onClick={cmd.run}>
      {cmd.label}
    </button>
  );
}

export function ToolbarMenu({ items }: { items: readonly ToolbarItem[] }) {
  // Fixed to the window under the button, so the bar's clipping never cuts the menu.
  const [open, setOpen] = useState<{ top: number; right: number } | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const close = (refocus: boolean) => {
    setOpen(null);
    if (refocus) buttonRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('button:not(:disabled), input, [tabindex="0"]')?.focus();
    const onPointerDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(null);
    };
    window.addEventListener('pointerdown', onPointerDown, true);
    return () => window.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close(true);
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    if ((e.target as HTMLElement).tagName === 'INPUT') return;
    const all = [...(menuRef.current?.querySelectorAll<HTMLElement>('button:not(:disabled), input') ?? [])];
    const at = all.indexOf(document.activeElement as HTMLElement);
    const next = all[(at + (e.key === 'ArrowDown' ? 1 : -1) + all.length) % all.length];
    next?.focus();
    e.preventDefault();
  };

  return (
    <div className="toolbar-more">
      <button
        ref={buttonRef}
        type="button"
        className="tool-button"
        data-testid="toolbar-more"
        aria-label="More commands"
        title="More commands"
        aria-haspopup="menu"
        aria-expanded={!!open}
        aria-controls={open ? menuId : undefined}
        onClick={() => {
          const rect = buttonRef.current!.getBoundingClientRect();
          setOpen((o) => (o ? null : { top: rect.bottom + 4, right: Math.max(8, window.innerWidth - rect.right) }));
        }}
      >
        <span aria-hidden="true" className="toolbar-more-dots">
          ⋯
        </span>
      </button>
      {open && (
        <div className="toolbar-menu" role="menu" id={menuId} ref={menuRef} aria-label="More commands" data-testid="toolbar-menu" style={open} onKeyDown={onKeyDown}>
          {items.map((item, i) => (
            <div key={item.id} className={`toolbar-menu-entry${i > 0 && items[i - 1]!.group !== item.group ? ' starts-group' : ''}`}>
              <ToolbarEntry item={item} placement="menu" onDone={() => close(true)} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
