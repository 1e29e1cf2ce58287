// Construction power on the desk, against a real SQLite file through the contract as the renderer calls it:
// connected with the start reading → termination requested → disconnected with the final reading and the rent for
// the actual days → closed with the metering point deregistered; every refusal changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, CaseDetail } from '../../shared/contract';
import { startInProcessHarness, type InProcessHarness } from '../../harness/inProcessHarness';

let harness: InProcessHarness;
let caseId: number;
let otherCaseId: number;

const sql = () => harness.core.database.sqlite;
const act = (id: number, input: Record<string, unknown>) => harness.core.dispatch('case.act', { caseId: id, ...input });
const errorOf = (result: ApiResult<unknown>) => (result.ok ? null : result.error);
const detail = async (id = caseId) => {
  const result = await harness.core.dispatch('case.get', { caseId: id });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as CaseDetail;
};
const columns = () => sql().prepare(
  `SELECT status, power_connected_on, start_meter_reading, power_disconnected_on, final_meter_reading, cabinet_rent_days,
          cabinet_rent_rate_ore, cabinet_rent_net_ore FROM cases WHERE id = ?`,
).get(caseId) as Record<string, unknown>;
const outboxCount = () => (sql().prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;

/** A refusal leaves the case, its history and the outbox as they were. */
async function expectRefused(input: Record<string, unknown>, code: string, params?: Record<string, unknown>) {
  const before = { row: columns(), outbox: outboxCount() };
  const error = errorOf(await act(caseId, input));
  expect(error?.code).toBe(code);
  if (params) expect(error?.params).toEqual(params);
  expect({ row: columns(), outbox: outboxCount() }).toEqual(before);
}

beforeAll(() => {
  harness = startInProcessHarness({ cases: 30 }); // today is 2026-11-27 (HARNESS_NOW)
  const [first, second] = sql().prepare('SELECT id FROM cases ORDER BY id LIMIT 2').all() as { id: number }[];
  caseId = first.id;
  otherCaseId = second.id;
  sql().prepare(
    `UPDATE cases SET request_type = 'temporary_installation', building_use = 'construction_power', status = 'approved',
       power_connected_on = NULL, start_meter_reading = NULL, power_disconnected_on = NULL, final_meter_reading = NULL,
       cabinet_rent_days = NULL, cabinet_rent_rate_ore = NULL, cabinet_rent_net_ore = NULL WHERE id = ?`,
  ).run(caseId);
  sql().prepare("UPDATE cases SET request_type = 'new_installation', building_use = 'house', status = 'paid' WHERE id = ?").run(otherCaseId);
  harness.core.context.casesChanged([caseId, otherCaseId]);
});
afterAll(() => harness.dispose());

describe('construction power from connection to close', () => {
  it('offers the connection on construction power only', async () => {
    expect((await detail()).allowedActions).toContain('registerConnection');
    expect((await detail(otherCaseId)).allowedActions).not.toContain('registerConnection');
    expect((await detail(otherCaseId)).constructionPower).toBeNull();
    const error = errorOf(await act(otherCaseId, { action: 'registerConnection', startReading: 10, connectedOn: '2026-11-01' }));
    expect(error?.code).toBe('constructionPower.notConstructionPower');
  });

  it('cannot be connected by a bare change of status, which would leave no start reading', async () => {
    const before = { row: columns(), outbox: outboxCount() };
    const error = errorOf(await harness.core.dispatch('case.setStatus', { caseId, status: 'connected' }));
    expect(error?.code).toBe('status.transitionNotAllowed');
    expect({ row: columns(), outbox: outboxCount() }).toEqual(before);
  });

  it('refuses a connection without the reading or the day, or dated ahead of today', async () => {
    await expectRefused({ action: 'registerConnection', connectedOn: '2026-09-01' }, 'constructionPower.readingMissing', { which: 'start' });
    await expectRefused({ action: 'registerConnection', startReading: 1520.5 }, 'constructionPower.dateMissing', { which: 'connected' });
    await expectRefused({ action: 'registerConnection', startReading: 1520.5, connectedOn: '2026-11-28' }, 'constructionPower.dateInFuture');
    // More than one decimal is not a reading the central column keeps: refused at the boundary.
    await expectRefused({ action: 'registerConnection', startReading: 1520.55, connectedOn: '2026-09-01' }, 'input.invalid');
  });

  it('connects with the start reading: the columns, the history in the central shape, the outbox by name', async () => {
    expect((await act(caseId, { action: 'registerConnection', startReading: 1520.5, connectedOn: '2026-09-01' })).ok).toBe(true);
    expect(columns()).toMatchObject({ status: 'connected', power_connected_on: '2026-09-01', start_meter_reading: 1520.5,
      power_disconnected_on: null, cabinet_rent_days: null });
    const event = sql().prepare("SELECT data FROM case_events WHERE case_id = ? AND kind = 'status_changed' ORDER BY id DESC LIMIT 1").get(caseId) as { data: string };
    expect(JSON.parse(event.data)).toEqual({ from: 'approved', to: 'connected' });
    const entry = sql().prepare('SELECT mutation, args FROM outbox ORDER BY seq DESC LIMIT 1').get() as { mutation: string; args: string };
    expect({ mutation: entry.mutation, args: JSON.parse(entry.args) })
      .toEqual({ mutation: 'case.registerConnection', args: { caseId, startReading: 1520.5, connectedOn: '2026-09-01' } });
  });

  it('shows the days in use and the rent so far while the cabinet stands (2026 list: 22 kr a day)', async () => {
    const power = (await detail()).constructionPower;
    // 1 September to 27 November, both counted: 30 + 31 + 27 days.
    expect(power).toEqual({ connectedOn: '2026-09-01', startReading: 1520.5, disconnectedOn: null, finalReading: null,
      consumptionKwh: null, days: 88, running: true, rent: { rateOre: 2_200, netOre: 193_600, vatOre: 48_400, grossOre: 242_000 } });
  });

  it('takes the termination request a handler registers, and no longer closes without the final reading', async () => {
    expect((await act(caseId, { action: 'registerTerminationRequest', reason: 'Installatøren ringte 26.11.' })).ok).toBe(true);
    expect(columns().status).toBe('termination_requested');
    // Due to be taken down within the company's target after the request (5 working days from Friday 27.11.).
    expect((await detail()).dueDate).toBe('2026-12-04');
    expect((await detail()).allowedActions).toEqual(['registerDisconnection']);
    await expectRefused({ action: 'close' }, 'decision.notAllowed');
  });

  it('refuses a final reading below the start, a day before the connection or ahead of today, and a missing reading', async () => {
    await expectRefused({ action: 'registerDisconnection', finalReading: 1520.4, disconnectedOn: '2026-11-20' },
      'constructionPower.finalBelowStart', { startReading: 1520.5, finalReading: 1520.4 });
    await expectRefused({ action: 'registerDisconnection', finalReading: 4000, disconnectedOn: '2026-08-31' },
      'constructionPower.disconnectedBeforeConnected', { connectedOn: '2026-09-01', disconnectedOn: '2026-08-31' });
    await expectRefused({ action: 'registerDisconnection', finalReading: 4000, disconnectedOn: '2026-11-28' }, 'constructionPower.dateInFuture');
    await expectRefused({ action: 'registerDisconnection', disconnectedOn: '2026-11-20' }, 'constructionPower.readingMissing', { which: 'final' });
  });

  it('disconnects with the final reading and bills the rent for the actual days at the daily rate', async () => {
    expect((await act(caseId, { action: 'registerDisconnection', finalReading: 4210, disconnectedOn: '2026-11-20' })).ok).toBe(true);
    // 1 September to 20 November, both counted: 30 + 31 + 20 = 81 days at 22 kr.
    expect(columns()).toEqual({ status: 'disconnected', power_connected_on: '2026-09-01', start_meter_reading: 1520.5,
      power_disconnected_on: '2026-11-20', final_meter_reading: 4210, cabinet_rent_days: 81, cabinet_rent_rate_ore: 2_200,
      cabinet_rent_net_ore: 178_200 });
    expect((await detail()).constructionPower).toEqual({ connectedOn: '2026-09-01', startReading: 1520.5,
      disconnectedOn: '2026-11-20', finalReading: 4210, consumptionKwh: 2689.5, days: 81, running: false,
      rent: { rateOre: 2_200, netOre: 178_200, vatOre: 44_550, grossOre: 222_750 } });
  });

  it('closes once the metering point is deregistered', async () => {
    expect((await detail()).allowedActions).toEqual(['deregisterMeteringPoint']);
    expect((await act(caseId, { action: 'deregisterMeteringPoint' })).ok).toBe(true);
    expect(columns().status).toBe('closed');
    expect(columns().cabinet_rent_net_ore).toBe(178_200);
  });
});

describe('a cabinet whose connection was never recorded', () => {
  it('takes the start with the disconnection, and refuses without it', async () => {
    sql().prepare(
      `UPDATE cases SET status = 'termination_requested', power_connected_on = NULL, start_meter_reading = NULL,
         power_disconnected_on = NULL, final_meter_reading = NULL, cabinet_rent_days = NULL, cabinet_rent_rate_ore = NULL,
         cabinet_rent_net_ore = NULL WHERE id = ?`,
    ).run(caseId);
    harness.core.context.casesChanged([caseId]);
    await expectRefused({ action: 'registerDisconnection', finalReading: 900, disconnectedOn: '2026-11-20' },
      'constructionPower.readingMissing', { which: 'start' });
    expect((await act(caseId, { action: 'registerDisconnection', finalReading: 900, disconnectedOn: '2026-11-20',
      startReading: 100, connectedOn: '2026-11-18' })).ok).toBe(true);
    expect(columns()).toMatchObject({ status: 'disconnected', power_connected_on: '2026-11-18', start_meter_reading: 100,
      cabinet_rent_days: 3, cabinet_rent_net_ore: 6_600 });
  });
});
