// What the service checks a case action against, read from PostgreSQL in the applying transaction with the same
// pure rules the desk uses on its cache: the checklist (completeness rules, overrides, attachments), the due date a
// case gets when it becomes complete, whether the installer is active in DSB's register, and construction power's
// record with the price lists and target its steps are decided on. The desk's word for any of these is never taken.
import type pg from 'pg';
import type { ApprovalBlocker } from '../../shared/contract';
import {
  addWorkingDays, evaluateCompleteness, type AttachmentKind, type CompletenessEvaluation, type PriceList,
} from '../../shared/rules';
import { osloDate } from '../clock';
import { FACT_COLUMNS, ruleSetFromStored, type StoredOverride } from '../casework/completenessService';
import { COMPANY_SETTING_DEFAULTS, workingDaysFromText } from '../casework/companySettings';
import { caseFactsOf, fieldsOfRow } from '../import/caseFields';
import { RefusedByCentral } from './centralErrors';
import { GRID_ASSESSMENT_COLUMNS, gridApprovalBlocker, type GridAssessmentRow } from '../casework/gridAssessmentFacts';
import { CONSTRUCTION_RECORD_SQL, constructionRecordOf, type ConstructionPowerFacts } from '../mutations/caseActions';

export interface CentralCompleteness extends CompletenessEvaluation {
  overrides: Record<string, StoredOverride>;
  completeAt: string | null;
}

export async function centralCompleteness(client: pg.ClientBase, caseId: number): Promise<CentralCompleteness> {
  const { rows: [row] } = await client.query<Record<string, unknown>>(
    `SELECT ${FACT_COLUMNS}, completeness_overrides, complete_at FROM cases WHERE id = $1`,
    [caseId],
  );
  if (!row) throw new RefusedByCentral('caseMissing');
  const { completeness_overrides: storedOverrides, complete_at: completeAt, ...factRow } = row;
  const { rows: kinds } = await client.query<{ kind: AttachmentKind }>('SELECT DISTINCT kind FROM attachments WHERE case_id = $1', [caseId]);
  const facts = caseFactsOf(fieldsOfRow(factRow), kinds.map((k) => k.kind));
  const { rows: stored } = await client.query<{ rules: string }>('SELECT rules FROM completeness_rules WHERE request_type = $1', [
    facts.requestType,
  ]);
  const { rules } = ruleSetFromStored(stored[0]?.rules, facts.requestType);
  const overrides = JSON.parse(String(storedOverrides ?? '{}')) as Record<string, StoredOverride>;
  return { ...evaluateCompleteness(facts, rules, overrides), overrides, completeAt: (completeAt as string | null) ?? null };
}

/**
 * The due date of a case that becomes complete at `nowIso`: the company's working days, as the desk counts them.
 * (The other clock, the meter mounted after the ferdigmelding, is set by the importer's plan from the same
 * company_settings rows: messagePlans.ts planCompletionNotice, rules/meterClock.ts.)
 */
export async function centralDueDate(client: pg.ClientBase, nowIso: string): Promise<string> {
  const { rows } = await client.query<{ value: string }>("SELECT value FROM company_settings WHERE key = 'due_working_days'");
  const days = workingDaysFromText(rows[0]?.value, COMPANY_SETTING_DEFAULTS.due_working_days);
  return addWorkingDays(osloDate(new Date(nowIso)), days);
}

/** What stands in the way of approving, as the desk's approvalBlockersOf says it, from the central rows. */
export async function centralApprovalBlockers(client: pg.ClientBase, caseId: number): Promise<ApprovalBlocker[]> {
  const blockers: ApprovalBlocker[] = [];
  if (!(await centralCompleteness(client, caseId)).complete) blockers.push({ code: 'decision.incomplete' });
  const { rows: [installer] } = await client.query<{ name: string; status: string | null }>(
    `SELECT i.name, d.status FROM cases c JOIN installers i ON i.id = c.installer_id
       LEFT JOIN dsb_register d ON d.organisation_number = i.organisation_number
      WHERE c.id = $1`,
    [caseId],
  );
  const state = installer?.status ?? 'not_registered';
  if (state !== 'active') blockers.push({ code: 'decision.installerNotActive', params: { installer: installer?.name ?? '', dsbStatus: state } });
  const { rows: [row] } = await client.query<GridAssessmentRow>(`SELECT ${GRID_ASSESSMENT_COLUMNS} FROM cases WHERE id = $1`, [caseId]);
  const grid = row ? gridApprovalBlocker(row) : null;
  if (grid) blockers.push(grid);
  return blockers;
}

/** Construction power's record on the server's row, and the price lists the rent's rate is taken from. */
export async function centralConstructionFacts(client: pg.ClientBase, caseId: number): Promise<ConstructionPowerFacts> {
  const { rows: [row] } = await client.query<Record<string, unknown>>(
    `SELECT ${CONSTRUCTION_RECORD_SQL} FROM cases WHERE id = $1`,
    [caseId],
  );
  const { rows: lists } = await client.query<{ body: string }>('SELECT body FROM price_lists ORDER BY id, list_version');
  const { rows: [target] } = await client.query<{ value: string }>("SELECT value FROM company_settings WHERE key = 'meter_mounting_working_days'");
  return {
    record: constructionRecordOf(row),
    priceLists: lists.map((list) => JSON.parse(list.body) as PriceList),
    targetWorkingDays: workingDaysFromText(target?.value, COMPANY_SETTING_DEFAULTS.meter_mounting_working_days),
  };
}
