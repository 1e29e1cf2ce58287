// A seeded, randomised simulation of a day at the desk, through the central service: case handlers and a supervisor
// on two service instances in front of one database, each desk behind its own proxy. They claim cases (leases of
// two seconds, never renewed here, so they lapse), edit under the claims (status actions, notes, offer drafts), a
// supervisor assigns cases and orders work, handlers advance work orders — while the simulation cuts links, stalls
// them silently, loses replies after the service committed (the push hook, and a proxy that cuts the connection as
// the answer comes), crashes pulls between pages, restarts desks, restarts a service instance mid-push, lets claims
// lapse while a desk is offline with edits pending, and makes two desks claim one case at once.
//
// It prints what it did (mutations applied and refused per kind, faults per kind) and fails when a kind it claims
// to cover happened zero times. The busy part lasts SYNC_SIM_MS, and goes on (up to 2.5 times as long, steering its
// steps and faults toward what is missing) while a kind has not happened yet: a loaded machine does less per second,
// and a run must not fail for being slow. A run that hangs fails with what every desk and actor was doing.
//
// Invariants: every outbox entry of every desk applied exactly once or refused (one record per (client id, seq)
// centrally, agreeing with the desk), no entry pending when all is idle, no note lost or doubled, every cache equal
// to the central database, cursors only moving forward, at most one live claim per case at every sample (centrally;
// and no desk that has pulled a case's latest row shows a claim on it that is not its own — a desk that has not yet
// heard that a supervisor reassigned the case may, until it pulls). The seed is printed; SYNC_SIM_SEED replays one
// (the faults' timing is the machine's, so a replay may take another path).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Random } from '../../../core/demo/random';
import { readSyncState } from '../../../core/sync/syncState';
import { CASE_ACTION_MUTATIONS } from '../../../core/mutations/caseActions';
import type { GroupRole } from '../../../service/accounts/staffAccounts';
import { useCentralDatabase } from '../../support/centralDatabase';
import { startService, type RunningService } from '../../support/serviceInstances';
import { differencesFromCentral, type Client } from '../../support/syncClients';
import { startTcpProxy, type TcpProxy } from '../../support/tcpProxy';

const SEED = Number(process.env.SYNC_SIM_SEED ?? Date.now() % 1_000_000);
const RUN_MS = Number(process.env.SYNC_SIM_MS ?? 20_000);
/**
 * A busy part that has not yet covered every kind it claims goes on, up to this long (a loaded machine is slower).
 * The test's deadline is this + 90 s: the busy part's stragglers (30 s), the quiet (30 s), and the checks.
 */
const LONGEST_RUN_MS = RUN_MS * 2.5;
const LEASE_SECONDS = 2;
/** How many cases the desks claim and edit (fewer: more contention). */
const POOL = Number(process.env.SYNC_SIM_POOL ?? 14);
const STALL_MS = 1_500;
const SERVICE_OPTIONS = { leaseSeconds: LEASE_SECONDS, heartbeatMs: 300 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What each part of the run is doing now, so that a run that hangs says where. */
const doing = new Map<string, { what: string; since: number }>();
const mark = (who: string, what: string) => doing.set(who, { what, since: Date.now() });
function engineOf(seat: Seat): string {
  try {
    return JSON.stringify(seat.client.core.central!.engine.status());
  } catch (error) {
    return `(no status: ${String(error)})`;
  }
}
const activity = () => [
  ...[...doing].map(([who, { what, since }]) => `${who}: ${what}, for ${Date.now() - since} ms`),
  ...seats.map((seat) => `${seat.name} engine: ${engineOf(seat)}; proxy ${seat.proxy.stalled ? 'stalled' : 'forwarding'}; network ${seat.netBusy ? 'in a fault' : 'free'}`),
].join('\n');

/** The work, or a failure after `ms` that names what every part of the run was doing. */
async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not done after ${ms} ms (seed ${SEED})\n${activity()}`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

type Fault =
  | 'linkCut' | 'linkStalled' | 'stallDetected' | 'changeWaitedOutStall' | 'replyLostByHook' | 'replyDroppedByProxy'
  | 'pullCrashedBetweenPages' | 'deskRestarted' | 'serviceRestarted' | 'serviceRestartedWithPushPending'
  | 'leaseLapsedWhileOffline' | 'claimContended';
const FAULTS: readonly Fault[] = [
  'linkCut', 'linkStalled', 'stallDetected', 'changeWaitedOutStall', 'replyLostByHook', 'replyDroppedByProxy',
  'pullCrashedBetweenPages', 'deskRestarted', 'serviceRestarted', 'serviceRestartedWithPushPending',
  'leaseLapsedWhileOffline', 'claimContended',
];
const faults = new Map<Fault, number>(FAULTS.map((fault) => [fault, 0]));
const fault = (kind: Fault) => faults.set(kind, faults.get(kind)! + 1);
/** Past RUN_MS, what the run claims to cover and has not yet done: the steps and the faults steer toward it. */
let wanted: readonly string[] = [];
/** Closed cases a desk's first download left out, opened and their detail fetched (under whatever fault was on). */
let leftOutCasesOpened = 0;

/** The kinds of edit the simulation claims to cover; each must be applied at least once. */
const STATUS_ACTION = 'status action';
/** Ending a case (issue 13): a withdrawal, a close with a reason, or a resumed wait, each with its own arguments. */
const ENDING = 'ending';
const ENDING_ARGS: Readonly<Record<string, Record<string, string>>> = {
  withdraw: { withdrawnBy: 'installer' },
  closeWithReason: { closureReason: 'duplicate' },
  resume: { channel: 'phone' },
};
const EDIT_KINDS = [
  'case.claim', 'case.release', 'case.addNote', STATUS_ACTION, ENDING, 'case.createOfferDraft', 'case.saveOfferDraft',
  'case.assign', 'case.orderWork', 'case.advanceWorkOrder',
] as const;
const kindOf = (mutation: string) => {
  if (mutation.slice('case.'.length) in ENDING_ARGS) return ENDING;
  return mutation in CASE_ACTION_MUTATIONS ? STATUS_ACTION : mutation;
};

interface Seat {
  name: string;
  role: GroupRole;
  login: string;
  directory: string;
  instance: 0 | 1;
  proxy: TcpProxy;
  client: Client;
  rand: Random;
  /** The seat's network is in use by a fault or an episode (one at a time). */
  netBusy: boolean;
  hooks: { crashAfterPage: boolean; loseReply: boolean };
  /** Serialises the seat's own steps with restarts of its desk. */
  lock: Promise<unknown>;
  cursors: number[];
  notes: string[];
}

let claimPool: number[] = [];
/** Cases only the lease-lapse fault claims: no other desk takes them meanwhile, so the late edit is refused notClaimed. */
let lapsePool: number[] = [];
let workOrderCases: number[] = [];
const instances: RunningService[] = [];
const ports: number[] = [];
const seats: Seat[] = [];

const central = useCentralDatabase('sync_simulation', {
  seedCases: 60,
  seed: SEED,
  timeout: 120_000,
  async setup({ admin, db }) {
    // Cases to claim and edit: open ones, some new installations (offer drafts); and cases ready for a work order.
    // Cases to claim and edit (14 unless SYNC_SIM_POOL says otherwise), all in review (status actions open), the first five new installations (offers).
    claimPool = (await admin.query<{ id: string }>('SELECT id FROM cases WHERE claimed_by IS NULL ORDER BY id LIMIT $1', [POOL])).rows.map((row) => Number(row.id));
    await admin.query("UPDATE cases SET status = 'in_review' WHERE id = ANY($1)", [claimPool]);
    await admin.query("UPDATE cases SET request_type = 'new_installation', main_fuse_a = 40 WHERE id = ANY($1)", [claimPool.slice(0, 5)]);
    workOrderCases = (await admin.query<{ id: string }>(
      'SELECT id FROM cases WHERE NOT (id = ANY($1)) AND claimed_by IS NULL ORDER BY id DESC LIMIT 4', [claimPool],
    )).rows.map((row) => Number(row.id));
    lapsePool = (await admin.query<{ id: string }>(
      'SELECT id FROM cases WHERE NOT (id = ANY($1)) AND NOT (id = ANY($2)) AND claimed_by IS NULL ORDER BY id LIMIT 6',
      [claimPool, workOrderCases],
    )).rows.map((row) => Number(row.id));
    await admin.query("UPDATE cases SET status = 'in_review' WHERE id = ANY($1)", [lapsePool]);
    for (const caseId of workOrderCases) {
      await admin.query(
        `UPDATE cases SET request_type = 'new_installation', main_fuse_a = 40, has_production = false, municipality_number = '4204',
           status = 'completion_reported', work_routing = '{}' WHERE id = $1`, [caseId]);
      const installerId = (await admin.query('SELECT installer_id FROM cases WHERE id = $1', [caseId])).rows[0].installer_id;
      await admin.query('DELETE FROM prequalifications WHERE installer_id = $1', [installerId]);
      await admin.query(
        `INSERT INTO dsb_register (organisation_number, name, status, as_of)
         SELECT organisation_number, name, 'active', '2026-11-20' FROM installers WHERE id = $1
         ON CONFLICT (organisation_number) DO UPDATE SET status = 'active'`, [installerId]);
    }
    // Two service instances on the one database; the desks spread over them.
    for (let i = 0; i < 2; i++) {
      const running = await startService(db, SERVICE_OPTIONS);
      instances.push(running);
      ports.push(Number(new URL(running.url).port));
    }
    const people: Array<[string, GroupRole]> = [['sim0', 'case_handler'], ['sim1', 'case_handler'], ['sim2', 'case_handler'], ['sup', 'supervisor']];
    for (const [index, [name, role]] of people.entries()) {
      const instance = (index % 2) as 0 | 1;
      const seat: Omit<Seat, 'client'> = {
        name, role, instance,
        login: await db.createLogin(name, role),
        directory: mkdtempSync(path.join(tmpdir(), `desk-${name}-`)),
        proxy: await startTcpProxy('127.0.0.1', ports[instance]),
        rand: new Random(SEED * 31 + index),
        netBusy: false,
        hooks: { crashAfterPage: false, loseReply: false },
        lock: Promise.resolve(),
        cursors: [],
        notes: [],
      };
      seats.push(Object.assign(seat, { client: await open(seat) }));
    }
    await Promise.all(seats.map((seat) => seat.client.core.central!.engine.whenIdle()));
  },
});

/** The seat's desk on its cache, through its proxy, to its instance (signing in again if the instance is restarting). */
async function open(seat: Omit<Seat, 'client'>): Promise<Client> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await central.startClient(seat.name, seat.role, {
        pull: {
          pageSize: 50,
          afterPage: () => {
            if (!seat.hooks.crashAfterPage) return;
            seat.hooks.crashAfterPage = false;
            fault('pullCrashedBetweenPages');
            throw new Error('Connection terminated (simulated crash between pages)');
          },
        },
        push: {
          afterCentralCommit: () => {
            if (!seat.hooks.loseReply) return;
            seat.hooks.loseReply = false;
            fault('replyLostByHook');
            throw new Error('Connection terminated (simulated lost reply)');
          },
        },
        pollIntervalMs: 1_000,
        backoff: { initialMs: 20, maxMs: 250 },
        stallMs: STALL_MS,
        callTimeoutMs: 3_000,
      }, { login: seat.login, directory: seat.directory, url: (target) => seat.proxy.urlFor(target), service: instances[seat.instance] });
    } catch (error) {
      if (attempt > 50) throw error;
      await sleep(100);
    }
  }
}

/** Runs work on the seat's desk, never while it is being restarted. */
function withSeat<T>(seat: Seat, work: () => Promise<T>): Promise<T> {
  const next = seat.lock.then(work, work);
  seat.lock = next.catch(() => undefined);
  return next;
}

type Detail = { claim: { state: string }; allowedActions: string[]; status: string };
const detailOf = (seat: Seat, caseId: number) => seat.client.core.handlers['case.get']({ caseId }) as Detail;
async function dispatch(seat: Seat, name: string, input: unknown): Promise<{ ok: boolean; value?: unknown }> {
  mark(`${seat.name} dispatch`, `${name} ${JSON.stringify(input)}`);
  try {
    return await seat.client.core.dispatch(name, input);
  } finally {
    mark(`${seat.name} dispatch`, `returned from ${name}`);
  }
}
const pick = <T>(rand: Random, items: readonly T[]): T => items[Math.floor(rand.next() * items.length)];

async function writeNote(seat: Seat, caseId: number): Promise<void> {
  const body = `sim ${SEED} ${seat.name} ${seat.notes.length} ${Date.now()}`;
  if ((await dispatch(seat, 'case.addNote', { caseId, body })).ok) seat.notes.push(body);
}

async function claimAndWait(seat: Seat, caseId: number, ms = 1_500): Promise<boolean> {
  if (detailOf(seat, caseId).claim.state !== 'mine' && !(await dispatch(seat, 'case.claim', { caseId })).ok) return false;
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (detailOf(seat, caseId).claim.state === 'mine') return true;
    await sleep(30);
  }
  return false;
}

/** One edit under the seat's claim on the case: a status action, a note, or an offer draft (new or changed). */
async function editUnderClaim(seat: Seat, caseId: number): Promise<void> {
  const roll = seat.rand.next();
  if (roll < 0.4) {
    // Construction power's steps carry meter readings and dates of their own (tests/integration/*constructionPower*).
    const allowed = detailOf(seat, caseId).allowedActions.filter((action) => `case.${action}` in CASE_ACTION_MUTATIONS
      && !/offer|invoice|payment|connection|disconnection|deregister/i.test(action));
    // Endings close cases for good: one status action in six, so the rest of the life still has cases to work on.
    const endings = allowed.filter((action) => action in ENDING_ARGS);
    const steps = allowed.filter((action) => !(action in ENDING_ARGS));
    const endingShare = wanted.includes(`${ENDING} applied`) ? 1 / 2 : 1 / 6;
    const actions = endings.length > 0 && (steps.length === 0 || seat.rand.next() < endingShare) ? endings : steps;
    if (actions.length > 0) {
      const action = pick(seat.rand, actions);
      await dispatch(seat, 'case.act', action === 'approve' ? { caseId, action } : { caseId, action, reason: `sim ${SEED}`, ...ENDING_ARGS[action] });
      return;
    }
  }
  if (roll < 0.7) {
    const sqlite = seat.client.core.database.sqlite;
    const draft = sqlite.prepare("SELECT id FROM offers WHERE case_id = ? AND state = 'draft' ORDER BY id LIMIT 1").get(caseId) as { id: string } | undefined;
    if (!draft) {
      await dispatch(seat, 'case.createOfferDraft', { caseId });
      return;
    }
    const offer = await dispatch(seat, 'offer.get', { offerId: draft.id });
    const value = offer.value as { id: string; lines: Array<{ unitPriceOre: number }>; connectionFeeDeductionOre: number } | undefined;
    if (offer.ok && value && value.lines.length > 0) {
      const [first, ...rest] = value.lines;
      await dispatch(seat, 'case.saveOfferDraft', {
        offerId: value.id, lines: [{ ...first, unitPriceOre: first.unitPriceOre + 100 }, ...rest], connectionFeeDeductionOre: value.connectionFeeDeductionOre,
      });
      return;
    }
  }
  await writeNote(seat, caseId);
}

/** A handler's or the supervisor's next step. */
async function step(seat: Seat): Promise<void> {
  const { rand } = seat;
  const roll = rand.next();
  const sqlite = seat.client.core.database.sqlite;
  if (seat.role === 'supervisor') {
    if (roll < 0.35) {
      const handlers = seats.filter((s) => s.role === 'case_handler').map((s) => s.login);
      await dispatch(seat, 'case.assign', { caseId: pick(rand, claimPool), assigneeId: rand.next() < 0.2 ? null : pick(rand, handlers) });
    } else if (roll < 0.65) {
      const caseId = pick(rand, workOrderCases);
      const open = sqlite.prepare("SELECT 1 FROM work_orders WHERE case_id = ? AND status <> 'done'").get(caseId);
      if (!open) await dispatch(seat, 'case.orderWork', { caseId, workKind: 'direct_meter_mounting' });
      else await advanceSomeOrder(seat);
    } else if (roll < 0.8) {
      await writeNote(seat, pick(rand, claimPool));
    } else {
      const caseId = pick(rand, claimPool);
      if (await claimAndWait(seat, caseId)) await editUnderClaim(seat, caseId);
    }
    return;
  }
  if (roll < 0.25) {
    await writeNote(seat, pick(rand, claimPool));
  } else if (roll < 0.8) {
    const caseId = pick(rand, claimPool);
    if (!(await claimAndWait(seat, caseId))) return;
    const edits = 1 + Math.floor(rand.next() * 3);
    for (let i = 0; i < edits && detailOf(seat, caseId).claim.state === 'mine'; i++) {
      await editUnderClaim(seat, caseId);
      await sleep(rand.next() * 150);
    }
    if (rand.next() < 0.6 && detailOf(seat, caseId).claim.state === 'mine') await dispatch(seat, 'case.release', { caseId });
  } else if (roll < 0.86) {
    await openLeftOutCase(seat);
  } else {
    await advanceSomeOrder(seat);
  }
}

/** Opens a closed case the seat's first download left out, and counts it once its detail has come. */
async function openLeftOutCase(seat: Seat): Promise<void> {
  const sqlite = seat.client.core.database.sqlite;
  const marked = sqlite.prepare('SELECT case_id FROM case_detail_on_server ORDER BY case_id').pluck().all() as number[];
  if (marked.length === 0) return;
  const caseId = pick(seat.rand, marked);
  detailOf(seat, caseId);
  const until = Date.now() + 3_000;
  while (Date.now() < until) {
    if (!sqlite.prepare('SELECT 1 FROM case_detail_on_server WHERE case_id = ?').get(caseId)) {
      leftOutCasesOpened++;
      return;
    }
    await sleep(30);
  }
}

async function advanceSomeOrder(seat: Seat): Promise<void> {
  const orders = seat.client.core.database.sqlite
    .prepare("SELECT id, status FROM work_orders WHERE status IN ('ordered', 'accepted') ORDER BY id")
    .all() as Array<{ id: string; status: string }>;
  if (orders.length === 0) return;
  const order = pick(seat.rand, orders);
  await dispatch(seat, 'case.advanceWorkOrder', { orderId: order.id, to: order.status === 'ordered' ? 'accepted' : 'done' });
}

/** Takes the seat's network for a fault or an episode, if no other has it. */
async function withNet(seat: Seat, work: () => Promise<void>): Promise<void> {
  if (seat.netBusy) return;
  seat.netBusy = true;
  try {
    await work();
  } finally {
    seat.proxy.restore();
    seat.netBusy = false;
  }
}

/** The faults, in seeded turns so that every kind comes several times in a run. */
async function injectFault(kind: string, rand: Random): Promise<boolean> {
  const seat = kind === 'leaseLapse' ? pick(rand, seats.filter((s) => s.role === 'case_handler')) : pick(rand, seats);
  const before = [...faults.values()].reduce((a, b) => a + b, 0);
  const engine = () => seat.client.core.central!.engine;
  switch (kind) {
    case 'cut':
      await withNet(seat, async () => {
        seat.proxy.cut();
        fault('linkCut');
        await sleep(200 + rand.next() * 600);
      });
      break;
    case 'stall':
      await withNet(seat, async () => {
        seat.proxy.stall();
        fault('linkStalled');
        // A change made in the stall waits for the link (the watchdog takes the desk offline meanwhile).
        await withSeat(seat, () => writeNote(seat, pick(rand, claimPool)));
        let left = false;
        const until = Date.now() + STALL_MS * 2 + 500;
        while (Date.now() < until) {
          if (engine().status().state !== 'connected') left = true;
          await sleep(40);
        }
        if (left) fault('stallDetected');
        if (engine().pendingCount() > 0) fault('changeWaitedOutStall');
      });
      break;
    case 'loseReply':
      seat.hooks.loseReply = true;
      await withSeat(seat, () => writeNote(seat, pick(rand, claimPool)));
      break;
    case 'dropReply': {
      const before = seat.proxy.repliesDropped;
      seat.proxy.dropReplyTo('POST /api/push');
      await withSeat(seat, () => writeNote(seat, pick(rand, claimPool)));
      // Until the note's push has gone out and its answer been cut (a loaded machine takes longer), or 3 s.
      for (const until = Date.now() + 3_000; seat.proxy.repliesDropped === before && Date.now() < until;) await sleep(40);
      seat.proxy.dropReplyTo('POST /api/push', 0);
      for (let i = seat.proxy.repliesDropped - before; i > 0; i--) fault('replyDroppedByProxy');
      break;
    }
    case 'crashPull':
      // Armed, then a change elsewhere gives the desk a pull to crash in.
      seat.hooks.crashAfterPage = true;
      await withSeat(pick(rand, seats.filter((s) => s !== seat)), async () => {
        const other = seats.find((s) => s !== seat)!;
        await writeNote(other, pick(rand, claimPool));
      });
      await sleep(300);
      break;
    case 'restartDesk':
      await withSeat(seat, async () => {
        await seat.client.close();
        seat.client = await open(seat);
        fault('deskRestarted');
      });
      break;
    case 'restartService': {
      const index = seat.instance;
      // A push on its way to the instance as it goes down.
      const on = seats.filter((s) => s.instance === index && !s.netBusy);
      await Promise.all(on.map((s) => withSeat(s, () => writeNote(s, pick(rand, claimPool)))));
      const pending = on.reduce((n, s) => n + s.client.core.central!.engine.pendingCount(), 0);
      await instances[index].close();
      fault('serviceRestarted');
      if (pending > 0) fault('serviceRestartedWithPushPending');
      await sleep(200 + rand.next() * 300);
      instances[index] = await startService(central.db, SERVICE_OPTIONS, ports[index]);
      break;
    }
    case 'leaseLapse': {
      await withNet(seat, () => withSeat(seat, async () => {
        const open = lapsePool.filter((id) => detailOf(seat, id).allowedActions.includes('reject'));
        if (open.length === 0) return;
        const caseId = pick(rand, open);
        if (!(await claimAndWait(seat, caseId))) return;
        // Offline with a status action under the claim (one that needs it), for longer than the lease: it is refused
        // when it arrives, since nobody else takes these cases.
        seat.proxy.cut();
        if (!(await dispatch(seat, 'case.act', { caseId, action: 'reject', reason: `sim ${SEED}: leasen løp ut` })).ok) return;
        await sleep(LEASE_SECONDS * 1_000 + 600);
        fault('leaseLapsedWhileOffline');
      }));
      break;
    }
    case 'contend': {
      const handlers = seats.filter((s) => s.role === 'case_handler');
      const [a, b] = [handlers[0], handlers[1 + Math.floor(rand.next() * 2)]];
      // A case no one holds centrally, asked for by two desks at the same moment: one gets it.
      const { rows } = await central.admin.query<{ id: string }>(
        'SELECT id FROM cases WHERE id = ANY($1) AND (claimed_by IS NULL OR lease_until <= now()) ORDER BY id', [claimPool],
      );
      const free = rows.map((row) => Number(row.id)).filter((id) => detailOf(a, id).claim.state !== 'mine' && detailOf(b, id).claim.state !== 'mine');
      if (free.length === 0) break;
      const caseId = pick(rand, free);
      await Promise.all([withSeat(a, () => dispatch(a, 'case.claim', { caseId })), withSeat(b, () => dispatch(b, 'case.claim', { caseId }))]);
      fault('claimContended');
      break;
    }
  }
  return [...faults.values()].reduce((a, b) => a + b, 0) > before;
}
const FAULT_TURNS = ['cut', 'stall', 'loseReply', 'dropReply', 'crashPull', 'restartDesk', 'restartService', 'leaseLapse', 'contend'];
/** The turn that brings each fault about. */
const TURN_OF: Readonly<Record<Fault, string>> = {
  linkCut: 'cut', linkStalled: 'stall', stallDetected: 'stall', changeWaitedOutStall: 'stall', replyLostByHook: 'loseReply',
  replyDroppedByProxy: 'dropReply', pullCrashedBetweenPages: 'crashPull', deskRestarted: 'restartDesk',
  serviceRestarted: 'restartService', serviceRestartedWithPushPending: 'restartService', leaseLapsedWhileOffline: 'leaseLapse',
  claimContended: 'contend',
};

interface Counted {
  applied: number;
  refused: number;
  reasons: Map<string, number>;
}
interface OutboxEntry {
  seat: Seat;
  seq: number;
  state: string;
  mutation: string;
  args: string;
}

/** Every desk's outbox, and per kind of edit how many were applied and refused (and why). */
function countEdits(): { edits: Map<string, Counted>; entries: OutboxEntry[] } {
  const edits = new Map<string, Counted>();
  const entries: OutboxEntry[] = [];
  for (const seat of seats) {
    const rows = seat.client.core.database.sqlite.prepare('SELECT seq, state, mutation, args, rejection FROM outbox').all() as Array<{
      seq: number; state: string; mutation: string; args: string; rejection: string | null;
    }>;
    for (const row of rows) {
      entries.push({ seat, ...row });
      const kind = kindOf(row.mutation);
      const counted = edits.get(kind) ?? { applied: 0, refused: 0, reasons: new Map<string, number>() };
      if (row.state === 'applied') counted.applied++;
      else if (row.state === 'rejected') {
        counted.refused++;
        counted.reasons.set(row.rejection ?? '?', (counted.reasons.get(row.rejection ?? '?') ?? 0) + 1);
      }
      edits.set(kind, counted);
    }
  }
  return { edits, entries };
}

const refusals = (edits: Map<string, Counted>, reason: string) =>
  [...edits.values()].reduce((n, counted) => n + (counted.reasons.get(reason) ?? 0), 0);

/** What the run claims to cover and has not yet done (an edit kind applied, a refusal, a fault, a fetched case). */
function uncovered(edits: Map<string, Counted>): string[] {
  return [
    ...EDIT_KINDS.filter((kind) => (edits.get(kind)?.applied ?? 0) === 0).map((kind) => `${kind} applied`),
    ...(refusals(edits, 'claimedByOther') === 0 ? ['refused: claimed by another'] : []),
    ...(refusals(edits, 'notClaimed') + refusals(edits, 'staleClaim') === 0 ? ['refused: the lease had lapsed'] : []),
    ...FAULTS.filter((kind) => faults.get(kind) === 0),
    ...(leftOutCasesOpened === 0 ? ['closed cases left out by the first download, opened and fetched'] : []),
  ];
}

describe(`a randomised day at the desk through the service (seed ${SEED}, replay with SYNC_SIM_SEED=${SEED})`, () => {
  it('keeps every invariant and covers every kind it claims', { timeout: LONGEST_RUN_MS + 90_000 }, async () => {
    console.log(`Sync simulation seed ${SEED} (replay: SYNC_SIM_SEED=${SEED})`);
    const started = Date.now();
    const end = started + RUN_MS;
    const violations: string[] = [];
    // Busy for RUN_MS, and longer (up to LONGEST_RUN_MS) while a kind the run claims to cover has not happened yet.
    let missing = ['(not yet counted)'];
    let missingAtEnd = null as string[] | null; // set in the sampler (a closure), so not narrowed to null here
    const busy = () => Date.now() < end || (missing.length > 0 && Date.now() < started + LONGEST_RUN_MS);
    let samples = 0;
    let staleClaimViews = 0;
    try {
      // Cursors and live claims, sampled all through the run.
      const sampler = (async () => {
        while (busy()) {
          samples++;
          mark('sampler', 'sampling');
          try {
            missing = uncovered(countEdits().edits);
            if (Date.now() >= end && missingAtEnd === null) missingAtEnd = missing;
            wanted = Date.now() < end ? [] : missing;
          } catch {
            // a desk is restarting: counted at the next sample
          }
          const now = Date.now();
          // Every claim a desk shows as live (its own), with the desk's cursor at that moment.
          const shown: Array<{ seat: Seat; caseId: number; cursor: number; token: number }> = [];
          for (const seat of seats) {
            let sqlite;
            let cursor: number;
            try {
              sqlite = seat.client.core.database.sqlite;
              cursor = readSyncState(sqlite).cursor;
            } catch {
              continue; // the desk is restarting
            }
            seat.cursors.push(cursor);
            const held = sqlite.prepare('SELECT id, lease_until, claim_token FROM cases WHERE claimed_by = ? AND lease_until IS NOT NULL').all(seat.login) as Array<{ id: number; lease_until: string; claim_token: number }>;
            for (const row of held) if (Date.parse(row.lease_until) > now) shown.push({ seat, caseId: row.id, cursor, token: row.claim_token });
          }
          // A desk may show a claim the server has since ended (a supervisor reassigned the case) only while it has not
          // pulled that change yet: shown live by a desk whose cursor has passed the row's version, it must be the one.
          if (shown.length > 0) {
            const { rows: current } = await central.admin.query<{ id: string; claimed_by: string | null; live: boolean; version: string; claim_token: string }>(
              'SELECT id, claimed_by, coalesce(lease_until > now(), false) AS live, version, claim_token FROM cases WHERE id = ANY($1)',
              [shown.map((claim) => claim.caseId)],
            );
            const byId = new Map(current.map((row) => [Number(row.id), row]));
            for (const claim of shown) {
              const row = byId.get(claim.caseId)!;
              if (row.claimed_by === claim.seat.login && Number(row.claim_token) === claim.token) continue;
              if (claim.cursor < Number(row.version)) staleClaimViews++;
              else violations.push(`${claim.seat.name} shows case ${claim.caseId} (token ${claim.token}) as claimed at cursor ${claim.cursor}; central: ${JSON.stringify(row)}`);
            }
          }
          const { rows } = await central.admin.query<{ id: string; n: string }>(
            'SELECT id, count(*) AS n FROM cases WHERE claimed_by IS NOT NULL AND lease_until > now() GROUP BY id HAVING count(*) > 1',
          );
          for (const row of rows) violations.push(`central case ${row.id} has ${row.n} live claims`);
          mark('sampler', 'resting');
          await sleep(150);
        }
        mark('sampler', 'done');
      })();
      const actors = seats.map(async (seat) => {
        while (busy()) {
          mark(seat.name, 'in a step');
          await withSeat(seat, () => step(seat)).catch((error: unknown) => violations.push(`${seat.name} step: ${String(error)}`));
          mark(seat.name, 'between steps');
          await sleep(seat.rand.next() * 120);
        }
        mark(seat.name, 'done');
      });
      const faultRandom = new Random(SEED * 7 + 1);
      const injector = (async () => {
        await sleep(300);
        // Every kind once, in a seeded order (tried again where it found nothing to do), then at random until the end.
        // Past RUN_MS, only the turns of faults that have not happened yet.
        const inject = async (kind: string) => {
          mark('injector', `fault turn ${kind}`);
          const done = await injectFault(kind, faultRandom);
          mark('injector', 'resting');
          return done;
        };
        for (const kind of [...FAULT_TURNS].sort(() => faultRandom.next() - 0.5)) {
          for (let attempt = 0; attempt < 5 && !(await inject(kind)); attempt++) await sleep(200);
          await sleep(100 + faultRandom.next() * 200);
        }
        while (busy()) {
          const turns = Date.now() < end ? FAULT_TURNS : FAULTS.filter((kind) => wanted.includes(kind)).map((kind) => TURN_OF[kind]);
          if (turns.length > 0) await inject(pick(faultRandom, turns));
          await sleep(100 + faultRandom.next() * 200);
        }
        mark('injector', 'done');
      })();
      await within(LONGEST_RUN_MS + 30_000, 'the busy part', Promise.all([sampler, injector, ...actors]));
      const busyEndedMs = Date.now() - started;

      // Everyone back online; the faults stop; wait until all is quiet.
      for (const seat of seats) {
        seat.proxy.restore();
        seat.proxy.dropReplyTo('POST /api/push', 0);
        seat.hooks = { crashAfterPage: false, loseReply: false };
      }
      const quiet = () => Promise.all(seats.map((seat) => seat.client.core.central!.engine.whenIdle()));
      await within(30_000, 'every desk idle after the faults', (async () => {
        for (let round = 0; round < 3; round++) {
          await quiet();
          await sleep(300);
        }
        await quiet();
      })());
      const busyMs = Date.now() - started;

      // What the run did, per kind of edit (from every desk's outbox) and per fault.
      const { edits, entries } = countEdits();
      const table = [
        `Sync simulation, seed ${SEED}: ${busyEndedMs} ms busy (${RUN_MS} at least), ${busyMs} ms until quiet, ${samples} samples, 4 desks on 2 service instances`,
        `went on past ${RUN_MS} ms for: ${missingAtEnd === null || missingAtEnd.length === 0 ? 'nothing' : missingAtEnd.join(', ')}`,
        `cases claimed and edited ${claimPool.join(' ')}; work-order cases ${workOrderCases.join(' ')}`,
        `claims shown by a desk that had not yet pulled their end (samples): ${staleClaimViews}`,
        `${'edit'.padEnd(24)}${'applied'.padStart(8)}${'refused'.padStart(8)}  refusals`,
        ...[...new Set([...EDIT_KINDS, ...edits.keys()])].map((kind) => {
          const counted = edits.get(kind) ?? { applied: 0, refused: 0, reasons: new Map() };
          const reasons = [...counted.reasons].map(([reason, n]) => `${reason} ${n}`).join(', ');
          return `${kind.padEnd(24)}${String(counted.applied).padStart(8)}${String(counted.refused).padStart(8)}  ${reasons}`;
        }),
        `closed cases the first download left out, opened and fetched: ${leftOutCasesOpened}`,
        `${'fault'.padEnd(32)}${'times'.padStart(6)}`,
        ...FAULTS.map((kind) => `${kind.padEnd(32)}${String(faults.get(kind)).padStart(6)}`),
      ];
      console.log(table.join('\n'));

      // Every kind the simulation claims to cover happened.
      expect(uncovered(edits), 'kinds the simulation claims to cover and did not').toEqual([]);

      // The invariants.
      expect(violations, 'at most one live claim per case; no step failed').toEqual([]);
      const admin = central.admin;
      for (const seat of seats) {
        expect(seat.cursors, `${seat.name} cursors only move forward`).toEqual([...seat.cursors].sort((a, b) => a - b));
        const mine = entries.filter((entry) => entry.seat === seat);
        expect(mine.filter((entry) => entry.state === 'pending'), `${seat.name} pending`).toEqual([]);
        const { rows: recorded } = await admin.query<{ seq: string; outcome: string; n: string }>(
          'SELECT seq, min(outcome) AS outcome, count(*) AS n FROM applied_mutations WHERE client_id = $1 GROUP BY seq',
          [seat.client.core.context.clientId],
        );
        const bySeq = new Map(recorded.map((row) => [Number(row.seq), row]));
        for (const entry of mine) {
          const record = bySeq.get(entry.seq);
          // Applied exactly once, or refused (a refusal the service could not store, for a role that may not record
          // one, leaves no record — none here: every role in the simulation may).
          expect(record?.n, `${seat.name} seq ${entry.seq} ${entry.mutation} recorded once`).toBe('1');
          expect(record?.outcome, `${seat.name} seq ${entry.seq} ${entry.mutation}`).toBe(entry.state === 'applied' ? 'applied' : 'rejected');
        }
        expect(recorded.length, `${seat.name}: no central record without an outbox entry`).toBe(mine.length);
        // No note lost, none doubled: a note applied is there once, a refused one not at all.
        for (const body of seat.notes) {
          const entry = mine.find((e) => e.mutation === 'case.addNote' && (JSON.parse(e.args) as { body: string }).body === body);
          expect(entry, `the outbox entry of note "${body}"`).toBeDefined();
          const { rows } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM notes WHERE body = $1', [body]);
          expect(rows[0].n, body).toBe(entry!.state === 'applied' ? 1 : 0);
        }
        // Work orders and offer drafts: each applied one exists centrally.
        for (const entry of mine.filter((e) => e.state === 'applied' && (e.mutation === 'case.orderWork' || e.mutation === 'case.createOfferDraft'))) {
          const args = JSON.parse(entry.args) as { orderId?: string; offerId?: string };
          const { rows } = entry.mutation === 'case.orderWork'
            ? await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM work_orders WHERE id = $1', [args.orderId])
            : await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM offers WHERE id = $1', [args.offerId]);
          expect(rows[0].n, `${entry.mutation} ${args.orderId ?? args.offerId}`).toBe(1);
        }
        expect(await differencesFromCentral(seat.client.core, central.db.adminUrl), `${seat.name} cache`).toEqual([]);
      }
    } catch (error) {
      console.error(`Sync simulation failed with seed ${SEED} (replay: SYNC_SIM_SEED=${SEED})`);
      throw error;
    }
  });
});
