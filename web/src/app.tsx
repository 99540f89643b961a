// The application: checks the session, shows sign-in or the signed-in shell,
// and routes the address to a page.

import { useEffect, useRef, useState } from 'preact/hooks';
import { api, setCsrfToken, setUnauthorizedHandler } from './api/client';
import { INBOX_CHANGED, inboxApi } from './api/feedback-client';
import type { SessionInfo } from './api/types';
import { useClientsAccess } from './components/network';
import { useStaffingAccess } from './components/staffing';
import { Loading } from './components/status';
import { Link, matchPath, navigate, useLocation, type Location } from './lib/router';
import { isAdministrator, roleLabel, SessionContext, useSession } from './lib/session';
import { Admin } from './pages/Admin';
import { Brief } from './pages/Brief';
import { Checkin } from './pages/Checkin';
import { Checkins } from './pages/Checkins';
import { Client, Clients } from './pages/Clients';
import { AskFeedback, FeedbackRequestPage, MyFeedback } from './pages/Feedback';
import { FirmNetwork } from './pages/FirmNetwork';
import { Finder } from './pages/Finder';
import { Growth } from './pages/Growth';
import { Home } from './pages/Home';
import { Inbox } from './pages/Inbox';
import { Leadership } from './pages/Leadership';
import { Market } from './pages/Market';
import { MyGoals } from './pages/MyGoals';
import { Openings } from './pages/Openings';
import { People } from './pages/People';
import { Person } from './pages/Person';
import { NotFound } from './pages/Simple';
import { SignIn } from './pages/SignIn';
import { Staffing } from './pages/Staffing';
import { Team } from './pages/Team';
import { TeamCheckins } from './pages/TeamCheckins';
import { TeamFormation } from './pages/TeamFormation';
import { TeamNetwork } from './pages/TeamNetwork';
import { Teams } from './pages/Teams';

const SIGN_IN_PATH = '/signin';

type SessionState = { status: 'checking' } | { status: 'anonymous' } | { status: 'signed-in'; session: SessionInfo };

/** Where to go after sign-in: only paths on this site. */
function safeNext(location: Location): string {
  const next = location.query.get('next') ?? '/';
  return next.startsWith('/') && !next.startsWith('//') && !next.startsWith(SIGN_IN_PATH) ? next : '/';
}

function signInAddress(): string {
  const here = window.location.pathname + window.location.search;
  return here === '/' || here.startsWith(SIGN_IN_PATH) ? SIGN_IN_PATH : `${SIGN_IN_PATH}?next=${encodeURIComponent(here)}`;
}

function routePage(path: string) {
  if (path === '/') return <Home />;
  if (path === '/people') return <People />;
  if (path === '/teams') return <Teams />;
  if (path === '/growth') return <Growth />;
  if (path === '/goals') return <MyGoals />;
  if (path === '/openings') return <Openings />;
  if (path === '/checkins') return <Checkins />;
  if (path === '/inbox') return <Inbox />;
  if (path === '/feedback') return <MyFeedback />;
  if (path === '/feedback/ask') return <AskFeedback />;
  if (path === '/finder') return <Finder />;
  if (path === '/market') return <Market />;
  if (path === '/staffing') return <Staffing />;
  if (path === '/network') return <FirmNetwork />;
  if (path === '/clients') return <Clients />;
  if (path === '/team-formation') return <TeamFormation />;
  if (path === '/admin' || path.startsWith('/admin/')) return <Admin path={path} />;
  const person = matchPath('/people/:id', path);
  if (person) return <Person id={person.id} />;
  const growth = matchPath('/people/:id/growth', path);
  if (growth) return <Growth id={growth.id} />;
  const team = matchPath('/teams/:id', path);
  if (team) return <Team id={team.id} />;
  const feedbackRequest = matchPath('/feedback/:id', path);
  if (feedbackRequest) return <FeedbackRequestPage id={feedbackRequest.id} />;
  const checkin = matchPath('/checkins/:id', path);
  if (checkin) return <Checkin id={checkin.id} />;
  const teamCheckins = matchPath('/teams/:id/checkins', path);
  if (teamCheckins) return <TeamCheckins id={teamCheckins.id} />;
  const brief = matchPath('/teams/:id/brief', path);
  if (brief) return <Brief id={brief.id} />;
  const teamNetwork = matchPath('/teams/:id/network', path);
  if (teamNetwork) return <TeamNetwork id={teamNetwork.id} />;
  const client = matchPath('/clients/:id', path);
  if (client) return <Client id={client.id} />;
  const leadership = matchPath('/clients/:id/leadership', path);
  if (leadership) return <Leadership id={leadership.id} />;
  return <NotFound />;
}

type NavItem = { href: string; label: string };

/** The links everyone has, always on the bar; the others (by role) go in the "More" menu when there are two or more. */
const PRIMARY_LINKS: NavItem[] = [
  { href: '/', label: 'Home' },
  { href: '/growth', label: 'My growth' },
  { href: '/goals', label: 'My goals' },
  { href: '/checkins', label: 'Check-ins' },
  { href: '/people', label: 'People' },
  { href: '/finder', label: 'Find people' },
  { href: '/teams', label: 'Teams' },
];

const isActive = (href: string, path: string) => (href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`));

function NavLink({ href, label, path, onClick }: NavItem & { path: string; onClick?: () => void }) {
  return (
    <Link href={href} class="nav__link" aria-current={isActive(href, path) ? 'page' : undefined} onClick={onClick}>
      {label}
    </Link>
  );
}

/**
 * The less-used links behind a "More" button: a disclosure (button with
 * aria-expanded and aria-controls, then plain links), so Tab, Enter and Space
 * work as everywhere; Escape closes it and returns to the button, as do a
 * click or focus outside it and moving to another page. At phone width the
 * links stand in the nav's scrolling row instead (styles.css).
 */
function MoreMenu({ links, path }: { links: NavItem[]; path: string }) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => setOpen(false), [path]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);
  const current = links.find((l) => isActive(l.href, path));
  return (
    <div
      class={open ? 'nav-more nav-more--open' : 'nav-more'}
      ref={box}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
      onFocusOut={(event) => {
        if (!box.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        type="button"
        ref={button}
        class={current ? 'nav__link nav-more__button nav-more__button--current' : 'nav__link nav-more__button'}
        aria-expanded={open}
        aria-controls="nav-more-links"
        onClick={() => setOpen(!open)}
      >
        More
        {current && <span class="visually-hidden">, current page: {current.label}</span>}
        <svg class="nav-more__chevron" aria-hidden="true" viewBox="0 0 12 12" width="12" height="12" fill="none" stroke="currentColor" stroke-width="1.8">
          <path d="M2.5 4.5 6 8l3.5-3.5" />
        </svg>
      </button>
      <div class="nav-more__links" id="nav-more-links">
        {links.map((l) => (
          <NavLink key={l.href} href={l.href} label={l.label} path={path} onClick={() => setOpen(false)} />
        ))}
      </div>
    </div>
  );
}

/** The unread count of my inbox (null: no inbox, an account linked to no person), read again on every page and when a page changes it. */
function useInboxUnread(path: string): number | null {
  const [unread, setUnread] = useState<number | null>(null);
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    const onChange = () => setChanges((n) => n + 1);
    window.addEventListener(INBOX_CHANGED, onChange);
    return () => window.removeEventListener(INBOX_CHANGED, onChange);
  }, []);
  useEffect(() => {
    const controller = new AbortController();
    inboxApi.page(null, controller.signal).then(
      (page) => setUnread(page.unread),
      () => !controller.signal.aborted && setUnread(null),
    );
    return () => controller.abort();
  }, [path, changes]);
  return unread;
}

function InboxLink({ path }: { path: string }) {
  const unread = useInboxUnread(path);
  if (unread === null) return null;
  const label = unread === 0 ? 'Inbox' : `Inbox, ${unread} unread`;
  return (
    <Link href="/inbox" class="inbox-link" aria-label={label} title={label} aria-current={path === '/inbox' ? 'page' : undefined}>
      <svg class="inbox-link__icon" aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 && (
        <span class="inbox-link__badge" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}

function Header({ path }: { path: string }) {
  const { user, signOut } = useSession();
  const staffing = useStaffingAccess(user);
  const clients = useClientsAccess(user);
  const firmWide = user.role === 'administrator' || user.role === 'firm_leader';
  const more: NavItem[] = [
    { href: '/market', label: 'Skills market' },
    ...(user.person_id ? [{ href: '/openings', label: 'Openings for me' }] : []),
    ...(staffing ? [{ href: '/staffing', label: 'Staffing' }, { href: '/team-formation', label: 'Form a team' }] : []),
    ...(firmWide ? [{ href: '/network', label: 'Network' }] : []),
    ...(clients ? [{ href: '/clients', label: 'Clients' }] : []),
    ...(isAdministrator(user) ? [{ href: '/admin', label: 'Admin' }] : []),
  ];
  const [busy, setBusy] = useState(false);
  return (
    <header class="app-header">
      <div class="app-header__inner">
        {/* Named by its content, "Guild, home", so the name contains the visible text (WCAG 2.5.3); the mark's "G" is drawn by CSS. */}
        <Link href="/" class="brand">
          <span class="brand-mark" aria-hidden="true" />
          <span class="brand-name">Guild</span>
          <span class="visually-hidden">, home</span>
        </Link>
        <nav class="nav" aria-label="Main">
          {PRIMARY_LINKS.map((l) => (
            <NavLink key={l.href} href={l.href} label={l.label} path={path} />
          ))}
          {more.length === 1 ? <NavLink href={more[0].href} label={more[0].label} path={path} /> : <MoreMenu links={more} path={path} />}
        </nav>
        <div class="user-box">
          <InboxLink path={path} />
          <span class="user-box__who">
            <span class="user-box__name">{user.name || user.email}</span>
            <span class="user-box__role">{roleLabel(user.role)}</span>
          </span>
          <button
            type="button"
            class="button button--on-dark button--small"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              signOut().finally(() => setBusy(false));
            }}
          >
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}

function Shell({ path }: { path: string }) {
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // After client-side navigation, move focus to the new page's content.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [path]);
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to main content
      </a>
      <Header path={path} />
      <main id="main" ref={main} tabIndex={-1} class="app-main">
        {routePage(path)}
      </main>
      <footer class="app-footer">Guild · skills, teams and staffing</footer>
    </>
  );
}

export function App() {
  const location = useLocation();
  const [state, setState] = useState<SessionState>({ status: 'checking' });

  const accept = (session: SessionInfo) => {
    setCsrfToken(session.csrf_token);
    setState({ status: 'signed-in', session });
  };
  const drop = () => {
    setCsrfToken(null);
    setState({ status: 'anonymous' });
  };

  useEffect(() => {
    setUnauthorizedHandler(() => {
      drop();
      navigate(signInAddress(), { replace: true });
    });
    api.session().then(accept, drop);
    return () => setUnauthorizedHandler(null);
  }, []);

  const onSignInPage = location.path === SIGN_IN_PATH;
  useEffect(() => {
    if (state.status === 'anonymous' && !onSignInPage) navigate(signInAddress(), { replace: true });
    if (state.status === 'signed-in' && onSignInPage) navigate(safeNext(location), { replace: true });
  }, [state.status, onSignInPage]);

  if (state.status === 'checking') {
    return (
      <div class="boot">
        <Loading label="Opening Guild…" />
      </div>
    );
  }
  if (state.status === 'anonymous') return <SignIn onSignedIn={accept} />;
  if (onSignInPage) return null;

  const signOut = async () => {
    try {
      await api.signOut();
    } catch {
      // The session is gone either way once we forget it here.
    }
    drop();
    navigate(SIGN_IN_PATH, { replace: true });
  };
  return (
    <SessionContext.Provider value={{ user: state.session.user, signOut }}>
      <Shell path={location.path} />
    </SessionContext.Provider>
  );
}
