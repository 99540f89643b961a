// THROWAWAY development mock of the Guild API, for working on the pages and
// taking screenshots before the real server exists. Never used by the
// committed browser tests (web/tests/), which run against `guild serve`.
//
//   node dev/mock-server.mjs [port]     (serves web/dist and /api/v1)

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const LEVELS = ['Awareness', 'Working', 'Practitioner', 'Advanced', 'Expert'];
const FIRST = ['Ada', 'Ben', 'Chloé', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Luca', 'Maya', 'Noah', 'Olga', 'Priya'];
const LAST = ['Okafor', 'Lindqvist', 'Moreau', 'Patel', 'García', 'Haddad', 'Hopper', 'Tanaka', 'Silva', 'Berg', 'Adeyemi', 'Rossi', 'Chen', 'Walsh'];
const PRACTICES = ['Tax', 'Audit', 'Deals', 'Consulting'];
const OFFICES = ['London', 'Paris', 'New York', 'Singapore'];
const GRADES = ['partner', 'director', 'senior manager', 'manager', 'senior associate', 'associate'];
const SKILLS = ['Transfer pricing', 'IFRS 16 leases', 'Financial modelling', 'Client relationship management', 'Data analysis with SQL', 'Negotiation', 'VAT compliance', 'Due diligence', 'Stakeholder communication', 'Python programming'];

const people = Array.from({ length: 60 }, (_, i) => {
  const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
  return {
    id: `p${String(i + 1).padStart(3, '0')}`, name,
    email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`,
    title: ['Partner', 'Director', 'Senior Manager', 'Manager', 'Senior Associate', 'Associate'][Math.min(5, Math.floor(i / 6))],
    grade: GRADES[Math.min(5, Math.floor(i / 6))], practice: PRACTICES[i % 4], office: OFFICES[(i >> 1) % 4],
    manager_id: i < 4 ? null : `p${String(Math.floor(i / 4)).padStart(3, '0')}`,
    weekly_capacity_hours: 40, start_date: `20${10 + (i % 14)}-0${1 + (i % 9)}-01`, end_date: null, tags: i % 5 === 0 ? ['mentor'] : [],
  };
});
const summary = ({ id, name, email, title, grade, practice, office }) => ({ id, name, email, title, grade, practice, office });
const skillsOf = (i) => i === 7 ? [] : SKILLS.filter((_, k) => (i + k) % 3 !== 0).map((s, k) => ({
  skill_id: `firm:${s.toLowerCase().replace(/\W+/g, '-')}`, name: s, level: 1 + ((i + k * 3) % 5),
  level_name: LEVELS[(i + k * 3) % 5], wants_to_grow: (i + k) % 4 === 0, source: 'manager', last_used: '2024-11-01',
}));
const teams = [
  { id: 't1', name: 'Acme Corp account team', purpose: 'Make Acme the best-advised retailer in Europe: one integrated tax and audit view, delivered before each board meeting.', leader_id: 'p001', client_id: 'c1', leadership_team: true },
  { id: 't2', name: 'Transfer pricing centre', purpose: 'Give every engagement a defensible transfer-pricing position within two weeks.', leader_id: 'p002', client_id: null, leadership_team: false },
  { id: 't3', name: 'Data & analytics guild', purpose: '', leader_id: 'p003', client_id: null, leadership_team: false },
];
const members = { t1: ['p001', 'p005', 'p009', 'p013', 'p021', 'p030'], t2: ['p002', 'p010', 'p020'], t3: ['p003', 'p030', 'p040', 'p050'] };
const ROLES = ['Lead partner', 'Engagement manager', 'Senior associate', 'Associate'];
const teamSummary = (t) => ({ ...t, member_count: members[t.id].length });
const users = [
  { id: 'u1', email: 'admin@example.com', person_id: null, name: 'Site Administrator', role: 'administrator', leads_teams: false, password: 'admin-pass' },
  { id: 'u2', email: people[0].email, person_id: 'p001', name: people[0].name, role: 'firm_leader', leads_teams: true, password: 'leader-pass' },
  { id: 'u3', email: people[29].email, person_id: 'p030', name: people[29].name, role: 'member', leads_teams: false, password: 'member-pass' },
];
const sessions = new Map();

const json = (res, status, body) => { res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }); res.end(JSON.stringify(body)); };
const problem = (res, status, title, detail, errors) => { res.writeHead(status, { 'Content-Type': 'application/problem+json' }); res.end(JSON.stringify({ type: `https://guild.dev/problems/${status}`, title, status, detail, errors })); };
const publicUser = ({ password, ...u }) => u;
const readBody = (req) => new Promise((ok) => { const parts = []; req.on('data', (c) => parts.push(c)); req.on('end', () => ok(Buffer.concat(parts).toString('utf8'))); });
const page = (items, url) => { const limit = Number(url.searchParams.get('limit') ?? 50); const from = Number(url.searchParams.get('cursor') ?? 0); const next = from + limit < items.length ? String(from + limit) : null; return { items: items.slice(from, from + limit), next_cursor: next }; };
const visibleTeams = (u) => (u.role === 'member' ? teams.filter((t) => members[t.id].includes(u.person_id)) : teams);

function parseCsv(text) {
  const [head, ...lines] = text.split(/\r?\n/);
  const cols = head.split(',');
  return lines.map((line, i) => ({ line: i + 2, text: line, row: Object.fromEntries(line.split(',').map((v, k) => [cols[k], v])) })).filter((r) => r.text.trim());
}
function validateCsv(text) {
  const errors = [];
  for (const { line, row } of parseCsv(text)) {
    if (!row.id) errors.push({ line, field: 'id', value: '', expected: 'a non-empty id' });
    if (!/^[^@\s]+@[^@\s]+$/.test(row.email ?? '')) errors.push({ line, field: 'email', value: row.email ?? '', expected: 'an email address (local@domain)' });
    if ('weekly_capacity_hours' in row && !(Number(row.weekly_capacity_hours) > 0)) errors.push({ line, field: 'weekly_capacity_hours', value: row.weekly_capacity_hours, expected: 'a number of hours, 0 < hours <= 168' });
    if (row.start_date && !/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(row.start_date)) errors.push({ line, field: 'start_date', value: row.start_date, expected: 'a date YYYY-MM-DD' });
  }
  return errors;
}
const failures = { count: 0 };

async function api(req, res, url) {
  const path = url.pathname.slice('/api/v1'.length);
  const sid = /guild_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  const session = sid && sessions.get(sid);
  if (path === '/session' && req.method === 'POST') {
    const { email, password } = JSON.parse((await readBody(req)) || '{}');
    const u = users.find((x) => x.email === email && x.password === password);
    if (email === 'slow@example.com') return problem(res, 429, 'Too many requests', 'Too many sign-in attempts from this address; try again in 60 seconds.');
    if (!u && ++failures.count > 10) return problem(res, 429, 'Too Many Requests', 'Too many sign-in attempts; try again in 5 minutes.');
    if (!u) return problem(res, 401, 'Unauthorized', 'Wrong email or password.');
    const id = randomBytes(12).toString('hex'); const csrf = randomBytes(12).toString('hex');
    sessions.set(id, { user: u, csrf });
    res.setHeader('Set-Cookie', `guild_session=${id}; HttpOnly; SameSite=Strict; Path=/`);
    return json(res, 200, { user: publicUser(u), csrf_token: csrf });
  }
  if (!session) return problem(res, 401, 'Unauthorized', 'Sign in first.');
  const u = session.user;
  if (req.method !== 'GET' && req.headers['x-csrf-token'] !== session.csrf) return problem(res, 403, 'Forbidden', 'Missing or wrong CSRF token.');
  if (path === '/session' && req.method === 'GET') return json(res, 200, { user: publicUser(u), csrf_token: session.csrf });
  if (path === '/session' && req.method === 'DELETE') { sessions.delete(sid); res.writeHead(204); return res.end(); }
  if (path === '/me') {
    const i = people.findIndex((p) => p.id === u.person_id);
    return json(res, 200, { person: i >= 0 ? summary(people[i]) : null, skills: i >= 0 ? skillsOf(i) : [], teams: i >= 0 ? teams.filter((t) => members[t.id].includes(u.person_id)).map(teamSummary) : [], actions: i >= 0 ? [{ kind: 'skills', title: 'Complete your skills profile', href: `/people/${u.person_id}` }, { kind: 'checkin', title: 'Write this week\'s check-in', href: '/' }] : [] });
  }
  if (path === '/people') {
    const q = (url.searchParams.get('q') ?? '').toLowerCase();
    const f = (k) => url.searchParams.get(k);
    const hits = people.filter((p) => (!q || `${p.name} ${p.email} ${p.title}`.toLowerCase().includes(q)) && (!f('practice') || p.practice === f('practice')) && (!f('office') || p.office === f('office')) && (!f('grade') || p.grade === f('grade')));
    return json(res, 200, page(hits.map(summary), url));
  }
  let m = /^\/people\/([^/]+)$/.exec(path);
  if (m) {
    const i = people.findIndex((p) => p.id === decodeURIComponent(m[1]));
    if (i < 0) return problem(res, 404, 'Not Found', 'No such person.');
    const p = people[i];
    return json(res, 200, { person: p, skills: skillsOf(i), teams: visibleTeams(u).filter((t) => members[t.id].includes(p.id)).map(teamSummary), manager: p.manager_id ? summary(people.find((x) => x.id === p.manager_id)) : null, reports: people.filter((x) => x.manager_id === p.id).map(summary) });
  }
  if (path === '/teams') return json(res, 200, page(visibleTeams(u).map(teamSummary), url));
  m = /^\/teams\/([^/]+)$/.exec(path);
  if (m) {
    const t = teams.find((x) => x.id === decodeURIComponent(m[1]));
    if (!t) return problem(res, 404, 'Not Found', 'No such team.');
    if (!visibleTeams(u).includes(t)) return problem(res, 403, 'Forbidden', 'You are not on this team.');
    return json(res, 200, { team: teamSummary(t), purpose: t.purpose, leader: summary(people.find((p) => p.id === t.leader_id)), members: members[t.id].map((id, k) => ({ person: summary(people.find((p) => p.id === id)), role: ROLES[Math.min(k, 3)] })) });
  }
  if (path.startsWith('/admin') && u.role !== 'administrator') return problem(res, 403, 'Forbidden', 'Administrators only.');
  m = /^\/admin\/import\/([a-z-]+)$/.exec(path);
  if (m && req.method === 'POST') {
    const text = await readBody(req);
    const errors = validateCsv(text);
    if (errors.length) return problem(res, 422, 'Unprocessable Content', `${errors.length} problems in the file; nothing was imported.`, errors);
    const parsed = parseCsv(text);
    for (const { row } of parsed) people.push({ tags: [], manager_id: null, weekly_capacity_hours: 40, start_date: null, end_date: null, title: '', grade: '', practice: '', office: '', ...row });
    const rows = parsed.length;
    return json(res, 200, { kind: m[1], file: 'upload', rows, inserted: rows, updated: 0, warnings: [], seconds: 0.03 });
  }
  if (path === '/admin/users' && req.method === 'GET') return json(res, 200, page(users.map(publicUser), url));
  if (path === '/admin/users' && req.method === 'POST') {
    const body = JSON.parse(await readBody(req));
    if (!/@/.test(body.email ?? '')) return problem(res, 422, 'Unprocessable Content', 'The user is not valid.', [{ field: 'email', location: 'body', expected: 'an email address' }]);
    const nu = { id: `u${users.length + 1}`, email: body.email, person_id: body.person_id ?? null, name: '', role: body.role, leads_teams: false, password: body.password };
    users.push(nu); return json(res, 201, publicUser(nu));
  }
  m = /^\/admin\/users\/([^/]+)$/.exec(path);
  if (m && req.method === 'PATCH') {
    const target = users.find((x) => x.id === decodeURIComponent(m[1]));
    if (!target) return problem(res, 404, 'Not Found', 'No such user.');
    Object.assign(target, JSON.parse(await readBody(req))); return json(res, 200, publicUser(target));
  }
  return problem(res, 404, 'Not Found', `No endpoint ${req.method} ${path}`);
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
async function serveStatic(res, pathname) {
  const file = normalize(join(DIST, pathname));
  try {
    if (!file.startsWith(DIST) || pathname === '/') throw new Error('index');
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }); res.end(body);
  } catch {
    res.writeHead(200, { 'Content-Type': 'text/html' }); res.end(await readFile(join(DIST, 'index.html')));
  }
}

export const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  (url.pathname.startsWith('/api/v1/') ? api(req, res, url) : serveStatic(res, url.pathname)).catch((e) => problem(res, 500, 'Internal', String(e)));
});
export const DEMO_SIGN_INS = users.map((u) => ({ label: { administrator: 'administrator', firm_leader: 'leader', member: 'member' }[u.role], email: u.email, password: u.password }));
if (process.argv[1] === fileURLToPath(import.meta.url)) server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
