// The people the check-in and feedback browser tests sign in as, found in
// the demo firm through the administrator's API: a team T with its leader,
// two of its members (neither T's leader nor a leader of any team) that
// `accept` agrees to, and the leader of another team who is neither on T
// nor its leader. Accounts are made for those the demo has none for.

import assert from 'node:assert/strict';
import { apiAs, createAccount } from './helpers.mjs';

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
  const account = async (personId) => demo.get(personId) ?? (await createAccount(admin, { email: `${prefix}.${personId}@example.test`, person_id: personId }));
  const play = async (person) => {
    const who = await account(person.id);
    return { who, api: await apiAs(guild.baseUrl, who), person: { id: person.id, name: person.name } };
  };
  for (const team of teams.filter((t) => t.leader_id && t.member_count >= 3)) {
    const detail = await admin.get(`/teams/${encodeURIComponent(team.id)}`);
    if (!detail.leader) continue;
    const members = detail.members.map((m) => m.person).filter((p) => p.id !== team.leader_id && !leaders.has(p.id));
    const other = teams.find((t) => t.leader_id && t.leader_id !== team.leader_id && !detail.members.some((m) => m.person.id === t.leader_id));
    if (members.length < 2 || !other) continue;
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
    const otherLeader = await play((await admin.get(`/people/${encodeURIComponent(other.leader_id)}`)).person);
    return { admin, team, member: picked[0], teammate: picked[1], leader: await play(detail.leader), otherLeader };
  }
  assert.fail('the demo firm has no team with two members who may play and a leader from elsewhere');
}

export async function disposeCast(cast) {
  if (!cast) return;
  for (const c of [cast.member, cast.teammate, cast.leader, cast.otherLeader]) await c.api.dispose();
  await cast.admin.dispose();
}
