// Several case handlers on one central database, each desk through the central service: every change reaches every cache, live, and when all are
// idle every cache equals the central database.
import { describe, expect, it } from 'vitest';
import { connectCentral } from '../../../core/sync/centralConnection';
import { useCentralDatabase } from '../../support/centralDatabase';
import { differencesFromCentral, eventually, startClient } from '../../support/syncClients';
import { ok } from '../../support/apiResult';

const server = useCentralDatabase('sync_convergence', { seedCases: 300 });
const { clients } = server;


describe('sync between several clients and the central database', () => {
  it('brings a fresh cache level with the central database', async () => {
    const anne = await startClient(server.db, 'anne', 'case_handler');
    clients.push(anne);
    await anne.core.central!.engine.whenIdle();
    expect(await differencesFromCentral(anne.core, server.db.adminUrl)).toEqual([]);
    const page = ok<{ total: number }>(await anne.core.dispatch('queue.list', { filters: {} }));
    expect(page.total).toBe(300);
  });

  it('shows a note written by one handler on the other’s screen within a second', async () => {
    const [anne] = clients;
    const bjorn = await startClient(server.db, 'bjorn', 'case_handler');
    clients.push(bjorn);
    await bjorn.core.central!.engine.whenIdle();
    const started = Date.now();
    ok(await anne.core.dispatch('case.addNote', { caseId: 5, body: 'Ringte eier om tilknytningspunktet.' }));
    const seen = await eventually(
      () => bjorn.core.database.sqlite.prepare('SELECT author_id FROM notes WHERE body = ?').get('Ringte eier om tilknytningspunktet.'),
      3_000,
      'the note on the other client',
    );
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(seen).toEqual({ author_id: anne.login });
    // The central trail names the person's own login, written by the database itself.
    const history = bjorn.core.database.sqlite.prepare(
      "SELECT actor_id FROM case_events WHERE case_id = 5 AND kind = 'note_added' AND pending_seq IS NULL ORDER BY id DESC LIMIT 1",
    );
    expect(await eventually(() => history.get(), 3_000, 'the note event')).toEqual({ actor_id: anne.login });
  });

  it('Fetch next asks the central database, which hands over and claims the oldest complete case', async () => {
    const [anne] = clients;
    const admin = await connectCentral(server.db.adminUrl);
    let oldest: number;
    try {
      oldest = Number(
        (
          await admin.query<{ id: number }>(
            `SELECT id FROM cases WHERE status = 'new' AND complete_at IS NOT NULL AND assignee_id IS NULL
               AND (claimed_by IS NULL OR lease_until <= now()) ORDER BY complete_at, id LIMIT 1`,
          )
        ).rows[0].id,
      );
    } finally {
      await admin.end();
    }
    const fetched = ok<{ caseId: number }>(await anne.core.dispatch('queue.fetchNext', {}));
    expect(fetched.caseId).toBe(oldest);
    const detail = ok<{ status: string; assignee: { id: string } | null; claim: { state: string } }>(
      await anne.core.dispatch('case.get', { caseId: oldest }),
    );
    expect(detail).toMatchObject({ status: 'in_review', assignee: { id: anne.login }, claim: { state: 'mine' } });
  });

  it('claims, changes and converges: every cache equals the central database when all are idle', async () => {
    const [anne, bjorn] = clients;
    // A claim is a request until the central database grants it; then the case is mine to change.
    const { id: caseId } = anne.core.database.sqlite
      .prepare("SELECT id FROM cases WHERE status = 'in_review' AND claimed_by IS NULL ORDER BY id LIMIT 1")
      .get() as { id: number };
    ok(await anne.core.dispatch('case.claim', { caseId }));
    await anne.core.central!.engine.whenIdle();
    const detail = ok<{ claim: { state: string }; status: string; allowedNextStatuses: string[] }>(
      await anne.core.dispatch('case.get', { caseId }),
    );
    expect(detail.claim.state).toBe('mine');
    const next = detail.allowedNextStatuses.find((status) => status !== 'rejected');
    expect(next).toBeDefined();
    ok(await anne.core.dispatch('case.setStatus', { caseId, status: next }));
    ok(await bjorn.core.dispatch('case.addNote', { caseId, body: 'Sjekket nettkapasitet.' }));
    ok(await anne.core.dispatch('case.addNote', { caseId: 11, body: 'Mangler situasjonskart.' }));
    await Promise.all(clients.map((client) => client.core.central!.engine.whenIdle()));
    // A last round, so each has pulled what the others pushed.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await Promise.all(clients.map((client) => client.core.central!.engine.whenIdle()));
    for (const client of clients) expect(await differencesFromCentral(client.core, server.db.adminUrl), client.login).toEqual([]);
    const central = clients[1].core.database.sqlite.prepare('SELECT status FROM cases WHERE id = ?').get(caseId);
    expect(central).toEqual({ status: next });
  });
});
