// A case's completeness as the local database sees it: its facts, the grid company's rules for its type (or the
// shipped default), the handlers' overrides; and the moment it becomes complete (complete_at + due date).
import type Database from 'better-sqlite3';
import { CompletenessRuleSetSchema, fail, type CompletenessRulesFile, type CompletenessView } from '../../shared/contract';
import {
  addWorkingDays,
  defaultCompletenessRules,
  evaluateCompleteness,
  REQUEST_TYPES,
  type AttachmentKind,
  type CaseFacts,
  type CompletenessEvaluation,
  type CompletenessRuleSet,
  type RequestType,
} from '../../shared/rules';
import { osloDate } from '../clock';
import { caseFactsOf, fieldsOfRow } from '../import/caseFields';
import { dueWorkingDays } from './companySettings';

export interface StoredOverride {
  reason: string;
  by: string;
  at: string;
}

export interface CaseCompleteness extends CompletenessEvaluation {
  requestType: RequestType;
  overrides: Record<string, StoredOverride>;
  completeAt: string | null;
  dueDate: string | null;
  clockPausedOn: string | null;
  rulesSource: 'company' | 'default';
}

export const FACT_COLUMNS = `request_type, building_use, network_system, phases, main_fuse_a, meter_fuse_a, expected_power_kw,
  expected_energy_kwh, ev_charging_a, unit_count, metering_point_ids, meter_numbers, has_production, production_kw,
  inverter, battery_kwh, owner_name, owner_id_kind, owner_national_id, owner_organisation_number, owner_email,
  owner_phone, address, postcode, municipality_number, gnr, bnr, fnr, snr, installer_contact, wanted_start_date,
  wanted_connection_date, shared_service_line, wanted_end_date, company_cabinet, cabinet_id, free_text`;

export function caseFactsFromDatabase(sqlite: Database.Database, caseId: number): CaseFacts {
  const row = sqlite.prepare(`SELECT ${FACT_COLUMNS} FROM cases WHERE id = ?`).get(caseId) as Record<string, unknown> | undefined;
  if (!row) return fail('case.notFound', { caseId });
  const kinds = sqlite.prepare('SELECT DISTINCT kind FROM attachments WHERE case_id = ?').pluck().all(caseId) as AttachmentKind[];
  return caseFactsOf(fieldsOfRow(row), kinds);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The grid company's rules for a type, or the shipped default when it stored none (or none that still parses). */
export function completenessRulesFor(
  sqlite: Database.Database,
  requestType: RequestType,
): { rules: CompletenessRuleSet; source: 'company' | 'default' } {
  const stored = sqlite.prepare('SELECT rules FROM completeness_rules WHERE request_type = ?').pluck().get(requestType) as
    | string
    | undefined;
  return ruleSetFromStored(stored, requestType);
}

/** A stored rule set (JSON text) checked against the schema; the shipped default when absent or broken. */
export function ruleSetFromStored(
  stored: string | undefined,
  requestType: RequestType,
): { rules: CompletenessRuleSet; source: 'company' | 'default' } {
  if (stored !== undefined) {
    const parsed = CompletenessRuleSetSchema.safeParse(parseJson(stored));
    if (parsed.success) return { rules: parsed.data, source: 'company' };
  }
  return { rules: defaultCompletenessRules(requestType), source: 'default' };
}

export function caseCompleteness(sqlite: Database.Database, caseId: number): CaseCompleteness {
  const facts = caseFactsFromDatabase(sqlite, caseId);
  const row = sqlite
    .prepare('SELECT completeness_overrides, complete_at, due_date, clock_paused_on FROM cases WHERE id = ?')
    .get(caseId) as { completeness_overrides: string; complete_at: string | null; due_date: string | null; clock_paused_on: string | null };
  const overrides = JSON.parse(row.completeness_overrides) as Record<string, StoredOverride>;
  const { rules, source } = completenessRulesFor(sqlite, facts.requestType);
  return {
    ...evaluateCompleteness(facts, rules, overrides),
    requestType: facts.requestType,
    overrides,
    completeAt: row.complete_at,
    dueDate: row.due_date,
    clockPausedOn: row.clock_paused_on,
    rulesSource: source,
  };
}

/** The due date of a case that becomes complete at `nowIso`: the company's working days from that Oslo date. */
export function dueDateFrom(sqlite: Database.Database, nowIso: string): string {
  return addWorkingDays(osloDate(new Date(nowIso)), dueWorkingDays(sqlite));
}

export function completenessView(sqlite: Database.Database, caseId: number): CompletenessView {
  const state = caseCompleteness(sqlite, caseId);
  const nameOf = sqlite.prepare('SELECT display_name FROM users WHERE id = ?').pluck();
  return {
    caseId,
    requestType: state.requestType,
    complete: state.complete,
    items: state.items.map((item) => {
      const override = item.overridden ? state.overrides[item.code] : undefined;
      return {
        ...item,
        override: override ? { ...override, byName: (nameOf.get(override.by) as string | undefined) ?? null } : null,
      };
    }),
    completeAt: state.completeAt,
    dueDate: state.dueDate,
    clockPausedOn: state.clockPausedOn,
    rulesSource: state.rulesSource,
  };
}

/** Stores a rules file whole, or nothing: a bad edit is refused with the path of what is wrong. */
export function storeCompletenessRules(sqlite: Database.Database, file: CompletenessRulesFile, nowIso: string): number {
  const upsert = sqlite.prepare(
    `INSERT INTO completeness_rules (request_type, rules, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (request_type) DO UPDATE SET rules = excluded.rules, updated_at = excluded.updated_at`,
  );
  const entries = REQUEST_TYPES.flatMap((type) => {
    const ruleSet = file.ruleSets[type];
    return ruleSet ? [[type, CompletenessRuleSetSchema.parse(ruleSet)] as const] : [];
  });
  sqlite.transaction(() => {
    for (const [type, ruleSet] of entries) upsert.run(type, JSON.stringify(ruleSet), nowIso);
  })();
  return entries.length;
}
