import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { t } from '../../i18n';
import {
  firstPolicyErrorTab,
  placeFieldErrors,
  policyErrorCounts,
  policyFieldTarget,
  type PolicyTabId,
} from '../common/fieldErrors';
import { FieldErrorsContext } from '../common/FieldErrorsContext';
import { problemMessage, settle, type AdminProblem, type FieldErrorItem, type Settled } from '../common/problem';
import { ErrorAlert, StatusRegion } from '../common/StatusMessages';
import { Tabs, type TabDefinition } from '../common/Tabs';
import type { Group, Policy, PolicyImpact } from '../common/types';
import PolicyCustomizationTab from './PolicyCustomizationTab';
import PolicyImpactPanel from './PolicyImpactPanel';
import PolicyMethodsTab from './PolicyMethodsTab';
import PolicyNotificationsTab from './PolicyNotificationsTab';
import PolicyPasswordTab from './PolicyPasswordTab';
import PolicyPropertiesTab from './PolicyPropertiesTab';
import PolicyRegistrationTab from './PolicyRegistrationTab';

const TAB_IDS: readonly PolicyTabId[] = [
  'properties',
  'methods',
  'registration',
  'notifications',
  'customization',
  'password',
];

/** The numeric fields, by path, so that a cleared or non-numeric input is caught before sending. */
const NUMBER_FIELDS: readonly [string, (p: Policy) => number][] = [
  ['methods_required', (p) => p.methods_required],
  ['security_questions.register_count', (p) => p.security_questions.register_count],
  ['security_questions.reset_count', (p) => p.security_questions.reset_count],
  ['registration.reconfirm_days', (p) => p.registration.reconfirm_days],
  ['recovery_cooldown_hours', (p) => p.recovery_cooldown_hours],
  ['password.min_length', (p) => p.password.min_length],
  ['password.max_length', (p) => p.password.max_length],
  ['password.min_strength', (p) => p.password.min_strength],
  ['password.history', (p) => p.password.history],
];

/** Errors the browser can see without asking the API: numbers that are not whole numbers. */
export function localPolicyErrors(policy: Policy): FieldErrorItem[] {
  return NUMBER_FIELDS.filter(([, read]) => !Number.isInteger(read(policy))).map(([field]) => ({
    field,
    code: 'not_a_number',
    message: t('admin.policy.wholeNumber'),
  }));
}

interface Fetched {
  policy: Settled<Policy>;
  groups: Group[] | null;
}

/** The policy in force (with its version) and the groups the scope can name. */
async function fetchPolicy(): Promise<Fetched> {
  const [policy, groups] = await Promise.all([
    settle(api.GET('/api/v1/admin/policy')),
    settle(api.GET('/api/v1/admin/groups')),
  ]);
  return { policy, groups: groups.ok ? groups.data.items : null };
}

type Phase = 'editing' | 'checking' | 'reviewing' | 'saving';

interface Loaded {
  policy: Policy;
  /** The `ETag` of the version being edited, sent back as `If-Match`. */
  etag: string | null;
}

/** The self-service password reset policy, one tab per section, saved as one document. */
export default function PolicyPage() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [draft, setDraft] = useState<Policy | null>(null);
  const [groups, setGroups] = useState<Group[] | null>(null);
  const [loadProblem, setLoadProblem] = useState<AdminProblem | null>(null);
  const [generation, setGeneration] = useState(0);
  const [tab, setTab] = useState<PolicyTabId>('properties');
  const [errors, setErrors] = useState<FieldErrorItem[]>([]);
  const [problem, setProblem] = useState<AdminProblem | null>(null);
  const [impact, setImpact] = useState<PolicyImpact | null>(null);
  const [phase, setPhase] = useState<Phase>('editing');
  const [status, setStatus] = useState('');
  const [focusId, setFocusId] = useState<string | null>(null);

  const apply = useCallback((fetched: Fetched) => {
    setGroups(fetched.groups);
    if (!fetched.policy.ok) {
      setLoadProblem(fetched.policy.problem);
      return;
    }
    setLoadProblem(null);
    setLoaded({ policy: fetched.policy.data, etag: fetched.policy.response.headers.get('ETag') });
    setDraft(fetched.policy.data);
    setGeneration((g) => g + 1);
    setErrors([]);
    setProblem(null);
    setImpact(null);
    setPhase('editing');
  }, []);

  const load = () => void fetchPolicy().then(apply);

  useEffect(() => {
    let current = true;
    void fetchPolicy().then((fetched) => {
      if (current) apply(fetched);
    });
    return () => {
      current = false;
    };
  }, [apply]);

  // After a failed save the first invalid input gets the focus, once its tab is on screen.
  useEffect(() => {
    if (focusId === null) return;
    document.getElementById(focusId)?.focus();
  }, [focusId, tab]);

  function update(change: (policy: Policy) => Policy) {
    setDraft((current) => (current === null ? current : change(current)));
    // What the impact panel showed no longer matches the document.
    setImpact(null);
    setPhase('editing');
  }

  function showFieldErrors(fieldErrors: FieldErrorItem[]) {
    setErrors(fieldErrors);
    const first = firstPolicyErrorTab(fieldErrors);
    if (first !== null) setTab(first);
    const firstPlaced = fieldErrors.map((e) => policyFieldTarget(e.field)).find((target) => target !== null);
    setFocusId(firstPlaced ? firstPlaced.inputId : null);
    // The alert above the form says it; the status region stays quiet so it is not read twice.
    setStatus('');
  }

  function fail(failure: AdminProblem) {
    setPhase('editing');
    if (failure.status === 422 && failure.fieldErrors.length > 0) {
      showFieldErrors(failure.fieldErrors);
    } else {
      setProblem(failure);
      setStatus('');
    }
  }

  async function review() {
    if (draft === null) return;
    setProblem(null);
    setStatus('');
    const local = localPolicyErrors(draft);
    if (local.length > 0) {
      showFieldErrors(local);
      return;
    }
    setPhase('checking');
    const result = await settle(api.POST('/api/v1/admin/policy/impact', { body: draft }));
    if (!result.ok) {
      fail(result.problem);
      return;
    }
    setErrors([]);
    setFocusId(null);
    setImpact(result.data);
    setPhase('reviewing');
  }

  async function save() {
    if (draft === null || loaded === null) return;
    setPhase('saving');
    const result = await settle(
      api.PUT('/api/v1/admin/policy', {
        body: draft,
        params: { header: loaded.etag === null ? {} : { 'If-Match': loaded.etag } },
      }),
    );
    if (!result.ok) {
      setImpact(null);
      fail(result.problem);
      return;
    }
    setLoaded({ policy: result.data, etag: result.response.headers.get('ETag') });
    setDraft(result.data);
    setGeneration((g) => g + 1);
    setErrors([]);
    setFocusId(null);
    setImpact(null);
    setPhase('editing');
    setStatus(t('admin.policy.saved'));
  }

  if (draft === null) {
    return (
      <section aria-labelledby="admin-policy-heading">
        <h2 id="admin-policy-heading">{t('admin.policy.title')}</h2>
        {loadProblem === null ? (
          <StatusRegion message={t('admin.common.loading')} />
        ) : (
          <ErrorAlert message={problemMessage(loadProblem)}>
            <button type="button" className="admin-button" onClick={load}>
              {t('admin.common.retry')}
            </button>
          </ErrorAlert>
        )}
      </section>
    );
  }

  const placed = placeFieldErrors(errors, (field) => policyFieldTarget(field)?.inputId ?? null);
  const counts = policyErrorCounts(errors);
  const tabs: TabDefinition<PolicyTabId>[] = TAB_IDS.map((id) => ({
    id,
    label: t(`admin.policy.tab.${id}`),
    badge: counts[id] ? t('admin.policy.tabErrors', { count: counts[id] }) : undefined,
  }));
  const tabProps = { policy: draft, update };
  const conflict = problem?.code === 'version_conflict';

  return (
    <section aria-labelledby="admin-policy-heading">
      <h2 id="admin-policy-heading">{t('admin.policy.title')}</h2>
      <p className="admin-hint">{t('admin.policy.adminsStrict')}</p>
      <StatusRegion message={status} />
      {conflict && (
        <ErrorAlert message={t('admin.problem.version_conflict')}>
          <button type="button" className="admin-button" onClick={load}>
            {t('admin.policy.reload')}
          </button>
        </ErrorAlert>
      )}
      {problem !== null && !conflict && <ErrorAlert message={problemMessage(problem)} />}
      {errors.length > 0 && (
        <div className="admin-alert" role="alert">
          <p>{t('admin.policy.notSaved', { count: errors.length })}</p>
          {placed.unplaced.length > 0 && (
            <ul>
              {placed.unplaced.map((error, index) => (
                <li key={index}>
                  <code>{error.field}</code>: {error.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <FieldErrorsContext.Provider value={placed.byInput}>
        <form
          className="admin-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void review();
          }}
        >
          <Tabs idPrefix="policy" label={t('admin.policy.sections')} tabs={tabs} selected={tab} onSelect={setTab}>
            {tab === 'properties' && <PolicyPropertiesTab key={generation} {...tabProps} groups={groups} />}
            {tab === 'methods' && <PolicyMethodsTab key={generation} {...tabProps} />}
            {tab === 'registration' && <PolicyRegistrationTab key={generation} {...tabProps} />}
            {tab === 'notifications' && <PolicyNotificationsTab key={generation} {...tabProps} />}
            {tab === 'customization' && <PolicyCustomizationTab key={generation} {...tabProps} />}
            {tab === 'password' && <PolicyPasswordTab key={generation} {...tabProps} />}
          </Tabs>
          {impact === null && (
            <div className="admin-actions">
              <button type="submit" className="admin-button admin-button-primary" disabled={phase === 'checking'}>
                {phase === 'checking' ? t('admin.impact.checking') : t('admin.policy.review')}
              </button>
              <button
                type="button"
                className="admin-button"
                onClick={() => {
                  setDraft(loaded?.policy ?? draft);
                  setGeneration((g) => g + 1);
                  setErrors([]);
                  setProblem(null);
                  setStatus(t('admin.policy.discarded'));
                }}
              >
                {t('admin.policy.discard')}
              </button>
            </div>
          )}
        </form>
      </FieldErrorsContext.Provider>
      {impact !== null && (
        <PolicyImpactPanel
          impact={impact}
          saving={phase === 'saving'}
          onConfirm={() => void save()}
          onCancel={() => {
            setImpact(null);
            setPhase('editing');
          }}
        />
      )}
    </section>
  );
}
