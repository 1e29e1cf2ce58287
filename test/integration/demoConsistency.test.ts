// The demo a freshly seeded database shows agrees with itself (issue 13, "Must show"): every case's history leads to
// its status, a case that went through an offer has the issued offer with its letter and the billing step of each
// status it passed (no case paid without acceptance, invoice and payment), a case past the ferdigmelding has it,
// an apartment building has more than one unit, and a case counted complete meets its checklist.
//
// The invariants are a table: each says which cases it applies to and what is wrong with one, if anything. Add a row
// for a new rule of the life of a case. The test stops at the first violation, names the case, and fails too when a
// status, request type or invariant it claims to cover has no case in the demo (it would then prove nothing).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttachmentStore } from '../../core/attachments/attachmentStore';
import { caseCompleteness } from '../../core/casework/completenessService';
import { openLocalDatabase, type LocalDatabase } from '../../core/db/openLocalDatabase';
import { seedDatabase } from '../../core/demo/seedDatabase';
import { offerPdfName } from '../../core/mutations/offerMutations';
import { REQUEST_TYPES, type CaseStatus } from '../../shared/rules';

const MIGRATIONS = path.resolve(__dirname, '../../db/local/migrations');
const CASES = 2_500;

interface DemoEvent { kind: string; data: Record<string, unknown> }
interface DemoCase {
  id: number;
  caseNumber: string;
  requestType: string;
  status: CaseStatus;
  buildingUse: string;
  unitCount: number;
  completeAt: string | null;
  /** Construction power: the period and the cabinet. */
  wantedStartDate: string | null;
  wantedEndDate: string | null;
  companyCabinet: boolean;
  cabinetId: string | null;
  events: DemoEvent[];
  /** The statuses the case has been in, in order, from its history. */
  path: CaseStatus[];
  offers: Array<{ id: string; offer_version: number; state: string; pdf_sha256: string | null; totals: string }>;
  billing: Array<{ id: string; kind: string; offer_id: string; amount_ore: number | null; outcome: string }>;
  attachments: Array<{ file_name: string; sha256: string }>;
}

interface Context {
  database: LocalDatabase;
  store: AttachmentStore;
}

interface Invariant {
  name: string;
  appliesTo: (c: DemoCase) => boolean;
  /** What is wrong with the case, or null. */
  violation: (c: DemoCase, context: Context) => string | null;
}

const passed = (c: DemoCase, status: CaseStatus) => c.path.includes(status);

/** The billing step that moves a case into each status of the offer's course (rules/offerFollowUp.ts). */
const BILLING_STEP_OF: Partial<Record<CaseStatus, string>> = {
  offer_sent: 'offer_sent', offer_accepted: 'acceptance', invoice_sent: 'invoice', paid: 'payment',
};

/** The event that must come right before the case's move into `status`. */
function eventBeforeMove(c: DemoCase, status: CaseStatus, kind: string, matches: (e: DemoEvent) => boolean = () => true): string | null {
  const move = c.events.findIndex((e) => e.kind === 'status_changed' && e.data.to === status);
  const before = c.events[move - 1];
  if (!before || before.kind !== kind || !matches(before)) return `no ${kind} event right before the move to ${status}`;
  return null;
}

const INVARIANTS: Invariant[] = [
  {
    name: 'the history leads from new to the status, each change from where the last one went',
    appliesTo: () => true,
    violation: (c) => {
      let at: string = 'new';
      for (const e of c.events.filter((event) => event.kind === 'status_changed')) {
        if (e.data.from !== at) return `a change from ${String(e.data.from)} while the case was ${at}`;
        at = String(e.data.to);
      }
      return at === c.status ? null : `the history ends in ${at}, the case is ${c.status}`;
    },
  },
  {
    name: 'a case that went through an offer has it issued, with its letter on file, before it was sent',
    appliesTo: (c) => passed(c, 'offer_sent'),
    violation: (c, { store }) => {
      const offer = c.offers.find((o) => o.state === 'issued');
      if (!offer) return 'no issued offer';
      if (!offer.pdf_sha256 || !existsSync(store.pathOf(offer.pdf_sha256))) return 'the offer has no letter in the attachment store';
      const letter = c.attachments.find((a) => a.sha256 === offer.pdf_sha256);
      if (letter?.file_name !== offerPdfName(c.caseNumber, offer.offer_version)) return 'the offer letter is not filed on the case';
      const issued = c.events.findIndex((e) => e.kind === 'offer_issued' && e.data.offerId === offer.id);
      const sent = c.events.findIndex((e) => e.kind === 'status_changed' && e.data.to === 'offer_sent');
      return issued >= 0 && issued < sent ? null : 'no offer_issued event before the offer was sent';
    },
  },
  {
    name: 'each status of the offer\'s course came with its billing step on the issued offer (no paid case without acceptance, invoice and payment)',
    appliesTo: (c) => passed(c, 'offer_sent'),
    violation: (c) => {
      const offer = c.offers.find((o) => o.state === 'issued');
      for (const [status, kind] of Object.entries(BILLING_STEP_OF) as [CaseStatus, string][]) {
        if (!passed(c, status)) continue;
        const step = c.billing.find((b) => b.kind === kind && b.outcome === 'applied' && b.offer_id === offer?.id);
        if (!step) return `${status} without an applied ${kind} billing event on the issued offer`;
        const wrong = eventBeforeMove(c, status, 'billing_recorded', (e) => e.data.billingEventId === step.id);
        if (wrong) return wrong;
      }
      if (passed(c, 'paid')) {
        const payment = c.billing.find((b) => b.kind === 'payment')!;
        const gross = (JSON.parse(offer!.totals) as { grossOre: number }).grossOre;
        if (payment.amount_ore !== gross) return `paid ${payment.amount_ore} øre of an offer of ${gross} øre`;
      }
      return null;
    },
  },
  {
    name: 'billing events belong to a case that went through an offer',
    appliesTo: (c) => c.billing.length > 0,
    violation: (c) => (passed(c, 'offer_sent') ? null : 'billing events on a case never sent an offer'),
  },
  {
    name: 'a case past the ferdigmelding has it, received right before the move',
    appliesTo: (c) => passed(c, 'completion_reported'),
    violation: (c) => eventBeforeMove(c, 'completion_reported', 'completion_notice_received'),
  },
  {
    name: 'an apartment building (boligblokk) has more than one unit',
    appliesTo: (c) => c.buildingUse === 'apartment_building',
    violation: (c) => (c.unitCount > 1 ? null : `unit count ${c.unitCount}`),
  },
  {
    name: 'construction power runs from its start to a later end, and a rented company cabinet has its number',
    appliesTo: (c) => c.requestType === 'temporary_installation',
    violation: (c) => {
      if (!c.wantedStartDate || !c.wantedEndDate || c.wantedEndDate <= c.wantedStartDate) {
        return `period ${c.wantedStartDate ?? '?'}–${c.wantedEndDate ?? '?'}`;
      }
      return c.companyCabinet && !c.cabinetId ? 'a company cabinet without its number' : null;
    },
  },
  {
    name: 'a case counted complete meets its checklist, every waived item with a reason in the history',
    appliesTo: (c) => c.completeAt !== null,
    violation: (c, { database }) => {
      const checklist = caseCompleteness(database.sqlite, c.id);
      const missing = checklist.items.filter((item) => !item.ok && !item.overridden).map((item) => item.code);
      if (missing.length > 0) return `complete, but missing ${missing.join(', ')}`;
      const waived = checklist.items.filter((item) => item.overridden).map((item) => item.code);
      const told = new Set(c.events.filter((e) => e.kind === 'completeness_overridden').map((e) => e.data.item));
      const untold = waived.filter((code) => !told.has(code));
      return untold.length === 0 ? null : `waived without a history entry: ${untold.join(', ')}`;
    },
  },
];

/** Statuses the demo must show; a status here with no case fails the test. The merger adds the new ones. */
const COVERED_STATUSES: readonly CaseStatus[] = ['new', 'in_review', 'waiting_for_info', 'approved', 'rejected',
  'offer_sent', 'offer_accepted', 'invoice_sent', 'paid', 'completion_reported', 'meter_mounted',
  'metering_point_registered', 'closed'];

let directory: string;
let context: Context;
let cases: DemoCase[];

function groupBy<T extends { case_id: number }>(rows: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const list = map.get(row.case_id) ?? [];
    list.push(row);
    map.set(row.case_id, list);
  }
  return map;
}

function loadCases(database: LocalDatabase): DemoCase[] {
  const all = <T>(sql: string) => database.sqlite.prepare(sql).all() as T[];
  const events = groupBy(all<{ case_id: number; kind: string; data: string }>('SELECT case_id, kind, data FROM case_events ORDER BY id'));
  const offers = groupBy(all<DemoCase['offers'][number] & { case_id: number }>(
    'SELECT case_id, id, offer_version, state, pdf_sha256, totals FROM offers ORDER BY case_id, offer_version'));
  const billing = groupBy(all<DemoCase['billing'][number] & { case_id: number }>(
    'SELECT case_id, id, kind, offer_id, amount_ore, outcome FROM billing_events ORDER BY recorded_at, id'));
  const attachments = groupBy(all<DemoCase['attachments'][number] & { case_id: number }>(
    'SELECT case_id, file_name, sha256 FROM attachments ORDER BY id'));
  const rows = all<{ id: number; case_number: string; request_type: string; status: CaseStatus; building_use: string;
    unit_count: number; complete_at: string | null; wanted_start_date: string | null; wanted_end_date: string | null;
    company_cabinet: number; cabinet_id: string | null }>(
    `SELECT id, case_number, request_type, status, building_use, unit_count, complete_at, wanted_start_date,
       wanted_end_date, company_cabinet, cabinet_id FROM cases ORDER BY id`);
  return rows.map((row) => {
    const history = (events.get(row.id) ?? []).map((e) => ({ kind: e.kind, data: JSON.parse(e.data) as Record<string, unknown> }));
    const moves = history.filter((e) => e.kind === 'status_changed').map((e) => e.data.to as CaseStatus);
    return {
      id: row.id, caseNumber: row.case_number, requestType: row.request_type, status: row.status,
      buildingUse: row.building_use, unitCount: row.unit_count, completeAt: row.complete_at,
      wantedStartDate: row.wanted_start_date, wantedEndDate: row.wanted_end_date, companyCabinet: row.company_cabinet === 1,
      cabinetId: row.cabinet_id, events: history,
      path: ['new', ...moves], offers: offers.get(row.id) ?? [], billing: billing.get(row.id) ?? [],
      attachments: attachments.get(row.id) ?? [],
    };
  });
}

beforeAll(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'demo-consistency-'));
  const database = openLocalDatabase({ file: path.join(directory, 'demo.sqlite'), migrationsFolder: MIGRATIONS });
  const store = new AttachmentStore(path.join(directory, 'attachments'));
  seedDatabase(database.sqlite, { cases: CASES, seed: 20261205, today: '2026-11-28', attachmentStore: store });
  context = { database, store };
  cases = loadCases(database);
}, 120_000);

afterAll(() => {
  context?.database.close();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

describe('the freshly seeded demo', () => {
  it('holds every invariant for every case', () => {
    const checked = new Map(INVARIANTS.map((invariant) => [invariant.name, 0]));
    for (const c of cases) {
      for (const invariant of INVARIANTS) {
        if (!invariant.appliesTo(c)) continue;
        const wrong = invariant.violation(c, context);
        expect(wrong, `case ${c.caseNumber} (${c.requestType}, ${c.status}): ${invariant.name}`).toBeNull();
        checked.set(invariant.name, checked.get(invariant.name)! + 1);
      }
    }
    // An invariant that applied to no case proved nothing.
    for (const [name, count] of checked) expect(count, name).toBeGreaterThan(0);
    expect(cases).toHaveLength(CASES);
  });

  it('shows every status it claims to cover and every request type, the new ones included', () => {
    const count = (pick: (c: DemoCase) => string) => (value: string) => cases.filter((c) => pick(c) === value).length;
    const byStatus = count((c) => c.status);
    const byType = count((c) => c.requestType);
    for (const status of COVERED_STATUSES) expect(byStatus(status), status).toBeGreaterThan(0);
    for (const type of REQUEST_TYPES) expect(byType(type), type).toBeGreaterThan(0);
    for (const type of ['change_of_use', 'permanent_disconnection', 'service_line_move']) {
      expect(byType(type), type).toBeGreaterThan(0);
    }
  });
});
