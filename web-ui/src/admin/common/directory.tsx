// What the directory lets the administration do. People and groups of a directory with tools of
// its own (LDAP, Active Directory) are shown read-only: its own tools change them, and the API
// refuses such changes (409 `directory_read_only`) whatever the page shows.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from '../../api/client';
import { t } from '../../i18n';
import { settle } from './problem';

/** True when people and groups are edited here; null while the directory is being asked. */
const ManagesUsers = createContext<boolean | null>(true);

/** Asks the API once which directory serves the administration's pages. */
export function DirectoryProvider({ children }: { children: ReactNode }) {
  const [managesUsers, setManagesUsers] = useState<boolean | null>(null);
  useEffect(() => {
    let current = true;
    void settle(api.GET('/api/v1/admin/directory')).then((result) => {
      if (!current) return;
      // An answer that says nothing (an older server, a failure) leaves the controls shown.
      setManagesUsers(result.ok ? result.data.capabilities.manages_users : true);
    });
    return () => {
      current = false;
    };
  }, []);
  return <ManagesUsers.Provider value={managesUsers}>{children}</ManagesUsers.Provider>;
}

/** True: editing controls are shown; false: the directory is read-only here; null: not known yet. */
export function useManagesUsers(): boolean | null {
  return useContext(ManagesUsers);
}

/** Said where the editing controls would be, when the directory is read-only here. */
export function ManagedElsewhere() {
  return <p className="admin-hint">{t('admin.directory.managedElsewhere')}</p>;
}
