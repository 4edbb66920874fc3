/**
 * The inspector's field components. A text or number field keeps what the user types locally and
 * commits it once — on Enter or when focus leaves — so one edit is one undo step, never one per
 * keystroke; Escape puts the stored value back. A number that does not parse is committed as typed,
 * so validation names the problem in the same words as the CLI.
 *
 * Ctrl/⌘+Z in a field never reaches the browser's own undo (whose stack spans fields and would
 * put back text of a previous field, then commit it): with uncommitted typing it restores the
 * field's stored value, otherwise it undoes the last plan edit, as the canvas does.
 *
 * A field with messages is marked aria-invalid (errors only) and described by its messages.
 */
import { createContext, useContext, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { isMac } from '../app/platformKeys';
import { useEditorStoreApi } from '../store/EditorStoreContext';
import { formatNumber } from './distributions';
import { useFieldIssues, useInspector, type LocalIssue } from './context';
import { getIn, pathKey, type Path } from './paths';

/** What a control needs to say it is invalid and point at its messages. */
interface FieldA11y {
  invalid: boolean;
  describedBy: string | undefined;
}
const FieldA11yContext = createContext<FieldA11y>({ invalid: false, describedBy: undefined });

/** aria-invalid / aria-describedby for the control inside a FieldRow. */
export function useFieldA11y(): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  const a11y = useContext(FieldA11yContext);
  return { ...(a11y.invalid ? { 'aria-invalid': true as const } : {}), ...(a11y.describedBy ? { 'aria-describedby': a11y.describedBy } : {}) };
}

export function Messages({ errors, warnings, testId, id }: { errors: readonly LocalIssue[]; warnings: readonly LocalIssue[]; testId?: string; id?: string }) {
  if (errors.length === 0 && warnings.length === 0) return null;
  return (
    <div className="field-messages" data-testid={testId} id={id}>
      {errors.map((i) => (
        <p key={`e${i.code}${i.path}`} className="field-message is-error" data-testid="field-error" data-code={i.code} title={i.path}>
          <code>{i.code}</code> {i.message}
        </p>
      ))}
      {warnings.map((i) => (
        <p key={`w${i.code}${i.path}`} className="field-message is-warning" data-testid="field-warning" data-code={i.code} title={i.path}>
          <code>{i.code}</code> {i.message}
        </p>
      ))}
    </div>
  );
}

function placeholderText(value: unknown, fallback?: string): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  return fallback ?? '';
}

interface RowProps {
  label: string;
  unit?: string;
  hint?: string;
  inputId: string;
  path: Path;
  children: ReactNode;
}

/** Label, control, unit, then the messages for this field: errors, and warnings apart. */
function FieldRow({ label, unit, hint, inputId, path, children }: RowProps) {
  const { errors, warnings } = useFieldIssues(path);
  const tone = errors.length ? ' has-error' : warnings.length ? ' has-warning' : '';
  const messagesId = `${inputId}-messages`;
  const hasMessages = errors.length + warnings.length > 0;
  return (
    <div className={`field${tone}`} data-field={pathKey(path)}>
      <label htmlFor={inputId} className="field-label" title={hint}>
        {label}
      </label>
      <div className="field-control">
        <FieldA11yContext.Provider value={{ invalid: errors.length > 0, describedBy: hasMessages ? messagesId : undefined }}>{children}</FieldA11yContext.Provider>
        {/* Always there, so every control in a column ends at the same edge. */}
        <span className="field-unit">{unit}</span>
      </div>
      <Messages errors={errors} warnings={warnings} id={messagesId} />
    </div>
  );
}

function display(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A committed-on-blur text box; `parse` turns the typed text into the stored value. */
function DraftInput(props: {
  id: string;
  path: Path;
  value: unknown;
  placeholder: string;
  parse: (text: string) => unknown;
  inputMode?: 'decimal' | 'numeric' | 'text';
  onCommit?: (value: unknown) => void;
  list?: string;
  multiline?: boolean;
}) {
  const { commit } = useInspector();
  const store = useEditorStoreApi();
  const a11y = useFieldA11y();
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? display(props.value);
  /** Ctrl/⌘+Z and redo in a field: see the note at the top of this file. True when handled. */
  const undoKeys = (e: KeyboardEvent) => {
    const mod = isMac() ? e.metaKey : e.ctrlKey;
    const key = e.key.toLowerCase();
    const undo = mod && key === 'z' && !e.shiftKey;
    const redo = (mod && key === 'z' && e.shiftKey) || (mod && key === 'y');
    if (!undo && !redo) return false;
    e.preventDefault();
    e.stopPropagation();
    const dirty = draft !== null && draft !== display(props.value);
    if (dirty) {
      if (undo) setDraft(null);
    } else {
      setDraft(null);
      if (undo) store.getState().undo();
      else store.getState().redo();
    }
    return true;
  };
  const save = () => {
    if (draft === null) return;
    setDraft(null);
    const next = props.parse(draft);
    if (props.onCommit) props.onCommit(next);
    else commit(props.path, next);
  };
  const common = {
    id: props.id,
    'data-testid': `field-${pathKey(props.path)}`,
    className: 'field-input',
    value: shown,
    placeholder: props.placeholder,
    spellCheck: false,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: save,
    ...a11y,
  };
  if (props.multiline) {
    return (
      <textarea
        {...common}
        rows={3}
        onKeyDown={(e) => {
          if (undoKeys(e)) return;
          if (e.key === 'Escape') setDraft(null);
        }}
      />
    );
  }
  return (
    <input
      {...common}
      type="text"
      autoComplete="off"
      inputMode={props.inputMode}
      list={props.list}
      // Typing a number replaces it, as in a spreadsheet cell.
      onFocus={props.inputMode === 'decimal' ? (e) => e.currentTarget.select() : undefined}
      onKeyDown={(e) => {
        if (undoKeys(e)) return;
        if (e.key === 'Enter') save();
        else if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}

/** Empty text means "not set" (the catalog value applies); anything else that is not a number is kept as typed. */
export function parseNumber(text: string): unknown {
  const t = text.trim().replace(/[,_\s]/g, '');
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) ? n : text.trim();
}

/**
 * An availability: a fraction (0.9995) or a percentage with its sign ("99.95 %", "99.95%"), stored
 * as the fraction. A bare 99.95 is kept as typed, so validation says it is out of range rather
 * than the field guessing.
 */
export function parseAvailability(text: string): unknown {
  const t = text.trim();
  const percent = /^([-+]?(?:\d+\.?\d*|\.\d+))\s*%$/.exec(t.replace(/[,_]/g, ''));
  if (percent) return Number((Number(percent[1]) / 100).toPrecision(12));
  return parseNumber(t);
}

export function NumberField(props: { path: Path; label: string; unit?: string; hint?: string; placeholder?: string; onCommit?: (v: unknown) => void; parse?: (text: string) => unknown }) {
  const { record, defaults } = useInspector();
  const id = useId();
  const fallback = getIn(defaults, props.path);
  return (
    <FieldRow label={props.label} unit={props.unit} hint={props.hint} inputId={id} path={props.path}>
      <DraftInput
        id={id}
        path={props.path}
        value={getIn(record, props.path)}
        placeholder={placeholderText(fallback, props.placeholder)}
        parse={props.parse ?? parseNumber}
        inputMode="decimal"
        onCommit={props.onCommit}
      />
    </FieldRow>
  );
}

export function TextField(props: { path: Path; label: string; hint?: string; placeholder?: string; suggestions?: readonly string[]; multiline?: boolean; required?: boolean; onCommit?: (v: unknown) => void }) {
  const { record, defaults } = useInspector();
  const id = useId();
  const listId = `${id}-list`;
  return (
    <FieldRow label={props.label} hint={props.hint} inputId={id} path={props.path}>
      <DraftInput
        id={id}
        path={props.path}
        value={getIn(record, props.path)}
        placeholder={placeholderText(getIn(defaults, props.path), props.placeholder)}
        // An optional text left empty is removed; a required one is kept empty so validation says so.
        parse={(t) => (t === '' && !props.required ? undefined : t)}
        list={props.suggestions ? listId : undefined}
        multiline={props.multiline}
        onCommit={props.onCommit}
      />
      {props.suggestions && (
        <datalist id={listId}>
          {props.suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
    </FieldRow>
  );
}

export interface Option {
  value: string;
  label: string;
}

const DEFAULT_VALUE = '\u0000default';

/**
 * A choice among fixed values. With `defaultLabel` the first entry leaves the field unset; a stored
 * value outside the options is still shown (as itself) so the user sees what the file says.
 */
export function SelectField(props: { path: Path; label: string; options: readonly Option[]; defaultLabel?: string; hint?: string; value?: string; onCommit?: (v: unknown) => void }) {
  const { record, defaults, commit } = useInspector();
  const id = useId();
  const value = props.value ?? getIn(record, props.path);
  const current = value === undefined ? DEFAULT_VALUE : String(value);
  const known = props.options.some((o) => o.value === current) || current === DEFAULT_VALUE;
  const fallback = getIn(defaults, props.path);
  return (
    <FieldRow label={props.label} hint={props.hint} inputId={id} path={props.path}>
      <SelectControl
        id={id}
        testId={`field-${pathKey(props.path)}`}
        value={current}
        onChange={(e) => {
          const next = e.target.value === DEFAULT_VALUE ? undefined : e.target.value;
          if (props.onCommit) props.onCommit(next);
          else commit(props.path, next);
        }}
      >
        {props.defaultLabel !== undefined && (
          <option value={DEFAULT_VALUE}>
            {props.defaultLabel}
            {fallback !== undefined && typeof fallback !== 'object' ? ` (${placeholderText(fallback)})` : ''}
          </option>
        )}
        {!known && <option value={current}>{current}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectControl>
    </FieldRow>
  );
}

/** A select that carries its field's aria-invalid / aria-describedby. */
function SelectControl(props: { id: string; testId: string; value: string; onChange: (e: { target: { value: string } }) => void; children: ReactNode }) {
  const a11y = useFieldA11y();
  return (
    <select id={props.id} className="field-input" data-testid={props.testId} value={props.value} onChange={props.onChange} {...a11y}>
      {props.children}
    </select>
  );
}

/** An optional yes/no: unset (the catalog's answer), yes or no. */
export function BoolField(props: { path: Path; label: string; hint?: string; required?: boolean }) {
  const { record, defaults, commit } = useInspector();
  const id = useId();
  const value = getIn(record, props.path);
  const fallback = getIn(defaults, props.path);
  const current = value === undefined ? DEFAULT_VALUE : String(value);
  return (
    <FieldRow label={props.label} hint={props.hint} inputId={id} path={props.path}>
      <SelectControl
        id={id}
        testId={`field-${pathKey(props.path)}`}
        value={current}
        onChange={(e) => commit(props.path, e.target.value === DEFAULT_VALUE ? undefined : e.target.value === 'true')}
      >
        {!props.required && <option value={DEFAULT_VALUE}>Default{typeof fallback === 'boolean' ? ` (${fallback ? 'yes' : 'no'})` : ''}</option>}
        {typeof value !== 'boolean' && value !== undefined && <option value={current}>{current}</option>}
        <option value="true">Yes</option>
        <option value="false">No</option>
      </SelectControl>
    </FieldRow>
  );
}

/** A titled group of fields; `hint` says in one line what the group models. */
export function Section({ title, hint, children, testId, aside }: { title: string; hint?: string; children: ReactNode; testId?: string; aside?: ReactNode }) {
  return (
    <section className="inspector-section" data-testid={testId}>
      <header className="inspector-section-title">
        <span>{title}</span>
        {aside}
      </header>
      {hint && <p className="inspector-hint">{hint}</p>}
      {children}
    </section>
  );
}

/**
 * A group that exists only when the plan asks for it (autoscaling, probes, a custom reliability):
 * a switch adds it with working values or removes it; its fields appear while it is on.
 */
export function OptionalSection(props: { path: Path; title: string; hint?: string; offText: string; make: () => unknown; children: ReactNode }) {
  const { record, commit } = useInspector();
  const on = getIn(record, props.path) !== undefined;
  // Off, the group shows whatever points into it; on, its fields do (and the record lists the rest).
  const { errors, warnings } = useFieldIssues(props.path, !on);
  return (
    <Section
      title={props.title}
      hint={props.hint}
      testId={`section-${pathKey(props.path)}`}
      aside={
        <label className="switch" title={on ? 'Remove: use the catalog / no such mechanism' : 'Add with starting values'}>
          <input
            type="checkbox"
            role="switch"
            data-testid={`toggle-${pathKey(props.path)}`}
            checked={on}
            onChange={(e) => commit(props.path, e.target.checked ? props.make() : undefined)}
          />
          <span className="switch-track" aria-hidden="true" />
          <span className="switch-text">{on ? 'On' : 'Off'}</span>
        </label>
      }
    >
      {on ? props.children : <p className="inspector-off">{props.offText}</p>}
      {!on && <Messages errors={errors} warnings={warnings} />}
    </Section>
  );
}
