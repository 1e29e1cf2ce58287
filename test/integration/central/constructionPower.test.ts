// Construction power on a real PostgreSQL: the desk's steps arrive with the same columns on both sides; the central
// applier refuses what the desk refuses when a raw client skips the desk (final reading below the start, a day
// before the connection or ahead of the server's today, a missing reading); and the table's CHECKs hold behind it.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { connectCentral } from '../../../core/sync/centralConnection';
import { centralApplierFor, type OutboxEntry } from '../../../core/sync/centralAppliers';
import { RefusedByCentral } from '../../../core/sync/centralErrors';
import { useCentralDatabase } from '../../support/centralDatabase';
import { eventually, type Client } from '../../support/syncClients';
import { ok } from '../../support/apiResult';

let admin: pg.Client;
let anne: Client;
const logins: Record<string, string> = {};

const central = useCentralDatabase('construction_power', {
  seedCases: 60,
  admin: 'desk',
  async setup() {
    admin = central.admin;
    anne = await central.startClient('anne', 'case_handler');
    logins.anne = anne.login;
    await anne.core.central!.engine.whenIdle();
  },
});

const POWER_COLUMNS = `status, CAST(power_connected_on AS text) AS power_connected_on, start_meter_reading, CAST(power_disconnected_on AS text) AS power_disconnected_on,
  final_meter_reading, cabinet_rent_days, cabinet_rent_rate_ore, cabinet_rent_net_ore`;

/** The central row with readings and øre as numbers, to compare with the cache's. */
async function centralRow(caseId: number) {
  const { rows: [row] } = await admin.query<Record<string, unknown>>(`SELECT ${POWER_COLUMNS} FROM cases WHERE id = $1`, [caseId]);
  return Object.fromEntries(Object.entries(row).map(([key, value]) =>
    [key, typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value]));
}
const localRow = (caseId: number) =>
  anne.core.database.sqlite.prepare(`SELECT ${POWER_COLUMNS} FROM cases WHERE id = ?`).get(caseId) as Record<string, unknown>;

let picked = 0;
/** A fresh, unclaimed case made construction power in the given status, with the given start (or none). */
async function constructionCase(status: string, start: { on: string; reading: number } | null = null): Promise<number> {
  const { rows } = await admin.query<{ id: string }>('SELECT id FROM cases WHERE claimed_by IS NULL ORDER BY id OFFSET $1 LIMIT 1', [picked++]);
  const caseId = Number(rows[0].id);
  await admin.query(
    `UPDATE cases SET request_type = 'temporary_installation', building_use = 'construction_power', status = $2,
       power_connected_on = $3, start_meter_reading = $4, power_disconnected_on = NULL, final_meter_reading = NULL,
       cabinet_rent_days = NULL, cabinet_rent_rate_ore = NULL, cabinet_rent_net_ore = NULL WHERE id = $1`,
    [caseId, status, start?.on ?? null, start?.reading ?? null],
  );
  await eventually(() => localRow(caseId).status === status, 5_000, 'the case in the cache');
  return caseId;
}

async function pushed(): Promise<void> {
  await eventually(
    () => (anne.core.database.sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'pending'").get() as { n: number }).n === 0,
    5_000,
    'the push',
  );
  await anne.core.central!.engine.whenIdle();
}

describe('construction power pushed from the desk', () => {
  it('arrives with the same columns on both sides, step by step, as the person', async () => {
    const caseId = await constructionCase('approved');
    ok(await anne.core.dispatch('case.claim', { caseId }));
    await eventually(() => (anne.core.handlers['case.get']({ caseId }) as { claim: { state: string } }).claim.state === 'mine', 5_000, 'the claim');
    ok(await anne.core.dispatch('case.act', { caseId, action: 'registerConnection', startReading: 1520.5, connectedOn: '2026-09-01' }));
    ok(await anne.core.dispatch('case.act', { caseId, action: 'registerTerminationRequest' }));
    ok(await anne.core.dispatch('case.act', { caseId, action: 'registerDisconnection', finalReading: 4210, disconnectedOn: '2026-11-20' }));
    await pushed();
    expect(ok<unknown[]>(await anne.core.dispatch('outbox.refused', {}))).toEqual([]);
    const expected = { status: 'disconnected', power_connected_on: '2026-09-01', start_meter_reading: 1520.5,
      power_disconnected_on: '2026-11-20', final_meter_reading: 4210, cabinet_rent_days: 81, cabinet_rent_rate_ore: 2_200,
      cabinet_rent_net_ore: 178_200 };
    expect(await centralRow(caseId)).toEqual(expected);
    // The termination set the due date by the server's clock and the company's target, the same as the desk's.
    const { rows: [due] } = await admin.query<{ due: string }>('SELECT CAST(due_date AS text) AS due FROM cases WHERE id = $1', [caseId]);
    expect(due.due).toBe((anne.core.database.sqlite.prepare('SELECT due_date FROM cases WHERE id = ?').get(caseId) as { due_date: string }).due_date);
    await eventually(() => localRow(caseId).status === 'disconnected' && localRow(caseId).cabinet_rent_net_ore === 178_200, 5_000, 'the pull');
    expect(localRow(caseId)).toEqual(expected);
    const { rows } = await admin.query<{ data: string; actor_id: string }>(
      "SELECT data::text AS data, actor_id FROM case_events WHERE case_id = $1 AND kind = 'status_changed' ORDER BY id", [caseId]);
    expect(rows.slice(-3).map((row) => ({ ...row, data: JSON.parse(row.data) as unknown }))).toEqual([
      { data: { from: 'approved', to: 'connected' }, actor_id: logins.anne },
      { data: { from: 'connected', to: 'termination_requested' }, actor_id: logins.anne },
      { data: { from: 'termination_requested', to: 'disconnected' }, actor_id: logins.anne },
    ]);
    ok(await anne.core.dispatch('case.act', { caseId, action: 'deregisterMeteringPoint' }));
    await pushed();
    expect((await centralRow(caseId)).status).toBe('closed');
  });
});

describe('a raw client that skips the desk', () => {
  async function asAnne<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = await connectCentral(central.db.urlFor(logins.anne));
    try {
      await client.query('BEGIN');
      return await work(client);
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    }
  }

  /** Anne holds the case's claim; the entry presents its token, as a well-formed push would. */
  async function claimedBy(caseId: number): Promise<number> {
    await admin.query("UPDATE cases SET claimed_by = $2, lease_until = now() + interval '5 minutes' WHERE id = $1", [caseId, logins.anne]);
    const { rows: [{ claim_token: token }] } = await admin.query<{ claim_token: number }>('SELECT claim_token FROM cases WHERE id = $1', [caseId]);
    return Number(token);
  }

  const entry = (mutation: string, caseId: number, status: string, token: number, args: Record<string, unknown>): OutboxEntry => ({
    seq: 1, mutation, args: { caseId, ...args }, precondition: { status, claimToken: token }, caseId,
    createdAt: new Date().toISOString(),
  });

  async function refusalOf(mutation: string, caseId: number, status: string, args: Record<string, unknown>) {
    const token = await claimedBy(caseId);
    const outcome = await asAnne((client) => centralApplierFor(mutation)!(client, entry(mutation, caseId, status, token, args))
      .then(() => null, (error: unknown) => error));
    expect(outcome).toBeInstanceOf(RefusedByCentral);
    return { reason: (outcome as RefusedByCentral).reason, detail: (outcome as RefusedByCentral).detail };
  }

  it('is refused a disconnection the desk would refuse, and the case stays as it was', async () => {
    const caseId = await constructionCase('termination_requested', { on: '2026-09-01', reading: 1520.5 });
    const disconnect = (args: Record<string, unknown>) => refusalOf('case.registerDisconnection', caseId, 'termination_requested', args);
    expect(await disconnect({ finalReading: 1000, disconnectedOn: '2026-11-20' })).toEqual({ reason: 'invalid', detail: 'constructionPower.finalBelowStart' });
    expect(await disconnect({ finalReading: 4000, disconnectedOn: '2026-08-31' })).toEqual({ reason: 'invalid', detail: 'constructionPower.disconnectedBeforeConnected' });
    expect(await disconnect({ disconnectedOn: '2026-11-20' })).toEqual({ reason: 'invalid', detail: 'constructionPower.readingMissing' });
    expect(await disconnect({ finalReading: 4000 })).toEqual({ reason: 'invalid', detail: 'constructionPower.dateMissing' });
    // "Today" is the server's: a date ahead of it is refused whatever the desk's clock says.
    expect(await disconnect({ finalReading: 4000, disconnectedOn: '2099-01-01' })).toEqual({ reason: 'invalid', detail: 'constructionPower.dateInFuture' });
    expect(await centralRow(caseId)).toMatchObject({ status: 'termination_requested', final_meter_reading: null, cabinet_rent_days: null });
  });

  it('is refused a connection on a case that is not construction power, or without its reading', async () => {
    const caseId = await constructionCase('paid');
    expect(await refusalOf('case.registerConnection', caseId, 'paid', { connectedOn: '2026-11-01' }))
      .toEqual({ reason: 'invalid', detail: 'constructionPower.readingMissing' });
    await admin.query("UPDATE cases SET request_type = 'new_installation', building_use = 'house' WHERE id = $1", [caseId]);
    expect(await refusalOf('case.registerConnection', caseId, 'paid', { startReading: 1, connectedOn: '2026-11-01' }))
      .toEqual({ reason: 'invalid', detail: 'constructionPower.notConstructionPower' });
  });

  it('cannot move a case to disconnected by a bare change of status, skipping the final reading and the rent', async () => {
    const caseId = await constructionCase('termination_requested', { on: '2026-09-01', reading: 1520.5 });
    expect(await refusalOf('case.setStatus', caseId, 'termination_requested', { status: 'disconnected' }))
      .toEqual({ reason: 'statusChanged', detail: 'termination_requested → disconnected' });
    expect((await centralRow(caseId)).status).toBe('termination_requested');
  });

  it('cannot close a terminated case without its final reading', async () => {
    const caseId = await constructionCase('termination_requested', { on: '2026-09-01', reading: 1520.5 });
    expect(await refusalOf('case.close', caseId, 'termination_requested', {})).toEqual({ reason: 'statusChanged', detail: 'termination_requested' });
  });
});

describe('the database behind the service', () => {
  it('holds a final reading below the start and a disconnection before the connection to be impossible', async () => {
    const caseId = await constructionCase('disconnected', { on: '2026-09-01', reading: 1520.5 });
    const below = await admin.query("UPDATE cases SET final_meter_reading = 10, power_disconnected_on = '2026-11-20' WHERE id = $1", [caseId])
      .then(() => null, (error: unknown) => error);
    expect(below).toMatchObject({ code: '23514', constraint: 'cases_meter_readings_valid' });
    const before = await admin.query("UPDATE cases SET final_meter_reading = 2000, power_disconnected_on = '2026-08-01' WHERE id = $1", [caseId])
      .then(() => null, (error: unknown) => error);
    expect(before).toMatchObject({ code: '23514', constraint: 'cases_power_period_valid' });
  });
});
