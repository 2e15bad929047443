// The administrator pages, mounted by the app shell at /admin/*. Routes are relative, so the
// shell decides where the section lives; the API still checks that the caller is an admin.
import { lazy, Suspense } from 'react';
import { Navigate, NavLink, Route, Routes } from 'react-router-dom';
import { t } from '../i18n';
import AuditPage from './audit/AuditPage';
import { DirectoryProvider } from './common/directory';
import GroupDetailPage from './groups/GroupDetailPage';
import GroupsPage from './groups/GroupsPage';
import ApiKeysPage from './keys/ApiKeysPage';
import WebhooksPage from './webhooks/WebhooksPage';
import PolicyPage from './policy/PolicyPage';
import UserDetailPage from './users/UserDetailPage';
import UsersPage from './users/UsersPage';
import './admin.css';

// chart.js is only needed on the activity page, so it is loaded when that page is opened.
const ActivityPage = lazy(() => import('./activity/ActivityPage'));

const SECTIONS = ['policy', 'users', 'groups', 'audit', 'activity', 'keys', 'webhooks'] as const;

function AdminNav() {
  return (
    <nav className="admin-nav" aria-label={t('admin.nav.label')}>
      <ul>
        {SECTIONS.map((section) => (
          <li key={section}>
            <NavLink to={`/admin/${section}`} className={({ isActive }) => (isActive ? 'admin-nav-link active' : 'admin-nav-link')}>
              {t(`admin.nav.${section}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function AdminNotFound() {
  return (
    <section aria-labelledby="admin-not-found-heading">
      <h2 id="admin-not-found-heading">{t('admin.notFound.title')}</h2>
      <p>{t('admin.notFound.body')}</p>
    </section>
  );
}

export default function AdminApp() {
  return (
    <div className="admin">
      <h1 className="admin-title">{t('admin.title')}</h1>
      <AdminNav />
      <div className="admin-content">
        <DirectoryProvider>
          <Suspense fallback={<p role="status">{t('admin.common.loading')}</p>}>
            <Routes>
              <Route index element={<Navigate to="policy" replace />} />
              <Route path="policy" element={<PolicyPage />} />
              <Route path="users" element={<UsersPage />} />
              <Route path="users/:userId" element={<UserDetailPage />} />
              <Route path="groups" element={<GroupsPage />} />
              <Route path="groups/:groupId" element={<GroupDetailPage />} />
              <Route path="audit" element={<AuditPage />} />
              <Route path="activity" element={<ActivityPage />} />
              <Route path="keys" element={<ApiKeysPage />} />
              <Route path="webhooks" element={<WebhooksPage />} />
              <Route path="*" element={<AdminNotFound />} />
            </Routes>
          </Suspense>
        </DirectoryProvider>
      </div>
    </div>
  );
}
