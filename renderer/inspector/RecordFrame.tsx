/**
 * The frame every inspector shares: it finds the record's messages in the plan's validation (by the
 * record's position in its list), supplies the catalog defaults, and lists the messages no field
 * shows (about the record as a whole) above the fields.
 */
import { useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import type { Issue } from '../../sim/model/issues';
import { resolvePlan, type ResolvedPlan } from '../../sim/model/resolve';
import type { Plan } from '../../sim/model/schema';
import { usePlanValidation } from '../app/usePlanValidation';
import { useEditor } from '../store/EditorStoreContext';
import type { Collection } from '../store/records';
import { selectPlan } from '../store/selectors';
import { InspectorProvider, useInspector, type LocalIssue } from './context';
import { Messages } from './fields';
import { startsWith, type Path } from './paths';

const resolvedCache = new WeakMap<Plan, ResolvedPlan | null>();

/**
 * The plan with catalog values filled in, for placeholders. Validation resolves only valid plans;
 * an invalid one (the user is mid-edit) is resolved as far as it goes, and when even that fails the
 * placeholders are simply empty.
 */
export function useResolvedPlan(): ResolvedPlan | undefined {
  const plan = useEditor(selectPlan);
  const validation = usePlanValidation();
  if (validation.resolved) return validation.resolved;
  let resolved = resolvedCache.get(plan);
  if (resolved === undefined) {
    try {
      resolved = resolvePlan(plan);
    } catch {
      resolved = null;
    }
    resolvedCache.set(plan, resolved);
  }
  return resolved ?? undefined;
}

function localIssues(issues: readonly Issue[], base: Path): LocalIssue[] {
  return issues.filter((i) => startsWith(i.pathSegments, base)).map((i) => ({ ...i, rel: i.pathSegments.slice(base.length) }));
}

export function RecordFrame(props: { collection: Collection; id: string; record: unknown; base: Path; defaults: unknown; filter?: (i: Issue) => boolean; children: ReactNode }) {
  const validation = usePlanValidation();
  const { collection, id, record, defaults, filter } = props;
  // Callers rebuild `base` on every render; its content is what matters.
  const baseKey = JSON.stringify(props.base);
  const target = useMemo(() => {
    const base = JSON.parse(baseKey) as Path;
    const keep = filter ?? (() => true);
    return {
      collection,
      id,
      record,
      defaults,
      errors: localIssues(validation.errors.filter(keep), base),
      warnings: localIssues(validation.warnings.filter(keep), base),
    };
  }, [collection, id, record, defaults, validation, baseKey, filter]);
  return (
    <InspectorProvider target={target}>
      <RecordMessages />
      {props.children}
    </InspectorProvider>
  );
}

/** Messages that point at the record itself or at a field no control shows. */
function RecordMessages() {
  const ctx = useInspector();
  const [shown, setShown] = useState<{ key: string; errors: LocalIssue[]; warnings: LocalIssue[] }>({ key: '', errors: [], warnings: [] });
  // After the fields have rendered (and said which paths they show), keep what none of them shows.
  useLayoutEffect(() => {
    const claimed = [...ctx.claims].map((k) => JSON.parse(k) as Path);
    const open = (i: LocalIssue) => !claimed.some((c) => startsWith(i.rel, c));
    const errors = ctx.errors.filter(open);
    const warnings = ctx.warnings.filter(open);
    const key = [...errors, ...warnings].map((i) => `${i.code}${i.path}`).join('|');
    if (key !== shown.key) setShown({ key, errors, warnings });
  });
  return <Messages errors={shown.errors} warnings={shown.warnings} testId="record-messages" />;
}
