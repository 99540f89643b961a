// Administration: imports, and users with their roles. Administrators only;
// everyone else gets the no-access page (the server refuses them too).

import { Link } from '../lib/router';
import { isAdministrator, useSession } from '../lib/session';
import { usePageTitle } from '../lib/useAsync';
import { AdminImport } from './AdminImport';
import { AdminUsers } from './AdminUsers';
import { Forbidden, NotFound } from './Simple';

const SECTIONS = [
  { path: '/admin/import', label: 'Import data' },
  { path: '/admin/users', label: 'Users and roles' },
];

export function Admin({ path }: { path: string }) {
  usePageTitle('Administration');
  const { user } = useSession();
  if (!isAdministrator(user)) return <Forbidden />;
  const section = path === '/admin' ? '/admin/import' : path;
  if (!SECTIONS.some((s) => s.path === section)) return <NotFound />;
  return (
    <>
      <header class="page-header">
        <h1>Administration</h1>
        <p class="page-header__lead">Bring data in from your HR systems and manage who can sign in.</p>
      </header>
      <nav class="tabs" aria-label="Administration sections">
        {SECTIONS.map((s) => (
          <Link key={s.path} href={s.path} class="tabs__tab" aria-current={s.path === section ? 'page' : undefined}>
            {s.label}
          </Link>
        ))}
      </nav>
      {section === '/admin/import' ? <AdminImport /> : <AdminUsers />}
    </>
  );
}
