/**
 * "New from template": the bundled plans of sim/templates as cards (names as `resilience templates`
 * prints them), each with what it shows and the strategies it uses. Picking one replaces the plan as
 * one undoable step.
 */
import { useMemo } from 'react';
import { TEMPLATES, type Template } from '../../sim/templates';
import { adoptPlan } from '../files/fileCommands';
import { useFileContext } from '../files/useFileContext';
import { Modal } from '../shell/Modal';
import { useUi, useUiStoreApi } from '../shell/uiStore';
import { findingsOf } from '../strategies/StrategyBadges';

export function TemplateGallery() {
  const open = useUi((s) => s.dialog?.type === 'gallery');
  const ui = useUiStoreApi();
  if (!open) return null;
  return (
    <Modal title="New from template" onClose={() => ui.getState().closeDialog()} testId="template-gallery" width={880}>
      <p className="dialog-note">Start from a standard design and adapt it. Your current design stays one undo (Ctrl+Z) away.</p>
      <div className="gallery-grid">
        {TEMPLATES.map((t) => (
          <TemplateCard key={t.name} template={t} />
        ))}
      </div>
    </Modal>
  );
}

function TemplateCard({ template }: { template: Template }) {
  const ctx = useFileContext();
  const findings = useMemo(() => findingsOf(template.plan) ?? [], [template]);
  const regions = template.plan.regions.length;
  const nodes = template.plan.nodes.length;
  return (
    <button
      type="button"
      className="template-card"
      data-testid={`template-${template.name}`}
      onClick={() => {
        const wasEmpty = ctx.editor.getState().plan.nodes.length === 0;
        ctx.ui.getState().closeDialog();
        adoptPlan(ctx, structuredClone(template.plan), { ref: null, saved: true });
        if (!wasEmpty) ctx.editor.getState().showToast(`Started from “${template.title}”. Ctrl+Z brings back your previous design.`, { tone: 'info' });
      }}
    >
      <span className="template-title">{template.title}</span>
      <span className="template-name">{template.name}</span>
      <span className="template-description">{template.description}</span>
      <span className="template-meta">
        {regions} region{regions === 1 ? '' : 's'} · {nodes} components
      </span>
      <span className="template-strategies">
        {findings
          .filter((f) => f.used)
          .map((f) => (
            <span key={f.id} className="template-strategy">
              {f.reason.split(':')[0]}
            </span>
          ))}
      </span>
    </button>
  );
}

/** The empty canvas's invitation: the quickest way to a working design. */
export function TemplateInvite() {
  const ui = useUiStoreApi();
  return (
    <button type="button" className="primary-button invite-button" data-testid="empty-new-from-template" onClick={() => ui.getState().openDialog({ type: 'gallery' })}>
      Start from a template
    </button>
  );
}
