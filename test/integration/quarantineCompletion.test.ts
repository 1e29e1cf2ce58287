// A ferdigmelding the quarantine kept for a person (here: one the importer could not place) and that the case handler
// discards is answered to its installer with the handler's reason — standalone at once, and with a central server
// through the outbox, where PostgreSQL lets the message in only for a ferdigmelding discarded in that transaction.
// Discarding any other record writes no message.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useCentralDatabase } from '../support/centralDatabase';
import { eventually } from '../support/syncClients';
import { startInProcessHarness, type InProcessHarness } from '../../harness/inProcessHarness';
import { refusal } from './central/fixtures';

const REASON = 'Ferdigmeldingen gjelder nabohuset, ikke denne saken. Send den på riktig sak.';
const noticeFor = (caseNumber: string) => JSON.stringify({
  messageId: `ELS-FERDIG-${randomUUID().slice(0, 8)}`, kind: 'completion_notice', sentAt: '2026-11-26T10:00:00Z',
  sender: { role: 'installer', organisationNumber: '914778271', name: 'Sørlandet Elektro AS' }, caseNumber, completedOn: '2026-11-25',
});

describe('standalone', () => {
  let harness: InProcessHarness;
  beforeEach(() => {
    harness = startInProcessHarness({ cases: 20 });
  });
  afterEach(() => harness.dispose());

  const sqlite = () => harness.core.database.sqlite;
  const quarantined = (raw: string) => {
    const id = randomUUID();
    sqlite().prepare(`INSERT INTO import_quarantine (id, source, message_id, received_at, raw, reasons, state)
                      VALUES (?, 'ferdig.json', 'ELS-X', '2026-11-26T10:00:00Z', ?, '[]', 'open')`).run(id, raw);
    return id;
  };
  const answersOn = (caseId: number) =>
    sqlite().prepare("SELECT subject, body, created_by FROM outgoing_messages WHERE case_id = ? AND kind = 'completion_refused'").all(caseId) as
      Array<{ subject: string; body: string; created_by: string }>;

  it("answers the installer with the handler's reason when a ferdigmelding is discarded", async () => {
    const { id: caseId, case_number: caseNumber } = sqlite().prepare('SELECT id, case_number FROM cases ORDER BY id LIMIT 1').get() as { id: number; case_number: string };
    const id = quarantined(noticeFor(caseNumber));
    expect((await harness.core.dispatch('quarantine.discard', { id, reason: REASON })).ok).toBe(true);
    const [answer] = answersOn(caseId);
    expect(answer.subject).toContain(`Ferdigmelding ikke mottatt – ${caseNumber}`);
    expect(answer.body).toContain(`Saksbehandleren kunne ikke ta den imot: «${REASON}»`);
    expect(answer.created_by).toBe('kari.nordmann');
    const [event] = sqlite().prepare("SELECT data FROM case_events WHERE case_id = ? AND kind = 'message_queued' ORDER BY id DESC LIMIT 1").all(caseId) as { data: string }[];
    expect(JSON.parse(event.data)).toMatchObject({ kind: 'completion_refused' });
  });

  it('writes nothing when another kind of record is discarded', async () => {
    const before = (sqlite().prepare('SELECT count(*) AS n FROM outgoing_messages').get() as { n: number }).n;
    const id = quarantined('{"messageId":"ELS-77","kind":"request"}');
    expect((await harness.core.dispatch('quarantine.discard', { id, reason: 'Testmelding' })).ok).toBe(true);
    expect((sqlite().prepare('SELECT count(*) AS n FROM outgoing_messages').get() as { n: number }).n).toBe(before);
  });
});

describe('with a central server', () => {
  let admin: pg.Client;
  const central = useCentralDatabase('quarantine_completion', {
    seedCases: 5,
    async setup({ admin: owner }) {
      admin = owner;
    },
  });

  it('the discard shipped through the outbox answers the installer, in the handler\'s name', async () => {
    const { rows: [target] } = await admin.query<{ id: string; case_number: string }>('SELECT id, case_number FROM cases ORDER BY id LIMIT 1');
    const id = randomUUID();
    await admin.query("INSERT INTO import_quarantine (id, source, message_id, raw, reasons) VALUES ($1, 'ferdig.json', 'ELS-X', $2, '[]')",
      [id, noticeFor(target.case_number)]);
    const anne = await central.startClient('anne', 'case_handler');
    await eventually(() => anne.core.database.sqlite.prepare('SELECT 1 FROM import_quarantine WHERE id = ?').get(id), 10_000, 'the record in the cache');

    // A handler cannot write the answer by hand for a record not discarded in the same transaction.
    const as = await central.connect(central.db.urlFor(anne.login));
    const forged = await refusal(as.query("SELECT answer_discarded_completion($1, gen_random_uuid(), 'x', 'Ferdigmelding', 'x')", [id]));
    expect(forged.code).toBe('42501');

    expect((await anne.core.dispatch('quarantine.discard', { id, reason: REASON })).ok).toBe(true);
    const answers = async () => (await admin.query<{ body: string; created_by: string }>(
      "SELECT body, created_by FROM outgoing_messages WHERE case_id = $1 AND kind = 'completion_refused'", [target.id])).rows;
    await expect.poll(async () => (await answers()).length, { timeout: 10_000 }).toBe(1);
    const [answer] = await answers();
    expect(answer.body).toContain(`«${REASON}»`);
    expect(answer.created_by).toBe(anne.login);
  });
});
