// An issued offer put straight into a database, for tests of what comes after the offer (billing, start approval,
// the expired-offers filter) that need an offer's figures and validity but not its letter.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { storedFigures } from '../../core/mutations/offerMutations';
import { toStoredLines } from '../../core/offers/storedLines';
import { calculateOffer, type OfferCalculation, type OfferLine } from '../../shared/rules';

export interface IssuedOfferSpec {
  version?: number;
  grossOre?: number;
  validUntil?: string;
  state?: 'issued' | 'superseded' | 'draft';
  /** The letter's blob (stored already), as a desk's issue leaves it. */
  pdfSha256?: string;
}

/** One VAT-exempt cable line of the whole amount, so the grand total is `grossOre` and the figures are real ones. */
function figuresOf(grossOre: number): { lines: string; calculation: OfferCalculation } {
  const lines: OfferLine[] = [{
    id: 'test:cable', component: 'cable', kind: 'material', description: 'Kabel', quantityMilli: 1000, unit: 'stk',
    unitPriceOre: grossOre, vatCode: 'exempt', source: null,
  }];
  const calculation = calculateOffer({ lines, connectionFeeDeduction: null });
  if (calculation.grossOre !== grossOre) throw new Error('the test offer does not add up');
  return { lines: JSON.stringify(lines), calculation };
}
/** The central database keeps the whole calculation; a desk keeps the figures as issued. */
const centralTotalsOf = (grossOre: number) => JSON.stringify(figuresOf(grossOre).calculation);
const localTotalsOf = (grossOre: number) => storedFigures(figuresOf(grossOre).calculation);
/** An offer's lines adding up to `grossOre`: JSON text of OfferLine objects, as the central database and the outbox hold them. */
export const linesOf = (grossOre: number) => figuresOf(grossOre).lines;
/** The same lines as the desk's SQLite stores them (core/offers/storedLines.ts). */
const storedLinesOf = (grossOre: number) => toStoredLines(JSON.parse(linesOf(grossOre)) as OfferLine[]);

export function insertIssuedOffer(sqlite: Database.Database, caseId: number, spec: IssuedOfferSpec = {}): string {
  const id = randomUUID();
  const state = spec.state ?? 'issued';
  sqlite
    .prepare(
      `INSERT INTO offers (id, case_id, offer_version, state, price_list_id, price_list_version, lines, totals, valid_until,
         issued_at, issued_by, created_at, created_by)
       VALUES (?, ?, ?, ?, 'agder-nett-standard', 2, ?, ?, ?, ?, ?, '2026-11-20T09:00:00.000Z', 'test')`,
    )
    .run(id, caseId, spec.version ?? 1, state, storedLinesOf(spec.grossOre ?? 1_234_550), localTotalsOf(spec.grossOre ?? 1_234_550), spec.validUntil ?? '2026-12-31',
      state === 'draft' ? null : '2026-11-20T09:00:00.000Z', state === 'draft' ? null : 'test');
  return id;
}

/**
 * Centrally, as the owner (who may insert an issued offer directly; the guard sets issued_by). Issued on 2026-11-20
 * like the local one, so the tests' billing steps, dated after it, are not before the offer.
 */
export async function insertIssuedOfferCentral(client: pg.ClientBase, caseId: number, spec: IssuedOfferSpec = {}): Promise<string> {
  const id = randomUUID();
  await client.query(
    `INSERT INTO offers (id, case_id, offer_version, state, price_list_id, price_list_version, lines, totals, valid_until, issued_at,
       pdf_sha256)
     VALUES ($1, $2, $3, $4, (SELECT id FROM price_lists ORDER BY id, list_version LIMIT 1),
             (SELECT list_version FROM price_lists ORDER BY id, list_version LIMIT 1), $7, $5, $6, '2026-11-20T09:00:00.000Z', $8)`,
    [id, caseId, spec.version ?? 1, spec.state ?? 'issued', centralTotalsOf(spec.grossOre ?? 1_234_550), spec.validUntil ?? '2026-12-31',
      linesOf(spec.grossOre ?? 1_234_550), spec.pdfSha256 ?? null],
  );
  return id;
}
