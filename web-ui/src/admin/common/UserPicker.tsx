import { useState, type KeyboardEvent } from 'react';
import { api } from '../../api/client';
import { t } from '../../i18n';
import { problemMessage, settle, type AdminProblem } from './problem';
import type { User } from './types';

interface Props {
  /** Prefix for the ids inside, so that two pickers can share a page. */
  id: string;
  label: string;
  /** The words on each result's button, e.g. "Add" or "Choose". */
  actionLabel: (user: User) => string;
  onPick: (user: User) => void;
  /** Users that are not offered (already members). */
  excludeIds?: readonly string[];
}

/**
 * Finds users by name with the users endpoint and offers each result with a button. Not a
 * <form> of its own, so that it can sit inside another form: Enter in the box searches.
 */
export default function UserPicker({ id, label, actionLabel, onPick, excludeIds = [] }: Props) {
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<User[] | null>(null);
  const [problem, setProblem] = useState<AdminProblem | null>(null);
  const [busy, setBusy] = useState(false);

  async function find() {
    setBusy(true);
    const result = await settle(
      api.GET('/api/v1/admin/users', { params: { query: { search: search.trim(), page: 1, per_page: 10 } } }),
    );
    setBusy(false);
    if (result.ok) {
      setProblem(null);
      setResults(result.data.items);
    } else {
      setProblem(result.problem);
      setResults(null);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      void find();
    }
  }

  const shown = results?.filter((user) => !excludeIds.includes(user.user_id)) ?? null;
  const inputId = `${id}-search`;

  return (
    <div className="admin-user-picker">
      <div className="admin-inline">
        <div className="admin-field">
          <label htmlFor={inputId}>{label}</label>
          <input
            id={inputId}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            onKeyDown={onKeyDown}
          />
        </div>
        <button type="button" className="admin-button" disabled={busy} onClick={() => void find()}>
          {t('admin.common.search')}
        </button>
      </div>
      <p className="admin-status" role="status" aria-live="polite">
        {busy
          ? t('admin.common.searching')
          : shown === null
            ? ''
            : t('admin.picker.results', { count: shown.length })}
      </p>
      {problem !== null && <p className="admin-field-errors">{problemMessage(problem)}</p>}
      {shown !== null && shown.length > 0 && (
        <ul className="admin-picker-results">
          {shown.map((user) => (
            <li key={user.user_id}>
              <span>
                {user.display_name} <span className="admin-muted">({user.username})</span>
              </span>
              <button type="button" className="admin-button" onClick={() => onPick(user)}>
                {actionLabel(user)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
