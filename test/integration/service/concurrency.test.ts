// Many people at once through the service: one case claimed by fifty — exactly one wins; Fetch next by twenty —
// twenty different cases; two service instances on one database — desks on either converge, and a change through
// one instance is announced live on the other's socket within a second.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCentralDatabase } from '../../support/centralDatabase';
import { quickPerson, type RawClient } from '../../support/serviceClient';
import { serviceFor, startService, type RunningService } from '../../support/serviceInstances';
import { ok } from '../../support/apiResult';
import { differencesFromCentral, eventually } from '../../support/syncClients';

const central = useCentralDatabase('svc_conc', { seedCases: 40 });

let url = '';
let people: RawClient[] = [];

beforeAll(async () => {
  url = (await serviceFor(central.db)).url;
  people = [];
  for (let i = 0; i < 50; i++) people.push(await quickPerson(central.admin, url, `${central.db.databaseName}.p${i}`, 'case_handler'));
});

describe('claims under contention', () => {
  it('50 people claiming one case at once: exactly one 200, 49 refused 409 claimedByOther', async () => {
    const { rows: [row] } = await central.admin.query<{ id: string }>(
      "UPDATE cases SET claimed_by = NULL, lease_until = NULL WHERE id = (SELECT min(id) FROM cases) RETURNING id",
    );
    const caseId = Number(row.id);
    const answers = await Promise.all(people.map((person) => person.post(`/api/cases/${caseId}/claim`)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200).length).toBe(1);
    expect(statuses.filter((s) => s === 409).length).toBe(49);
    expect(answers.filter((a) => a.status === 409).every((a) => (a.body as { code: string }).code === 'claimedByOther')).toBe(true);
    const winner = people[statuses.indexOf(200)];
    const { rows: [claim] } = await central.admin.query<{ claimed_by: string; claim_token: string }>(
      'SELECT claimed_by, claim_token FROM cases WHERE id = $1', [caseId],
    );
    expect(claim.claimed_by).toBe(winner.login);
    expect(Number(claim.claim_token)).toBe((answers[statuses.indexOf(200)].body as { claimToken: number }).claimToken);
  });

  it('20 people asking Fetch next at once get 20 different cases', async () => {
    await central.admin.query(
      `UPDATE cases SET status = 'new', assignee_id = NULL, claimed_by = NULL, lease_until = NULL,
         complete_at = coalesce(complete_at, submitted_at)
       WHERE id IN (SELECT id FROM cases WHERE id > (SELECT min(id) FROM cases) ORDER BY id LIMIT 25)`,
    );
    const twenty = people.slice(10, 30);
    const answers = await Promise.all(twenty.map((person) => person.post('/api/fetch-next')));
    expect(answers.map((a) => a.status)).toEqual(twenty.map(() => 200));
    const caseIds = answers.map((a) => (a.body as { caseId: number | null }).caseId);
    expect(caseIds.every((id) => typeof id === 'number')).toBe(true);
    expect(new Set(caseIds).size).toBe(20);
    const { rows } = await central.admin.query<{ id: string; assignee_id: string; claimed_by: string }>(
      'SELECT id, assignee_id, claimed_by FROM cases WHERE id = ANY($1::bigint[])', [caseIds],
    );
    const byCase = new Map(rows.map((r) => [Number(r.id), r]));
    twenty.forEach((person, i) => {
      expect(byCase.get(caseIds[i]!)).toMatchObject({ assignee_id: person.login, claimed_by: person.login });
    });
  });
});

describe('two service instances on one database', () => {
  let second: RunningService;

  beforeAll(async () => {
    second = await startService(central.db);
  });

  it('a change pushed through one instance is announced live on the other’s socket within a second', async () => {
    const [writer, listener] = [people[40], people[41]];
    const socket = new WebSocket(`${second.url.replace('http', 'ws')}/api/live`, { headers: { authorization: `Bearer ${listener.token}` } });
    const versions: number[] = [];
    socket.on('message', (data) => {
      const notice = JSON.parse(String(data)) as { type: string; version?: number };
      if (notice.type === 'version') versions.push(notice.version!);
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    try {
      const { rows: [row] } = await central.admin.query<{ id: string }>('SELECT max(id) AS id FROM cases');
      const started = Date.now();
      const [result] = await writer.push(randomUUID(), [
        { seq: 1, name: 'case.addNote', args: { caseId: Number(row.id), body: 'through the first instance', noteId: randomUUID() } },
      ]);
      expect(result.outcome).toBe('applied');
      await eventually(() => versions.some((v) => v >= result.version!), 1_000, 'the version notice on the other instance');
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      socket.terminate();
    }
  });

  it('desks on different instances converge with the central database', async () => {
    const desks = [];
    for (const [name, service] of [['da', await serviceFor(central.db)], ['db', second]] as const) {
      const login = await central.db.createLogin(name, 'case_handler');
      const directory = mkdtempSync(path.join(tmpdir(), `desk-client-${name}-`));
      const client = await central.startClient(name, 'case_handler', {}, { login, directory, service });
      desks.push(client);
    }
    const [a, b] = desks;
    await Promise.all(desks.map((desk) => desk.core.central!.engine.whenIdle()));
    const { rows: [row] } = await central.admin.query<{ id: string }>("SELECT min(id) AS id FROM cases WHERE status = 'in_review'");
    const caseId = Number(row.id);
    ok(await a.core.dispatch('case.addNote', { caseId, body: 'written at desk A' }));
    ok(await b.core.dispatch('case.addNote', { caseId, body: 'written at desk B' }));
    for (const desk of desks) {
      await eventually(
        () => (desk.core.database.sqlite.prepare('SELECT count(*) AS n FROM notes WHERE body LIKE ? AND pending_seq IS NULL').get('written at desk %') as { n: number }).n === 2,
        5_000,
        'both notes settled at every desk',
      );
    }
    await Promise.all(desks.map((desk) => desk.core.central!.engine.whenIdle()));
    for (const desk of desks) expect(await differencesFromCentral(desk.core, central.db.adminUrl)).toEqual([]);
  });
});
