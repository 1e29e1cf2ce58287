// Offers through the contract, standalone against a real SQLite file and a real Chromium: a draft made from the
// standard lines the request implies, priced by the price list in effect; edits the calculation refuses leave the
// draft as it was; issuing renders the owner's letter to a PDF stored with the case and freezes the offer; a
// revised offer supersedes the first and the history shows both.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  AppError, CaseDetail, CreateOfferDraftResult, IssueOfferResult, OfferDetail, OfferSummary,
} from '../../shared/contract';
import { calculateOffer, formatNok, ISSUED_FIGURES, issuedFiguresOf } from '../../shared/rules';
import { fromStoredLines, toStoredLines } from '../../core/offers/storedLines';
import { startInProcessHarness, type InProcessHarness } from '../../harness/inProcessHarness';

let harness: InProcessHarness;
let caseId: number;
let caseNumber: string;
let ownerName: string;

beforeEach(() => {
  harness = startInProcessHarness({ cases: 20 });
  const row = sqlite()
    .prepare("SELECT id, case_number, owner_name FROM cases WHERE request_type = 'new_installation' AND id NOT IN (SELECT case_id FROM offers) ORDER BY id LIMIT 1")
    .get() as { id: number; case_number: string; owner_name: string };
  ({ id: caseId, case_number: caseNumber, owner_name: ownerName } = row);
  // A 63 A main fuse: direct metering, so the direct-meter connection fee and meter.
  sqlite().prepare('UPDATE cases SET main_fuse_a = 63 WHERE id = ?').run(caseId);
});
afterEach(() => harness.dispose());

const sqlite = () => harness.core.database.sqlite;
async function ok<T>(name: string, input: unknown): Promise<T> {
  const result = await harness.core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}
async function refused(name: string, input: unknown): Promise<AppError> {
  const result = await harness.core.dispatch(name, input);
  if (result.ok) throw new Error(`${name} was accepted`);
  return result.error;
}
const offerRow = (id: string) => sqlite().prepare('SELECT * FROM offers WHERE id = ?').get(id);
const outboxCount = () => (sqlite().prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');

describe('a draft from the standard lines', () => {
  it('prices a new direct-metered installation by the list in effect today, with the fee deducted', async () => {
    const draft = await ok<CreateOfferDraftResult>('case.createOfferDraft', { caseId });
    expect(draft).toMatchObject({ offerVersion: 1, missing: [] });
    const offer = await ok<OfferDetail>('offer.get', { offerId: draft.offerId });
    // The harness's today is 2026-11-27: version 2 (from 2026-01-01) applies, not version 1.
    expect(offer).toMatchObject({ state: 'draft', priceListId: 'agder-nett-standard', priceListVersion: 2 });
    const fee = offer.lines.find((line) => line.component === 'fee');
    expect(fee).toMatchObject({ id: 'std:connect_direct_meter', unitPriceOre: 230_000, quantityMilli: 1000, vatCode: 'exempt' });
    expect(offer.lines.map((line) => line.id)).toContain('std:meter_direct');
    expect(offer.lines.map((line) => line.id)).not.toContain('std:meter_transformer_set');
    expect(offer.calculation.components.map((c) => c.component)).toEqual([
      'cable', 'ducts_and_covers', 'cabinet', 'planning_hours', 'execution_hours', 'groundworks', 'commissioning',
      'surveying_and_documentation', 'meter_with_mounting', 'fee',
    ].filter((c) => offer.lines.some((line) => line.component === c)));
    expect(offer.connectionFeeDeductionOre).toBe(230_000);
    expect(offer.calculation.deduction?.amountOre).toBe(-230_000);
    // Every figure says how it came about; the last step is the grand total.
    expect(offer.calculation.explanation.at(-1)).toMatchObject({ code: 'grand_total', amountOre: offer.calculation.grossOre });
    expect(offer.grossOre).toBe(offer.calculation.grossOre);
  });

  it('takes the transformer-meter fee above 80 A, and numbers a second draft 2', async () => {
    sqlite().prepare('UPDATE cases SET main_fuse_a = 125 WHERE id = ?').run(caseId);
    const first = await ok<CreateOfferDraftResult>('case.createOfferDraft', { caseId });
    const second = await ok<CreateOfferDraftResult>('case.createOfferDraft', { caseId });
    expect([first.offerVersion, second.offerVersion]).toEqual([1, 2]);
    const offer = await ok<OfferDetail>('offer.get', { offerId: first.offerId });
    expect(offer.lines.find((line) => line.component === 'fee')).toMatchObject({ id: 'std:connect_transformer_meter', unitPriceOre: 620_000 });
    expect(offer.lines.map((line) => line.id)).toContain('std:meter_transformer_set');
    expect((await ok<OfferSummary[]>('offer.list', { caseId })).map((o) => o.offerVersion)).toEqual([1, 2]);
  });
});

describe('saving a draft', () => {
  it('stores edited lines and works the totals out again', async () => {
    const { offerId } = await ok<CreateOfferDraftResult>('case.createOfferDraft', { caseId });
    const before = await ok<OfferDetail>('offer.get', { offerId });
    const lines = before.lines.map((line) => (line.id === 'std:cable_tfxp_4x50_al' ? { ...line, quantityMilli: 40_000 } : line));
    await ok('case.saveOfferDraft', { offerId, lines, connectionFeeDeductionOre: 230_000 });
    const after = await ok<OfferDetail>('offer.get', { offerId });
    const cable = before.lines.find((line) => line.id === 'std:cable_tfxp_4x50_al')!;
    // 25 m → 40 m of cable: the total grows by exactly 15 m × the unit price (exempt: no VAT).
    expect(after.calculation.grossOre - before.calculation.grossOre).toBe(15 * cable.unitPriceOre);
    expect(JSON.parse((offerRow(offerId) as { totals: string }).totals).grossOre).toBe(after.calculation.grossOre);
  });

  it('refuses a negative price or a deduction larger than the contribution, and changes nothing', async () => {
    const { offerId } = await ok<CreateOfferDraftResult>('case.createOfferDraft', { caseId });
    const stored = offerRow(offerId);
    const outbox = outboxCount();
    const { lines, calculation } = await ok<OfferDetail>('offer.get', { offerId });

    const negative = lines.map((line, i) => (i === 1 ? { ...line, unitPriceOre: -100 } : line));
    const priceError = await refused('case.saveOfferDraft', { offerId, lines: negative, connectionFeeDeductionOre: 230_000 });
    expect(priceError).toMatchObject({ code: 'offer.invalid' });
    expect(String(priceError.params?.message)).toContain('must not be negative');

    const tooMuch = calculation.contributionBeforeDeductionOre + 1;
    const deductionError = await refused('case.saveOfferDraft', { offerId, lines, connectionFeeDeductionOre: tooMuch });
    expect(deductionError).toMatchObject({ code: 'offer.invalid' });
    expect(String(deductionError.params?.message)).toContain('larger than the investment contribution');

    expect(offerRow(offerId)).toEqual(stored);
    expect(outboxCount()).toBe(outbox);
  });
});

describe('a plusskunde', () => {
  /** The case as a request for 10 kW of solar on a 63 A, 3-phase 230 V IT fuse (about 25 kW): within the fuse. */
  function solarCase(productionKw: number): void {
    sqlite()
      .prepare(`UPDATE cases SET request_type = 'production', has_production = 1, production_kw = ?, main_fuse_a = 63,
                  network_system = '230V_IT', phases = 3 WHERE id = ?`)
      .run(productionKw, caseId);
  }
  const cableLine = {
    id: 'line:cable', component: 'cable', kind: 'material', description: 'Kabel TFXP 4x50 Al', quantityMilli: 10_000,
    unit: 'm', unitPriceOre: 8_900, vatCode: 'exempt', source: null,
  };

  it('within the main fuse gets a draft with no contribution, and an offer with one is refused and not issued', async () => {
    solarCase(10);
    const { offerId } = await ok<CreateOfferDraftResult>('case.createOfferDraft', { caseId });
    expect((await ok<OfferDetail>('offer.get', { offerId })).lines).toEqual([]);
    await ok('case.saveOfferDraft', { offerId, lines: [cableLine], connectionFeeDeductionOre: null });
    const outbox = outboxCount();
    expect(await refused('case.issueOffer', { offerId })).toMatchObject({ code: 'offer.plusskundeContribution' });
    expect(offerRow(offerId)).toMatchObject({ state: 'draft' });
    expect(outboxCount()).toBe(outbox);
  });

  it('beyond the main fuse may be offered a contribution', async () => {
    solarCase(40);
    const { offerId } = await ok<CreateOfferDraftResult>('case.createOfferDraft', { caseId });
    expect((await ok<OfferDetail>('offer.get', { offerId })).lines.map((line) => line.id)).toEqual(['std:planning_hour', 'std:commissioning']);
    await ok<IssueOfferResult>('case.issueOffer', { offerId });
    expect(offerRow(offerId)).toMatchObject({ state: 'issued' });
  });
});

describe('issuing', () => {
  it('renders the owner’s letter to a PDF kept with the case, and freezes the offer', async () => {
    const { offerId } = await ok<CreateOfferDraftResult>('case.createOfferDraft', { caseId });
    const draft = await ok<OfferDetail>('offer.get', { offerId });
    const issued = await ok<IssueOfferResult>('case.issueOffer', { offerId });

    const attachment = sqlite().prepare('SELECT * FROM attachments WHERE id = ?').get(issued.pdfAttachmentId) as {
      case_id: number; kind: string; file_name: string; mime_type: string; sha256: string; size_bytes: number;
    };
    expect(attachment).toMatchObject({
      case_id: caseId, kind: 'other', file_name: `tilbud-${caseNumber}-v1.pdf`, mime_type: 'application/pdf', sha256: issued.pdfSha256,
    });
    const file = path.join(harness.dataDirectory, 'attachments', issued.pdfSha256);
    const pdf = readFileSync(file);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(issued.pdfSha256);
    expect(pdf.length).toBe(attachment.size_bytes);
    const text = plain(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    expect(text).toContain(ownerName);
    expect(text).toContain(plain(formatNok(draft.calculation.grossOre)));
    expect(text).toContain(`Sak ${caseNumber}`);

    const offer = await ok<OfferDetail>('offer.get', { offerId });
    // 3 months' validity from 27 November 2026.
    expect(offer).toMatchObject({ state: 'issued', validUntil: '2027-02-27', pdfAttachmentId: issued.pdfAttachmentId, issuedBy: harness.core.context.currentUser().id });
    expect(offer.calculation.grossOre).toBe(draft.calculation.grossOre);

    const frozen = offerRow(offerId);
    expect(await refused('case.saveOfferDraft', { offerId, lines: [], connectionFeeDeductionOre: null })).toMatchObject({ code: 'offer.notDraft' });
    expect(await refused('case.issueOffer', { offerId })).toMatchObject({ code: 'offer.notDraft' });
    expect(offerRow(offerId)).toEqual(frozen);
  });

  it('keeps an issued offer as its lines and figures as issued, works the rest out again, and says when they differ', async () => {
    const { offerId } = await ok<CreateOfferDraftResult>('case.createOfferDraft', { caseId });
    await ok<IssueOfferResult>('case.issueOffer', { offerId });
    // The row holds the four figures as issued, as a central desk's cache holds a pulled offer, not the calculation.
    const stored = JSON.parse((offerRow(offerId) as { totals: string }).totals) as Record<string, number>;
    expect(Object.keys(stored)).toEqual([...ISSUED_FIGURES]);
    const whole = await ok<OfferDetail>('offer.get', { offerId });
    const figures = issuedFiguresOf(whole.calculation);
    expect(stored).toEqual(figures);
    expect(whole.calculation.lines).toHaveLength(whole.lines.length);
    expect(whole.calculation.explanation.at(-1)).toMatchObject({ code: 'grand_total', amountOre: figures.grossOre });
    expect(whole.figuresAsIssued).toBeNull();
    expect(whole.grossOre).toBe(figures.grossOre);

    // A rule of calculation changed since the offer went out: what was sent stands, and the desk says so.
    sqlite().prepare('UPDATE offers SET totals = ? WHERE id = ?').run(JSON.stringify({ ...figures, grossOre: figures.grossOre + 100 }), offerId);
    const differing = await ok<OfferDetail>('offer.get', { offerId });
    expect(differing.figuresAsIssued).toEqual({ ...figures, grossOre: figures.grossOre + 100 });
    expect(differing.grossOre).toBe(figures.grossOre + 100);
  });

  it('keeps only the figures of an offer a desk stored whole before (local migration 0026), and its calculation stands', async () => {
    const { offerId } = await ok<CreateOfferDraftResult>('case.createOfferDraft', { caseId });
    await ok<IssueOfferResult>('case.issueOffer', { offerId });
    const before = await ok<OfferDetail>('offer.get', { offerId });
    const whole = calculateOffer({ lines: before.lines, connectionFeeDeduction: before.connectionFeeDeductionOre });
    sqlite().prepare('UPDATE offers SET totals = ? WHERE id = ?').run(JSON.stringify(whole), offerId);
    const draft = await ok<CreateOfferDraftResult>('case.createOfferDraft', { caseId });
    sqlite().prepare("UPDATE offers SET totals = '{}' WHERE id = ?").run(draft.offerId);

    sqlite().exec(readFileSync(path.resolve('db/local/migrations/0026_offer_figures_only.sql'), 'utf8'));
    const stored = JSON.parse((offerRow(offerId) as { totals: string }).totals) as Record<string, number>;
    expect(Object.keys(stored)).toEqual([...ISSUED_FIGURES]);
    expect(stored).toEqual(issuedFiguresOf(whole));
    expect((offerRow(draft.offerId) as { totals: string }).totals).toBe('{}');
    expect(await ok<OfferDetail>('offer.get', { offerId })).toEqual(before);
  });

  it('stores the lines without their key names and repeats (local migration 0031), and an offer stored before reads the same', async () => {
    const { offerId } = await ok<CreateOfferDraftResult>('case.createOfferDraft', { caseId });
    await ok<IssueOfferResult>('case.issueOffer', { offerId });
    const before = await ok<OfferDetail>('offer.get', { offerId });
    const stored = (offerRow(offerId) as { lines: string }).lines;
    expect(stored).toBe(toStoredLines(before.lines));
    expect(stored).not.toContain('description');
    expect(stored.length).toBeLessThan(JSON.stringify(before.lines).length * 0.6);

    // As a desk stored them before, in the row and in the copy a local change keeps to roll back to (0025).
    const objects = JSON.stringify(before.lines);
    sqlite().prepare("UPDATE offers SET lines = ?, server_row = json_object('lines', ?, 'state', 'issued') WHERE id = ?")
      .run(objects, objects, offerId);
    expect(await ok<OfferDetail>('offer.get', { offerId })).toEqual(before);
    sqlite().exec(readFileSync(path.resolve('db/local/migrations/0031_offer_lines_stored_compact.sql'), 'utf8'));
    const migrated = offerRow(offerId) as { lines: string; server_row: string };
    expect(migrated.lines).not.toContain('description');
    expect(fromStoredLines(migrated.lines)).toEqual(before.lines);
    expect(JSON.parse(migrated.server_row)).toEqual({ lines: migrated.lines, state: 'issued' });
    // What 0031 writes has every id and source written out; the form written since leaves out the repeats.
    expect(stored.length).toBeLessThan(migrated.lines.length * 0.8);
    expect(await ok<OfferDetail>('offer.get', { offerId })).toEqual(before);
  });

  it("addresses the owner's postal address and names the cabinet the request gives as the connection point", async () => {
    sqlite().prepare(`UPDATE cases SET owner_postal_address = 'Postboks 77', owner_postcode = '4661', owner_post_town = 'Kristiansand S',
                      cabinet_id = 'KS-4204-0999' WHERE id = ?`).run(caseId);
    const { offerId } = await ok<CreateOfferDraftResult>('case.createOfferDraft', { caseId });
    const issued = await ok<IssueOfferResult>('case.issueOffer', { offerId });
    const file = path.join(harness.dataDirectory, 'attachments', issued.pdfSha256);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/^\s*Tilknytningspunkt\s+Kabelskap KS-4204-0999\s*$/m);
    expect(text).toContain('Postboks 77');
    expect(text).toContain('4661 Kristiansand S');
  });

  it('a revised offer supersedes the first, and the history shows both', async () => {
    const first = await ok<CreateOfferDraftResult>('case.createOfferDraft', { caseId });
    const v1 = await ok<IssueOfferResult>('case.issueOffer', { offerId: first.offerId });
    const second = await ok<CreateOfferDraftResult>('case.createOfferDraft', { caseId });
    const { lines } = await ok<OfferDetail>('offer.get', { offerId: second.offerId });
    await ok('case.saveOfferDraft', { offerId: second.offerId, lines: lines.slice(0, -1), connectionFeeDeductionOre: 230_000 });
    const v2 = await ok<IssueOfferResult>('case.issueOffer', { offerId: second.offerId });
    expect(v2.pdfSha256).not.toBe(v1.pdfSha256);

    const list = await ok<OfferSummary[]>('offer.list', { caseId });
    expect(list.map((o) => [o.offerVersion, o.state])).toEqual([[1, 'superseded'], [2, 'issued']]);
    const total = (id: string) => (list.find((o) => o.id === id)!).grossOre;

    // The case history as the case view reads it.
    const detail = await ok<CaseDetail>('case.get', { caseId });
    const events = detail.events.filter((e) => e.kind.startsWith('offer_')).sort((a, b) => a.id - b.id);
    expect(events.map((e) => ({ kind: e.kind, data: e.data }))).toEqual([
      { kind: 'offer_issued', data: { offerId: first.offerId, version: 1, totalOre: total(first.offerId) } },
      { kind: 'offer_superseded', data: { offerId: first.offerId, version: 1 } },
      { kind: 'offer_issued', data: { offerId: second.offerId, version: 2, totalOre: total(second.offerId) } },
    ]);
    const files = sqlite().prepare("SELECT file_name FROM attachments WHERE case_id = ? AND file_name LIKE 'tilbud-%' ORDER BY id").all(caseId);
    expect(files).toEqual([{ file_name: `tilbud-${caseNumber}-v1.pdf` }, { file_name: `tilbud-${caseNumber}-v2.pdf` }]);
  });
});
