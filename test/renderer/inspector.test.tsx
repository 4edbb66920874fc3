// @vitest-environment jsdom
/**
 * The inspector in jsdom: each field shows the plan's value or the catalog default as placeholder,
 * a committed edit is one undo step, and validation messages appear under the field they name —
 * the same code and sentence validatePlan (and so the CLI) gives, errors and warnings apart.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../renderer/app/App';
import { createEditorStore, type EditorStore } from '../../renderer/store/createEditorStore';
import { nodeKey, regionKey } from '../../renderer/store/selectionKeys';
import { CATALOG } from '../../sim/catalog';
import { validatePlan } from '../../sim/model/validate';
import { getTemplate } from '../../sim/templates';
import type { Plan } from '../../sim/model/schema';

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  (globalThis as { DOMMatrixReadOnly?: unknown }).DOMMatrixReadOnly ??= class {
    m22 = 1;
  };
});
afterEach(cleanup);

function template(name: string): Plan {
  return structuredClone(getTemplate(name)!.plan);
}

function open(plan: Plan, select?: string): EditorStore {
  const store = createEditorStore(plan);
  render(<App store={store} />);
  if (select) act(() => store.getState().setSelection([select]));
  return store;
}

/** Types into a field and commits it the way a user does: focus, keystrokes, then Tab away. */
function typeInto(testId: string, text: string): HTMLInputElement {
  const input = screen.getByTestId(testId) as HTMLInputElement;
  fireEvent.focus(input);
  if (text === '') fireEvent.change(input, { target: { value: '' } });
  for (let i = 1; i <= text.length; i++) fireEvent.change(input, { target: { value: text.slice(0, i) } });
  fireEvent.blur(input);
  return input;
}

const fieldOf = (testId: string) => screen.getByTestId(testId).closest('.field') as HTMLElement;
const undoDepth = (store: EditorStore) => store.getState().history.undos.filter((e) => e.type === 'diff').length;

describe('inspector', () => {
  it('edits a fleet field as one undo step, and shows the validator’s message for an invalid value', () => {
    const store = open(template('two-region-active-passive'), nodeKey('gw-east'));
    expect((screen.getByTestId('field-instances') as HTMLInputElement).value).toBe('3');
    const before = undoDepth(store);

    typeInto('field-instances', '-4');
    const gw = store.getState().plan.nodes.find((n) => n.id === 'gw-east');
    expect(gw?.kind === 'gateway' && gw.instances).toBe(-4);
    expect(undoDepth(store)).toBe(before + 1);

    const expected = validatePlan(store.getState().plan).errors.find((e) => e.path.endsWith('.instances'));
    expect(expected?.code).toBe('out-of-range');
    const message = within(fieldOf('field-instances')).getByTestId('field-error');
    expect(message.getAttribute('data-code')).toBe('out-of-range');
    expect(message.textContent).toBe(`out-of-range ${expected!.message}`);
    expect(screen.getByTestId('status-validation').textContent).toContain('1 error');

    act(() => store.getState().undo());
    expect((screen.getByTestId('field-instances') as HTMLInputElement).value).toBe('3');
    expect(within(fieldOf('field-instances')).queryByTestId('field-error')).toBeNull();
  });

  it('keeps text that is not a number so validation names it, and Escape abandons a draft', () => {
    const store = open(template('single-region-lb'), nodeKey('gw'));
    typeInto('field-capacityRpsPerInstance', 'lots');
    const message = within(fieldOf('field-capacityRpsPerInstance')).getByTestId('field-error');
    expect(message.getAttribute('data-code')).toBe('wrong-type');
    expect(message.textContent).toContain('must be a number, not the text "lots"');

    const input = screen.getByTestId('field-instances') as HTMLInputElement;
    const depth = undoDepth(store);
    fireEvent.change(input, { target: { value: '99' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    fireEvent.blur(input);
    expect(undoDepth(store)).toBe(depth);
    expect(input.value).toBe('3');
  });

  it('shows catalog defaults as placeholders and clears a field back to its default', () => {
    const store = open(template('two-region-active-passive'), nodeKey('lb-east'));
    const interval = screen.getByTestId('field-healthCheck.intervalSeconds') as HTMLInputElement;
    expect(interval.value).toBe('30');
    typeInto('field-healthCheck.intervalSeconds', '');
    expect(interval.value).toBe('');
    expect(interval.placeholder).toBe(String(CATALOG.healthCheck.alb.value.intervalSeconds));
    const lb = store.getState().plan.nodes.find((n) => n.id === 'lb-east');
    expect(lb?.kind === 'loadBalancer' && lb.healthCheck && 'intervalSeconds' in lb.healthCheck).toBe(false);
    // An omitted checkers count shows the balancer default, not Route 53's.
    expect((screen.getByTestId('field-healthCheck.checkers') as HTMLInputElement).placeholder).toBe(String(CATALOG.healthCheck.alb.value.checkers));
  });

  it('shows warnings apart from errors, under the field they name', () => {
    const store = open(template('two-region-active-passive'), nodeKey('dns'));
    typeInto('field-healthCheck.recoveryThreshold', '5');
    const field = fieldOf('field-healthCheck.recoveryThreshold');
    const warning = within(field).getByTestId('field-warning');
    expect(warning.getAttribute('data-code')).toBe('route53-thresholds');
    expect(within(field).queryByTestId('field-error')).toBeNull();
    const expected = validatePlan(store.getState().plan).warnings.find((w) => w.code === 'route53-thresholds');
    expect(warning.textContent).toBe(`route53-thresholds ${expected!.message}`);
    expect(screen.getByTestId('status-validation').textContent).toContain('Plan is valid · 1 warning');
  });

  it('lists messages about the record as a whole above its fields', () => {
    const plan = template('backup-restore');
    const backup = plan.nodes.find((n) => n.kind === 'backup')!;
    open(plan, nodeKey(backup.id));
    typeInto('field-copies', '1');
    const messages = screen.getByTestId('record-messages');
    expect(within(messages).getByTestId('field-warning').getAttribute('data-code')).toBe('backup-3-2-1');
  });

  it('edits a distribution as a kind and parameters, keeping the mean when the kind changes', () => {
    const store = open(template('two-region-active-passive'), nodeKey('gw-east'));
    const reliability = store.getState().plan.nodes.find((n) => n.id === 'gw-east')!.reliability;
    expect(reliability?.timeToFailureHours).toEqual({ dist: 'exponential', mean: 4380 });
    expect(screen.getByTestId('plot-reliability.timeToFailureHours-mean').textContent).toBe('mean 4,380 h');

    fireEvent.change(screen.getByTestId('field-reliability.timeToFailureHours.dist'), { target: { value: 'weibull' } });
    const ttf = store.getState().plan.nodes.find((n) => n.id === 'gw-east')!.reliability!.timeToFailureHours;
    expect(ttf.dist).toBe('weibull');
    expect(screen.getByTestId('plot-reliability.timeToFailureHours-mean').textContent).toMatch(/^mean 4,3[78]\d h$/);

    typeInto('field-reliability.timeToFailureHours.shape', '0');
    const message = within(screen.getByTestId('field-reliability.timeToFailureHours.shape').closest('.field') as HTMLElement).getByTestId('field-error');
    expect(message.getAttribute('data-code')).toBe('out-of-range');
    expect(screen.getByTestId('plot-reliability.timeToFailureHours').textContent).toContain('Enter valid parameters');
  });

  it('edits DNS targets and keeps the drawn traffic wires equal to them', () => {
    const store = open(template('two-region-active-passive'), nodeKey('dns'));
    const wiresFromDns = () => store.getState().plan.edges.filter((e) => e.kind === 'traffic' && e.from === 'dns').map((e) => e.to).sort();
    expect(wiresFromDns()).toEqual(['lb-east', 'lb-west']);
    fireEvent.click(screen.getByTestId('remove-target-1'));
    const dns = () => store.getState().plan.nodes.find((n) => n.id === 'dns') as Extract<Plan['nodes'][number], { kind: 'dns' }>;
    expect(dns().targets.map((t) => t.node)).toEqual(['lb-east']);
    expect(wiresFromDns()).toEqual(['lb-east']);
    expect(validatePlan(store.getState().plan).errors).toEqual([]);

    fireEvent.change(screen.getByTestId('add-target'), { target: { value: 'lb-west' } });
    expect(dns().targets).toEqual([
      { node: 'lb-east', role: 'primary' },
      { node: 'lb-west', role: 'secondary' },
    ]);
    expect(wiresFromDns()).toEqual(['lb-east', 'lb-west']);
    fireEvent.change(screen.getByTestId('field-targets.1.role'), { target: { value: 'primary' } });
    expect(within(screen.getByTestId('dns-targets')).getAllByTestId('field-error')[0]!.getAttribute('data-code')).toBe('failover-roles');
  });

  it('renames a region with every reference to it', () => {
    const store = open(template('two-region-active-passive'), regionKey('usw2'));
    typeInto('field-id', 'west');
    const plan = store.getState().plan;
    expect(plan.regions.map((r) => r.id)).toContain('west');
    expect(plan.nodes.filter((n) => n.region === 'west').length).toBeGreaterThan(0);
    expect(validatePlan(plan).errors).toEqual([]);
    expect(store.getState().session.selection).toEqual([regionKey('west')]);
  });

  it('edits objectives, settings and common causes at plan level when nothing is selected', () => {
    const store = open(template('single-region-lb'));
    typeInto('field-objectives.availability', '1.5');
    const field = fieldOf('field-objectives.availability');
    expect(within(field).getByTestId('field-error').textContent).toContain('out-of-range');
    typeInto('field-objectives.availability', '0.999');
    expect(store.getState().plan.objectives?.availability).toBe(0.999);
    expect(within(field).queryByTestId('field-error')).toBeNull();

    fireEvent.click(screen.getByTestId('add-commonCauses'));
    const causes = store.getState().plan.commonCauses!;
    expect(causes).toHaveLength(1);
    expect(validatePlan(store.getState().plan).errors).toEqual([]);
    typeInto('field-commonCauses.0.ratePerYear', '-1');
    expect(within(fieldOf('field-commonCauses.0.ratePerYear')).getByTestId('field-error').getAttribute('data-code')).toBe('out-of-range');
    expect(within(screen.getByTestId('problems')).getAllByTestId('problem-error')).toHaveLength(1);
  });
});
