import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { t } from '../../i18n';
import { problemMessage, settle, type AdminProblem } from '../common/problem';
import { ErrorAlert, StatusRegion } from '../common/StatusMessages';
import { ManagedElsewhere, useManagesUsers } from '../common/directory';
import type { UserList } from '../common/types';
import UserCreateForm from './UserCreateForm';
import UserStatusBadges from './UserStatusBadges';

const PER_PAGE = 20;

/** The directory's users: search, pages of results, and "new user". */
export default function UsersPage() {
  const navigate = useNavigate();
  const [searchText, setSearchText] = useState('');
  const [query, setQuery] = useState({ search: '', page: 1 });
  const [list, setList] = useState<UserList | null>(null);
  const [problem, setProblem] = useState<AdminProblem | null>(null);
  const [creating, setCreating] = useState(false);
  const managesUsers = useManagesUsers();

  useEffect(() => {
    let current = true;
    void settle(
      api.GET('/api/v1/admin/users', {
        params: { query: { search: query.search, page: query.page, per_page: PER_PAGE } },
      }),
    ).then((result) => {
      if (!current) return;
      if (result.ok) {
        setList(result.data);
        setProblem(null);
      } else {
        setProblem(result.problem);
      }
    });
    return () => {
      current = false;
    };
  }, [query]);

  const pages = list === null ? 1 : Math.max(1, Math.ceil(list.total / Math.max(1, list.per_page)));

  return (
    <section aria-labelledby="admin-users-heading">
      <h2 id="admin-users-heading">{t('admin.users.title')}</h2>
      <div className="admin-toolbar">
        <form
          role="search"
          className="admin-inline"
          onSubmit={(event) => {
            event.preventDefault();
            setQuery({ search: searchText.trim(), page: 1 });
          }}
        >
          <div className="admin-field">
            <label htmlFor="admin-users-search">{t('admin.users.search')}</label>
            <input
              id="admin-users-search"
              type="search"
              value={searchText}
              onChange={(event) => setSearchText(event.target.value)}
            />
          </div>
          <button type="submit" className="admin-button">
            {t('admin.common.search')}
          </button>
        </form>
        {!creating && managesUsers === true && (
          <button type="button" className="admin-button admin-button-primary" onClick={() => setCreating(true)}>
            {t('admin.users.create')}
          </button>
        )}
      </div>
      {managesUsers === false && <ManagedElsewhere />}
      {creating && managesUsers === true && (
        <UserCreateForm onCreated={(user) => navigate(user.user_id)} onCancel={() => setCreating(false)} />
      )}
      {problem !== null && <ErrorAlert message={problemMessage(problem)} />}
      <StatusRegion
        message={
          list === null
            ? problem === null
              ? t('admin.common.loading')
              : ''
            : t('admin.users.count', { count: list.total })
        }
      />
      {list !== null && list.items.length > 0 && (
        <div className="admin-table-wrap" role="region" aria-label={t('admin.users.title')} tabIndex={0}>
          <table className="admin-table">
            <caption className="admin-visually-hidden">{t('admin.users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.user.username')}</th>
                <th scope="col">{t('admin.user.displayName')}</th>
                <th scope="col">{t('admin.user.email')}</th>
                <th scope="col">{t('admin.user.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((user) => (
                <tr key={user.user_id}>
                  <td>
                    <Link to={user.user_id}>{user.username}</Link>
                  </td>
                  <td>{user.display_name}</td>
                  <td>{user.email}</td>
                  <td>
                    <UserStatusBadges user={user} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list !== null && list.items.length === 0 && <p>{t('admin.users.none')}</p>}
      {list !== null && pages > 1 && (
        <nav className="admin-pager" aria-label={t('admin.common.pages')}>
          <button
            type="button"
            className="admin-button"
            disabled={query.page <= 1}
            onClick={() => setQuery((q) => ({ ...q, page: q.page - 1 }))}
          >
            {t('admin.common.previous')}
          </button>
          <span>{t('admin.common.pageOf', { page: query.page, pages })}</span>
          <button
            type="button"
            className="admin-button"
            disabled={query.page >= pages}
            onClick={() => setQuery((q) => ({ ...q, page: q.page + 1 }))}
          >
            {t('admin.common.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
