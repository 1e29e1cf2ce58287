// A first download through the service leaves closed cases' detail out (service/sync/closedCaseDetail.ts) and keeps
// what the screens across cases read; the desk fetches a closed case's detail when it is opened, and says where it is
// while it cannot; later pulls leave nothing out; the route refuses what it should. Against a real PostgreSQL seeded by
// the demo generator (two years of cases, most closed), a running service and real desk cores.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../shared/contract';
import { osloDate } from '../../../core/clock';
import { readMeta } from '../../../core/db/openLocalDatabase';
import { OverviewFacts } from '../../../core/overview/overviewFacts';
import { ensureWorkCalendar } from '../../../core/overview/workCalendar';
import { CLOSED_CASE_ROW_LEFT_OUT, CLOSED_CASE_ROW_LEFT_OUT_FOR_CASEWORK, CLOSED_HISTORY_KEPT_DAYS } from '../../../service/sync/closedCaseDetail';
import { ok } from '../../support/apiResult';
import { useCentralDatabase } from '../../support/centralDatabase';
import { login } from '../../support/serviceClient';
import { serviceFor } from '../../support/serviceInstances';
import { differencesFromCentral, eventually, unreachableUrl, type Client } from '../../support/syncClients';

const central = useCentralDatabase('closed_detail', {
  seedCases: 160,
  // One closed case with a billing flag not yet resolved: the queue marks it, so it must come all the same.
  setup: async ({ admin }) => {
    await admin.query(
      `INSERT INTO billing_events (id, case_id, offer_id, offer_version, kind, amount_ore, occurred_on, reference, source,
         outcome, flag_code, flag_params, recorded_at, recorded_by)
       SELECT gen_random_uuid(), b.case_id, b.offer_id, b.offer_version, 'payment', b.amount_ore, b.occurred_on, 'late payment',
         'billing_file', 'flagged', 'offerExpired', '{}', now(), b.recorded_by
       FROM billing_events b JOIN cases c ON c.id = b.case_id WHERE c.status = 'closed' ORDER BY b.id LIMIT 1`,
    );
  },
});

/** The history of a recently closed case the overview reads, spelled out here apart from the service's own list. */
const OVERVIEW_READS = `(t.kind = 'offer_issued' OR (t.kind = 'status_changed' AND (t.data ->> 'from' = 'waiting_for_info'
  OR t.data ->> 'to' IN ('offer_sent', 'completion_reported', 'meter_mounted', 'waiting_for_info', 'approved', 'rejected', 'closed'))))`;
const cutoff = `now() - interval '${CLOSED_HISTORY_KEPT_DAYS} days'`;

const count = async (sql: string): Promise<number> => Number((await central.admin.query<{ n: string }>(sql)).rows[0].n);
const localCount = (client: Client, sql: string): number => (client.core.database.sqlite.prepare(sql).get() as { n: number }).n;
const marked = (client: Client): number[] =>
  (client.core.database.sqlite.prepare('SELECT case_id FROM case_detail_on_server ORDER BY case_id').all() as { case_id: number }[])
    .map((row) => row.case_id);

async function started(name: string, role: 'case_handler' | 'supervisor' = 'case_handler'): Promise<Client> {
  const client = await central.startClient(name, role);
  await client.core.central!.engine.whenIdle();
  return client;
}

const closedCaseIds = async (): Promise<number[]> =>
  (await central.admin.query<{ id: string }>("SELECT id FROM cases WHERE status = 'closed' ORDER BY id")).rows.map((r) => Number(r.id));

/** The overview's history of recently closed cases, as the central database has it: event ids. */
const recentOverviewHistory = async (): Promise<number[]> =>
  (await central.admin.query<{ id: string }>(
    `SELECT t.id FROM case_events t JOIN cases c ON c.id = t.case_id
      WHERE c.status = 'closed' AND ${OVERVIEW_READS} AND c.updated_at >= ${cutoff} ORDER BY t.id`,
  )).rows.map((row) => Number(row.id));

/** The history of closed cases a desk's cache holds: event ids. */
const closedHistoryHere = (client: Client): number[] =>
  (client.core.database.sqlite.prepare(
    `SELECT t.id FROM case_events t JOIN cases c ON c.id = t.case_id WHERE c.status = 'closed' ORDER BY t.id`,
  ).all() as { id: number }[]).map((row) => row.id);

const identity = (client: Client): string | null => readMeta(client.core.database.sqlite, 'central.schema');

describe('the first download', () => {
  it('for a supervisor, leaves closed cases’ detail out, keeping the history the overview reads and open billing flags, and marks them', async () => {
    const anne = await started('anne', 'supervisor');
    expect(identity(anne)).toMatch(/\/overview$/);
    const closed = await closedCaseIds();
    expect(closed.length).toBeGreaterThan(20);
    expect(marked(anne)).toEqual(closed);

    // Left out: what no screen across cases reads, of every detail table that has such rows.
    for (const table of ['notes', 'attachments', 'offers']) {
      const there = await count(`SELECT count(*) AS n FROM ${table} t JOIN cases c ON c.id = t.case_id WHERE c.status = 'closed'`);
      expect(there, `${table} of closed cases centrally`).toBeGreaterThan(0);
      expect(localCount(anne, `SELECT count(*) AS n FROM ${table} t JOIN cases c ON c.id = t.case_id WHERE c.status = 'closed'`)).toBe(0);
    }
    // Left out: history the overview does not read, among it status changes it does not read (to in_review, say).
    const otherEvents = `FROM case_events t JOIN cases c ON c.id = t.case_id WHERE c.status = 'closed' AND t.kind <> 'status_changed'
      AND t.kind <> 'offer_issued'`;
    expect(await count(`SELECT count(*) AS n ${otherEvents}`)).toBeGreaterThan(0);
    expect(localCount(anne, `SELECT count(*) AS n ${otherEvents}`)).toBe(0);
    const unreadMoves = `FROM case_events t JOIN cases c ON c.id = t.case_id
      WHERE c.status = 'closed' AND t.kind = 'status_changed' AND c.updated_at >= ${cutoff} AND NOT ${OVERVIEW_READS}`;
    expect(await count(`SELECT count(*) AS n ${unreadMoves}`)).toBeGreaterThan(0);

    // Kept: what the overview reads of cases closed within its reach; older ones left out.
    const recent = await recentOverviewHistory();
    const old = await count(
      `SELECT count(*) AS n FROM case_events t JOIN cases c ON c.id = t.case_id
        WHERE c.status = 'closed' AND ${OVERVIEW_READS} AND c.updated_at < ${cutoff}`,
    );
    expect(recent.length).toBeGreaterThan(0);
    expect(old).toBeGreaterThan(0);
    expect(closedHistoryHere(anne)).toEqual(recent);

    // The open billing flag of a closed case came; no other billing row of closed cases did.
    const flags = "FROM billing_events t JOIN cases c ON c.id = t.case_id WHERE c.status = 'closed'";
    expect(localCount(anne, `SELECT count(*) AS n ${flags} AND t.outcome = 'flagged' AND t.resolved_at IS NULL`)).toBe(1);
    expect(localCount(anne, `SELECT count(*) AS n ${flags}`)).toBe(1);

    // The closed cases' own rows came without the owner's identity number and contact, and the rest only the case
    // view shows; the open ones' whole.
    for (const column of new Set(['owner_national_id', 'owner_email', 'owner_phone', ...CLOSED_CASE_ROW_LEFT_OUT])) {
      const given = (status: string) => `SELECT count(*) AS n FROM cases WHERE status ${status} AND ${column} IS NOT NULL`;
      expect(await count(given("= 'closed'")), `${column} of closed cases centrally`).toBeGreaterThan(0);
      expect(localCount(anne, given("= 'closed'")), `${column} of closed cases here`).toBe(0);
      expect(localCount(anne, given("<> 'closed'")), `${column} of open cases here`).toBe(await count(given("<> 'closed'")));
    }
    // When a closed case became complete, the overview's lead times read: a supervisor's desk keeps it.
    const completed = "SELECT count(*) AS n FROM cases WHERE status = 'closed' AND complete_at IS NOT NULL";
    expect(await count(completed)).toBeGreaterThan(0);
    expect(localCount(anne, completed)).toBe(await count(completed));

    // Open cases came whole: opening every marked case fetches the rest, and then the cache is the central database.
    const overviewBefore = overviewFacts(anne);
    expect(await differencesFromCentral(anne.core, central.db.adminUrl)).toEqual([]);
    expect(marked(anne)).toEqual([]);

    // The overview's figures of every case in its reach (all but those closed before it), from what the first
    // download kept, are those from the whole history, now fetched.
    const outOfReach = new Set((await central.admin.query<{ id: string }>(
      `SELECT id FROM cases WHERE status = 'closed' AND updated_at < ${cutoff}`)).rows.map((row) => Number(row.id)));
    const inReach = <T extends { case_id: number }>(rows: T[]) => rows.filter((row) => !outOfReach.has(row.case_id));
    const kept = { facts: inReach(overviewBefore.facts), outcomes: inReach(overviewBefore.outcomes) };
    expect(kept.facts.filter((f) => f.offer_days !== null).length).toBeGreaterThan(0);
    expect(kept.facts.filter((f) => f.meter_days !== null).length).toBeGreaterThan(0);
    expect(kept.outcomes.filter((o) => o.decided).length).toBeGreaterThan(0);
    expect(kept.outcomes.filter((o) => o.closed).length).toBeGreaterThan(0);
    const whole = overviewFacts(anne, { again: true });
    expect({ facts: inReach(whole.facts), outcomes: inReach(whole.outcomes) }).toEqual(kept);
  });

  it('for a case handler, keeps no history of closed cases; made a supervisor, the desk fills its cache again with it', async () => {
    const cora = await started('cora');
    expect(identity(cora)).toMatch(/\/casework$/);
    const closed = await closedCaseIds();
    expect(marked(cora)).toEqual(closed);
    expect(await recentOverviewHistory()).not.toEqual([]);
    expect(closedHistoryHere(cora)).toEqual([]);
    // Nor when a closed case became complete (only the overview reads it of a closed case); open cases' whole.
    for (const column of CLOSED_CASE_ROW_LEFT_OUT_FOR_CASEWORK) {
      const given = (status: string) => `SELECT count(*) AS n FROM cases WHERE status ${status} AND ${column} IS NOT NULL`;
      expect(await count(given("= 'closed'")), `${column} of closed cases centrally`).toBeGreaterThan(0);
      expect(localCount(cora, given("= 'closed'")), `${column} of closed cases here`).toBe(0);
      expect(localCount(cora, given("<> 'closed'")), `${column} of open cases here`).toBe(await count(given("<> 'closed'")));
    }
    // The queue still marks the closed case with an open billing flag.
    expect(localCount(cora, "SELECT count(*) AS n FROM billing_events t JOIN cases c ON c.id = t.case_id WHERE c.status = 'closed'")).toBe(1);
    await cora.close();

    await central.db.createLogin('cora', 'supervisor');
    const supervisor = await central.startClient('cora', 'supervisor', {}, { login: cora.login, directory: cora.directory });
    await supervisor.core.central!.engine.whenIdle();
    expect(identity(supervisor)).toMatch(/\/overview$/);
    expect(closedHistoryHere(supervisor)).toEqual(await recentOverviewHistory());
    expect(marked(supervisor)).toEqual(closed);
  });
});

interface CaseFacts { case_id: number; offer_days: number | null; meter_days: number | null }
interface CaseOutcome { case_id: number; decided: number; closed: number }

/** Every case's overview facts and outcomes, brought up to date (again from nothing, with `again`). */
function overviewFacts(client: Client, options: { again?: boolean } = {}): { facts: CaseFacts[]; outcomes: CaseOutcome[] } {
  const { sqlite } = client.core.database;
  const facts = new OverviewFacts(sqlite);
  ensureWorkCalendar(sqlite, osloDate(new Date()));
  if (options.again) facts.markAll();
  facts.refresh();
  return {
    facts: sqlite.prepare('SELECT * FROM overview_case_facts ORDER BY case_id').all() as CaseFacts[],
    outcomes: sqlite.prepare('SELECT * FROM overview_outcomes ORDER BY case_id, actor_id, week').all() as CaseOutcome[],
  };
}

describe('opening a closed case', () => {
  it('shows it at once, fetches its detail from the service, and tells the screens when it is in', async () => {
    const bea = await started('bea');
    const { rows: [owner] } = await central.admin.query<{ id: string; owner_email: string }>(
      "SELECT id, owner_email FROM cases WHERE status = 'closed' AND owner_email IS NOT NULL ORDER BY id LIMIT 1");
    const caseId = Number(owner.id);
    expect(marked(bea)).toContain(caseId);
    const events = await count(`SELECT count(*) AS n FROM case_events WHERE case_id = ${caseId}`);
    const before = localCount(bea, `SELECT count(*) AS n FROM case_events WHERE case_id = ${caseId}`);
    expect(before).toBeLessThan(events);
    const changes: number[][] = [];
    const unsubscribe = bea.core.onChange((batch) => changes.push(batch.caseIds));
    const first = ok<CaseDetail>(await bea.core.dispatch('case.get', { caseId }));
    expect(first.detailOnServer).toBe('fetching');
    expect(first.status).toBe('closed');
    expect(first.owner.email).toBeNull();
    // The screens hear of it, and read the case again: now whole.
    await eventually(() => changes.flat().includes(caseId), 5_000, 'the case announced');
    unsubscribe();
    const detail = ok<CaseDetail>(await bea.core.dispatch('case.get', { caseId }));
    expect(detail.detailOnServer).toBeNull();
    expect(detail.owner.email).toBe(owner.owner_email);
    expect(detail.events).toHaveLength(events);
    expect(detail.attachments).toHaveLength(await count(`SELECT count(*) AS n FROM attachments WHERE case_id = ${caseId}`));
    expect(marked(bea)).not.toContain(caseId);
  });

  it('offline, says its detail is out of reach without asking again and again; opened once connected, it comes', async () => {
    const first = await started('cato');
    const caseId = marked(first)[0];
    await first.close();
    // The same desk again, with a service address nobody answers. (A client closed here is closed again after all.)
    const offline = await central.startClient('cato', 'case_handler', {}, { login: first.login, directory: first.directory, url: unreachableUrl });
    expect(ok<CaseDetail>(await offline.core.dispatch('case.get', { caseId })).detailOnServer).toBe('fetching');
    await eventually(async () => ok<CaseDetail>(await offline.core.dispatch('case.get', { caseId })).detailOnServer === 'unreachable',
      5_000, 'the case saying its detail is out of reach');
    // Opened again while offline: no new attempt (each would fail and announce a re-read that asks again).
    const announced: number[] = [];
    const unsubscribe = offline.core.onChange((batch) => announced.push(...batch.caseIds));
    for (let i = 0; i < 5; i++) expect(ok<CaseDetail>(await offline.core.dispatch('case.get', { caseId })).detailOnServer).toBe('unreachable');
    await new Promise((resolve) => setTimeout(resolve, 200));
    unsubscribe();
    expect(announced).not.toContain(caseId);
    expect(marked(offline)).toContain(caseId);
    // The owner cannot be corrected from a row without their identity numbers: the empty ones would go as cleared.
    const correction = {
      caseId, postalAddress: 'Postboks 12', postcode: '4601', postTown: 'Kristiansand S', organisationNumber: '', gridCustomerName: 'Kari Nordmann',
    };
    const refused = await offline.core.dispatch('case.correctOwnerParty', correction);
    expect(refused.ok ? null : refused.error.code).toBe('case.detailOnServer');
    // Nor a completeness item declared met: without the owner's contact and when the case became complete, items
    // look missing and the closed case would become complete again, with a new due date.
    const override = await offline.core.dispatch('case.overrideCompletenessItem', { caseId, item: 'owner_email', reason: 'Avtalt på telefon' });
    expect(override.ok ? null : override.error.code).toBe('case.detailOnServer');
    expect(offline.core.central!.engine.pendingCount()).toBe(0);
    await offline.close();

    const online = await central.startClient('cato', 'case_handler', {}, { login: first.login, directory: first.directory });
    ok(await online.core.dispatch('case.get', { caseId }));
    await eventually(() => !marked(online).includes(caseId), 10_000, 'the detail fetched once connected');
    const again = ok<CaseDetail>(await online.core.dispatch('case.get', { caseId }));
    expect(again.detailOnServer).toBeNull();
    expect(again.events).toHaveLength(await count(`SELECT count(*) AS n FROM case_events WHERE case_id = ${caseId}`));
    // Whole again, the case takes the correction (the organisation number as it now stands).
    ok(await online.core.dispatch('case.correctOwnerParty', { ...correction, organisationNumber: again.owner.organisationNumber ?? '' }));
  });
});

describe('a first download in small pages, case by case', () => {
  it('misses nothing committed while it runs, behind or ahead of where it is', async () => {
    const author = (await central.admin.query<{ id: string }>('SELECT id FROM app_users ORDER BY id LIMIT 1')).rows[0].id;
    const ids = async (sql: string) => (await central.admin.query<{ id: string }>(sql)).rows.map((row) => Number(row.id));
    const [firstOpen] = await ids("SELECT id FROM cases WHERE status <> 'closed' ORDER BY id LIMIT 1");
    const [lastOpen] = await ids("SELECT id FROM cases WHERE status <> 'closed' ORDER BY id DESC LIMIT 1");
    const [firstClosed] = await ids("SELECT id FROM cases WHERE status = 'closed' ORDER BY id LIMIT 1");
    const notes: string[] = [];
    let wrote = false;
    let pagesOfHistory = 0;
    const client = await central.startClient('frode', 'case_handler', {
      pull: {
        pageSize: 25,
        afterPage: (table) => {
          if (table !== 'case_events') return;
          pagesOfHistory++;
          if (wrote || pagesOfHistory !== 3) return;
          wrote = true;
          // Once the history is under way: a note on an open case already passed, one on an open case still ahead,
          // and one on a closed case (its detail left out); and a case's history grows behind the position.
          for (const caseId of [firstOpen, lastOpen, firstClosed]) {
            const id = randomUUID();
            notes.push(id);
            void central.admin.query("INSERT INTO notes (id, case_id, author_id, at, body) VALUES ($1, $2, $3, now(), 'Mens den første nedlastingen gikk')",
              [id, caseId, author]);
          }
          void central.admin.query(
            "INSERT INTO case_events (case_id, actor_id, kind, data) VALUES ($1, $2, 'note_added', '{}')", [firstOpen, author]);
        },
      },
    });
    await client.core.central!.engine.whenIdle();
    expect(pagesOfHistory).toBeGreaterThan(3);
    await eventually(() => notes.every((id) => client.core.database.sqlite.prepare('SELECT 1 FROM notes WHERE id = ?').get(id)),
      10_000, 'the notes written during the download');
    expect(await differencesFromCentral(client.core, central.db.adminUrl)).toEqual([]);
  });
});

describe('later pulls', () => {
  it('leave nothing out: a note on a closed case reaches a desk that has not opened it', async () => {
    const dag = await started('dag');
    const caseId = marked(dag)[0];
    const noteId = randomUUID();
    await central.admin.query(
      "INSERT INTO notes (id, case_id, author_id, at, body) VALUES ($1, $2, (SELECT id FROM app_users LIMIT 1), now(), 'Etter avslutning')",
      [noteId, caseId],
    );
    await eventually(() => dag.core.database.sqlite.prepare('SELECT body FROM notes WHERE id = ?').get(noteId), 10_000, 'the note');
    // Still marked: one note is not the case's whole detail.
    expect(marked(dag)).toContain(caseId);
  });
});

describe('the detail route, attacked with a raw HTTP client', () => {
  it('answers only a signed-in person, only a real case id, and only rows of that case', async () => {
    const running = await serviceFor(central.db);
    const name = await central.db.createLogin('eva', 'case_handler');
    const eva = await login(running.url, name);
    const { rows: [one] } = await central.admin.query<{ id: string }>("SELECT id FROM cases WHERE status = 'closed' ORDER BY id LIMIT 1");

    const answer = await eva.get<{ caseId: number; tables: { table: string; columns: string[]; rows: unknown[][] }[] }>(
      `/api/cases/${one.id}/detail`);
    expect(answer.status).toBe(200);
    expect(answer.body.caseId).toBe(Number(one.id));
    // The case's own row (by its id) and its detail's rows (by their case), no other case's.
    for (const table of answer.body.tables) {
      const column = table.columns.indexOf(table.table === 'cases' ? 'id' : 'case_id');
      expect(column, table.table).toBeGreaterThanOrEqual(0);
      for (const row of table.rows) expect(Number(row[column])).toBe(Number(one.id));
    }
    expect(answer.body.tables.find((t) => t.table === 'cases')!.rows).toHaveLength(1);
    expect(answer.body.tables.find((t) => t.table === 'case_events')!.rows.length)
      .toBe(await count(`SELECT count(*) AS n FROM case_events WHERE case_id = ${one.id}`));

    expect((await eva.get('/api/cases/999999999/detail')).status).toBe(404);
    expect((await eva.get('/api/cases/abc/detail')).status).toBe(400);
    expect((await eva.get('/api/cases/-1/detail')).status).toBe(400);
    expect((await eva.get(`/api/cases/${one.id}%20OR%201=1/detail`)).status).toBe(400);
    eva.token = 'not-a-session';
    expect((await eva.get(`/api/cases/${one.id}/detail`)).status).toBe(401);
  });
});
