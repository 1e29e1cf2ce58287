// A firm's case as the portal shows it (portalGetCase): the facts as sent, and the thread both ways in time order,
// built from what a firm's user may read under row-level security (migrations 0019, 0020): the installer's side of
// the case history (its messages arriving, changes of status), the grid company's messages to the installer, and
// the case's attachments. Every query runs in the caller's asFirm transaction; a case of another firm is not found.
import type pg from 'pg';
import { CompletenessRuleSetSchema } from '../../shared/contract/completeness';
import { completionActionFor } from '../../core/import/messagePlans';
import type { PortalAttachment, PortalCase, PortalRequestedItem, PortalThreadEntry } from '../../shared/portalApi/cases';
import type { PortalInboxKind } from '../../shared/portalApi/inbox';
import {
  type ClosureReason,
  canTakeAction, defaultCompletenessRules, type CaseStatus, type CompletenessRuleSet, type RequestType,
} from '../../shared/rules';
import { iso } from './portalSessions';
import { constructionPowerView } from '../../core/cases/constructionPowerView';

type Row = Record<string, unknown>;
type Json = Record<string, unknown>;

/** JSON as the driver gives it: parsed, or (jsonb read as text, and the text columns that hold JSON) a string. */
function parsed(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}
const list = (value: unknown): unknown[] => {
  const json = parsed(value);
  return Array.isArray(json) ? json : [];
};
const object = (value: unknown): Json => {
  const json = parsed(value);
  return json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Json) : {};
};
const strings = (value: unknown): string[] => list(value).filter((v): v is string => typeof v === 'string');
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** The case's columns a firm may read (0019), dates as text so that no time zone moves them. */
const CASE_COLUMNS = `id, case_number, status, request_type, address, postcode, post_town, submitted_at,
  due_date::text AS due_date, complete_at, decision_reason, closure_reason, approval_conditions, municipality_number, gnr, bnr, fnr, snr,
  building_use, network_system, phases, main_fuse_a, meter_fuse_a, expected_power_kw, expected_energy_kwh,
  ev_charging_a, unit_count, metering_point_ids, meter_numbers, has_production, production_kw, inverter, battery_kwh,
  owner_name, owner_organisation_number, owner_email, owner_phone, wanted_start_date::text AS wanted_start_date,
  wanted_connection_date::text AS wanted_connection_date, free_text, portal_case_handler(id) AS handler,
  power_connected_on::text AS power_connected_on, start_meter_reading, power_disconnected_on::text AS power_disconnected_on,
  final_meter_reading, cabinet_rent_days, cabinet_rent_rate_ore, cabinet_rent_net_ore,
  (now() AT TIME ZONE 'Europe/Oslo')::date::text AS today`;

export const SUMMARY_COLUMNS = `case_number, status, request_type, address, postcode, post_town, submitted_at,
  due_date::text AS due_date, portal_case_handler(id) AS handler`;

export function summaryOf(row: Row) {
  return {
    caseNumber: String(row.case_number),
    status: row.status as CaseStatus,
    requestType: row.request_type as RequestType,
    address: String(row.address),
    postcode: String(row.postcode),
    postTown: String(row.post_town),
    submittedAt: iso(row.submitted_at),
    handler: text(row.handler),
    dueDate: text(row.due_date),
  };
}

function attachmentOf(row: Row): PortalAttachment {
  return {
    id: Number(row.id),
    kind: row.kind as PortalAttachment['kind'],
    fileName: String(row.file_name),
    mimeType: String(row.mime_type),
    sizeBytes: Number(row.size_bytes),
    receivedAt: iso(row.received_at),
  };
}

/** The loaded rule set's items (company practice), or the shipped defaults, to word what was asked for. */
async function rulesOf(client: pg.ClientBase, requestType: RequestType): Promise<CompletenessRuleSet> {
  const { rows: [stored] } = await client.query<{ rules: string }>('SELECT rules FROM completeness_rules WHERE request_type = $1', [requestType]);
  if (stored) {
    const parsed = CompletenessRuleSetSchema.safeParse(JSON.parse(stored.rules));
    if (parsed.success) return parsed.data;
  }
  return defaultCompletenessRules(requestType);
}

function requestedItems(codes: string[], rules: CompletenessRuleSet): PortalRequestedItem[] {
  return codes.map((code) => {
    const rule = rules.items.find((item) => item.code === code);
    if (!rule) return { code, label: { nb: code, en: code }, requires: null };
    return { code, label: { nb: rule.label.nb, en: rule.label.en ?? rule.label.nb }, requires: rule.requires };
  });
}

/**
 * The files of a message: a request's are those received at its sending; a supplement's or a notice's are named in
 * its event (kind and file name), each taken once, in the order they were stored.
 */
function filesOf(named: unknown, unclaimed: PortalAttachment[]): PortalAttachment[] {
  const files: PortalAttachment[] = [];
  for (const file of list(named) as Json[]) {
    const index = unclaimed.findIndex((a) => a.kind === file.kind && a.fileName === file.fileName);
    if (index >= 0) files.push(...unclaimed.splice(index, 1));
  }
  return files;
}

const INCOMING_KIND = {
  received: 'request',
  supplement_received: 'supplement',
  completion_notice_received: 'completion_notice',
} as const;

function threadOf(c: Row, events: Row[], outgoing: Row[], attachments: PortalAttachment[], rules: CompletenessRuleSet): PortalThreadEntry[] {
  const submittedAt = iso(c.submitted_at);
  const unclaimed = attachments.filter((a) => a.receivedAt !== submittedAt);
  const entries: PortalThreadEntry[] = [];
  for (const event of events) {
    const data = object(event.data);
    const at = iso(event.at);
    if (event.kind === 'status_changed') {
      entries.push({ type: 'status', at, from: data.from as CaseStatus, to: data.to as CaseStatus, reason: text(data.reason),
        conditions: strings(data.conditions) });
      continue;
    }
    const kind = INCOMING_KIND[event.kind as keyof typeof INCOMING_KIND];
    // A refused notice was never taken (the portal undoes it; a file's is answered by the completion_refused message).
    if (!kind || data.refused !== undefined) continue;
    entries.push({
      type: 'incoming',
      kind,
      at,
      text: kind === 'request' ? text(c.free_text) : text(data.text),
      changedFields: strings(data.changedFields),
      completedOn: text(data.completedOn),
      energisedOn: text(data.energisedOn),
      meterNumbers: strings(data.meterNumbers),
      meterReadings: (list(data.meterReadings) as Json[]).map((r) => ({ meterNumber: String(r.meterNumber), readingKwh: Number(r.readingKwh) })),
      ...(data.partial === true ? { partial: true } : {}),
      attachments: kind === 'request' ? attachments.filter((a) => a.receivedAt === submittedAt) : filesOf(data.attachments, unclaimed),
    });
  }
  for (const message of outgoing) {
    entries.push({
      type: 'outgoing',
      kind: message.kind as PortalInboxKind,
      at: iso(message.created_at),
      subject: String(message.subject),
      body: String(message.body),
      items: requestedItems(strings(message.items), rules),
    });
  }
  // A stable sort: at the same moment the installer's message comes before what it caused.
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

/** The firm's case with this number, or null (another firm's is not there for it). */
export async function readPortalCase(client: pg.ClientBase, caseNumber: string): Promise<PortalCase | null> {
  const { rows: [c] } = await client.query<Row>(`SELECT ${CASE_COLUMNS} FROM cases WHERE case_number = $1`, [caseNumber]);
  if (!c) return null;
  const [attachmentRows, events, outgoing, rules] = [
    (await client.query<Row>(
      'SELECT id, kind, file_name, mime_type, size_bytes, received_at FROM attachments WHERE case_id = $1 ORDER BY received_at, id', [c.id])).rows,
    (await client.query<Row>('SELECT kind, at, data FROM case_events WHERE case_id = $1 ORDER BY at, id', [c.id])).rows,
    (await client.query<Row>(
      'SELECT kind, created_at, subject, body, items FROM outgoing_messages WHERE case_id = $1 ORDER BY created_at, id', [c.id])).rows,
    await rulesOf(client, c.request_type as RequestType),
  ];
  const attachments = attachmentRows.map(attachmentOf);
  const thread = threadOf(c, events, outgoing, attachments, rules);
  const status = c.status as CaseStatus;
  const lastQuestion = [...thread].reverse().find((e) => e.type === 'outgoing' && e.kind === 'information_request');
  // What the importer would take now (rules/caseStatus.ts); construction power's notice asks for termination.
  const acceptsSupplement = canTakeAction('receiveSupplement', status, 'system');
  return {
    ...summaryOf(c),
    completeAt: c.complete_at === null ? null : iso(c.complete_at),
    decisionReason: text(c.decision_reason),
    closureReason: (text(c.closure_reason) as ClosureReason | null),
    approvalConditions: strings(c.approval_conditions),
    installation: {
      municipalityNumber: String(c.municipality_number),
      gnr: num(c.gnr), bnr: num(c.bnr), fnr: num(c.fnr), snr: num(c.snr),
      buildingUse: c.building_use as PortalCase['installation']['buildingUse'],
      networkSystem: c.network_system as PortalCase['installation']['networkSystem'],
      phases: Number(c.phases),
      mainFuseA: num(c.main_fuse_a),
      meterFuseA: num(c.meter_fuse_a),
      expectedPowerKw: num(c.expected_power_kw),
      expectedEnergyKwh: num(c.expected_energy_kwh),
      evChargingA: num(c.ev_charging_a),
      unitCount: Number(c.unit_count),
      meteringPointIds: strings(c.metering_point_ids),
      meterNumbers: strings(c.meter_numbers),
    },
    production: c.has_production
      ? { productionKw: num(c.production_kw), inverter: text(c.inverter), batteryKwh: num(c.battery_kwh) }
      : null,
    owner: { name: String(c.owner_name), organisationNumber: text(c.owner_organisation_number), email: text(c.owner_email), phone: text(c.owner_phone) },
    wantedStartDate: text(c.wanted_start_date),
    wantedConnectionDate: text(c.wanted_connection_date),
    freeText: text(c.free_text),
    thread,
    attachments,
    requestedItems: acceptsSupplement && lastQuestion?.type === 'outgoing' ? lastQuestion.items : [],
    acceptsSupplement,
    acceptsCompletionNotice: canTakeAction(completionActionFor(String(c.request_type)), status, 'system'),
    // The rent so far is the desk's estimate at today's rate; the firm sees the rent once it is billed at disconnection.
    constructionPower: constructionPowerView({
      requestType: c.request_type, connectedOn: c.power_connected_on, startReading: c.start_meter_reading,
      disconnectedOn: c.power_disconnected_on, finalReading: c.final_meter_reading, rentDays: c.cabinet_rent_days,
      rentRateOre: c.cabinet_rent_rate_ore, rentNetOre: c.cabinet_rent_net_ore,
    }, String(c.today), []),
  };
}
