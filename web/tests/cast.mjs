// The people the check-in and feedback browser tests sign in as, found in
// the demo firm through the administrator's API: a team T with its leader,
// two of its members (neither T's leader nor a leader of any team) that
// `accept` agrees to, and the leader of another team who is neither on T
// nor its leader, and to whom T does not exist. Accounts are made for those the demo has none for.

import assert from 'node:assert/strict';
import { apiAs, createAccount, signInWithForm } from './helpers.mjs';

/**
 * Returns {admin, team, member, teammate, leader, otherLeader}: each person
 * as {who (sign-in), api (apiAs client), person ({id, name})}, admin an
 * apiAs client. `accept(api, teamId)` says whether a member may play.
 */
export async function findTeamCast(guild, { prefix, accept = async () => true }) {
  const admin = await apiAs(guild.baseUrl, guild.signIns.administrator);
  const { items: teams } = await admin.get('/teams?limit=500');
  const leaders = new Set(teams.map((t) => t.leader_id).filter(Boolean));
  const demo = new Map();
  for (const role of ['leader', 'member']) {
    const api = await apiAs(guild.baseUrl, guild.signIns[role]);
    demo.set((await api.get('/session')).user.person_id, guild.signIns[role]);
    await api.dispose();
  }
  // Each person's account is made once, whichever team they are tried for.
  const account = async (personId) => {
    if (!demo.has(personId)) demo.set(personId, await createAccount(admin, { email: `${prefix}.${personId}@example.test`, person_id: personId }));
    return demo.get(personId);
  };
  const play = async (person) => {
    const who = await account(person.id);
    return { who, api: await apiAs(guild.baseUrl, who), person: { id: person.id, name: person.name } };
  };
  // A leader of another team for whom T does not exist: leaders of a client's
  // engagements lead its account team too, so each candidate is checked
  // against the API (T answers 404 to them).
  const outsider = async (team, detail) => {
    const candidates = [...leaders].filter((id) => id !== team.leader_id && !detail.members.some((m) => m.person.id === id));
    for (const id of candidates.slice(0, 6)) {
      const cast = await play((await admin.get(`/people/${encodeURIComponent(id)}`)).person);
      if ((await cast.api.send('GET', `/teams/${encodeURIComponent(team.id)}`)).status === 404) return cast;
      await cast.api.dispose();
    }
    return null;
  };
  for (const team of teams.filter((t) => t.leader_id && t.member_count >= 3)) {
    const detail = await admin.get(`/teams/${encodeURIComponent(team.id)}`);
    if (!detail.leader) continue;
    const members = detail.members.map((m) => m.person).filter((p) => p.id !== team.leader_id && !leaders.has(p.id));
    if (members.length < 2) continue;
    const picked = [];
    for (const person of members) {
      const cast = await play(person);
      if (await accept(cast.api, team.id)) picked.push(cast);
      else await cast.api.dispose();
      if (picked.length === 2) break;
    }
    if (picked.length < 2) {
      for (const p of picked) await p.api.dispose();
      continue;
    }
    const otherLeader = await outsider(team, detail);
    if (!otherLeader) {
      for (const p of picked) await p.api.dispose();
      continue;
    }
    return { admin, team, member: picked[0], teammate: picked[1], leader: await play(detail.leader), otherLeader };
  }
  assert.fail('the demo firm has no team with two members who may play and a leader from elsewhere');
}

/**
 * A signed-in page for each player and the administrator:
 * {member, teammate, leader, otherLeader, admin}.
 */
export async function signInCast(guild, cast) {
  const pages = {};
  for (const [name, who] of [
    ['member', cast.member.who],
    ['teammate', cast.teammate.who],
    ['leader', cast.leader.who],
    ['otherLeader', cast.otherLeader.who],
    ['admin', guild.signIns.administrator],
  ]) {
    pages[name] = await guild.newPage();
    await signInWithForm(pages[name], who);
  }
  return pages;
}

export async function disposeCast(cast) {
  if (!cast) return;
  for (const c of [cast.member, cast.teammate, cast.leader, cast.otherLeader]) await c.api.dispose();
  await cast.admin.dispose();
}
