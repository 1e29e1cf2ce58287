// The facts rules/workRelease.ts decides on, read from either database with the same query (only the JSON and
// time-zone expressions differ): the case's status and whether it is an offer case, the company's release rule,
// and the day of each step — billing steps by the day they happened (billing_events.occurred_on, as the start
// message counts them), approval and the ferdigmelding by the last status change to them in the history (a case
// that went back and came again is released by the latest).
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { fail } from '../../shared/contract';
import { approvalNextStep, type CaseStatus, type RequestType, type WorkReleaseFacts } from '../../shared/rules';
import { osloDate } from '../clock';
import { RefusedByCentral } from '../sync/centralErrors';

type Dialect = 'sqlite' | 'postgres';

const reachedStatus = (dialect: Dialect, to: CaseStatus): string => {
  const target = dialect === 'sqlite' ? "json_extract(e.data, '$.to')" : "e.data->>'to'";
  const last = dialect === 'sqlite' ? 'max(e.at)' : "to_char(max(e.at) AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD')";
  return `(SELECT ${last} FROM case_events e WHERE e.case_id = c.id AND e.kind = 'status_changed' AND ${target} = '${to}')`;
};

const billedOn = (kind: 'acceptance' | 'payment'): string =>
  `(SELECT CAST(min(b.occurred_on) AS text) FROM billing_events b WHERE b.case_id = c.id AND b.outcome = 'applied' AND b.kind = '${kind}')`;

const factsSql = (dialect: Dialect): string => `
  SELECT c.status, c.request_type,
         EXISTS (SELECT 1 FROM offers o WHERE o.case_id = c.id AND o.state IN ('draft', 'issued')) AS has_offer,
         EXISTS (SELECT 1 FROM company_settings s WHERE s.key = 'release_on_acceptance' AND s.value = 'true') AS release_on_acceptance,
         ${billedOn('acceptance')} AS accepted_on,
         ${billedOn('payment')} AS paid_on,
         ${reachedStatus(dialect, 'approved')} AS approved_at,
         ${reachedStatus(dialect, 'completion_reported')} AS completion_reported_at
  FROM cases c WHERE c.id = ${dialect === 'sqlite' ? '?' : '$1'}`;

interface FactsRow {
  status: CaseStatus;
  request_type: RequestType;
  has_offer: number | boolean;
  release_on_acceptance: number | boolean;
  accepted_on: string | null;
  paid_on: string | null;
  /** SQLite: the ISO timestamp; PostgreSQL: already the day in Oslo. */
  approved_at: string | null;
  completion_reported_at: string | null;
}

function factsOf(row: FactsRow, dayOf: (at: string) => string): WorkReleaseFacts {
  return {
    status: row.status,
    offerCase: approvalNextStep(row.request_type, Boolean(row.has_offer)) === 'offer',
    releaseOnAcceptance: Boolean(row.release_on_acceptance),
    approvedOn: row.approved_at === null ? null : dayOf(row.approved_at),
    acceptedOn: row.accepted_on,
    paidOn: row.paid_on,
    completionReportedOn: row.completion_reported_at === null ? null : dayOf(row.completion_reported_at),
  };
}

export function localWorkReleaseFacts(sqlite: Database.Database, caseId: number): WorkReleaseFacts {
  const row = sqlite.prepare(factsSql('sqlite')).get(caseId) as FactsRow | undefined;
  if (!row) return fail('case.notFound', { caseId });
  return factsOf(row, (at) => osloDate(new Date(at)));
}

export async function centralWorkReleaseFacts(client: pg.ClientBase, caseId: number): Promise<WorkReleaseFacts> {
  const { rows: [row] } = await client.query<FactsRow>(factsSql('postgres'), [caseId]);
  if (!row) throw new RefusedByCentral('caseMissing');
  return factsOf(row, (day) => day);
}
