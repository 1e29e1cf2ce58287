// One record checked: the format (zod), then what a schema cannot say — identifier check digits, a municipality
// we know, a reference to a case. Every problem is reported, not only the first, so one round of fixing does.
import type { z } from 'zod';
import {
  checkCadastralNumber,
  checkMeteringPointId,
  checkOrganisationNumber,
  checkPostcode,
  type IdentifierCheck,
} from '../../shared/rules';
import { reason, type ImportReason } from './importReasons';
import { IncomingMessage, type RequestMessage, type SupplementMessage } from './incomingMessage';

export type ValidatedRecord =
  | { ok: true; message: IncomingMessage }
  | { ok: false; messageId: string | null; reasons: ImportReason[] };

const PROBLEM_WORDS: Record<string, string> = {
  empty: 'is empty',
  notDigits: 'may hold digits only',
  wrongLength: 'has the wrong number of digits',
  checkDigit: 'has a wrong check digit',
  checkDigitImpossible: 'cannot exist (its check digit would be 10)',
  notNorwegianPrefix: 'does not begin with 7070575000 (Norwegian metering points)',
  unknownMunicipality: 'names a municipality we do not serve',
  outOfRange: 'is out of range',
  malformed: 'is malformed',
};

function zodReasons(issues: readonly z.core.$ZodIssue[]): ImportReason[] {
  return issues.map((issue) => {
    const path = issue.path.join('.');
    const last = issue.path[issue.path.length - 1];
    if (issue.code === 'invalid_value' && last === 'requestType') {
      return reason(path, 'unknownRequestType', `Unknown request type; expected one of: ${issue.values.join(', ')}`);
    }
    if (issue.code === 'invalid_union' && last === 'kind') {
      return reason('kind', 'unknownKind', "Unknown message kind; expected 'request', 'supplement' or 'completion_notice'");
    }
    return reason(path, issue.code, issue.message);
  });
}

function messageIdOf(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return null;
  const id = (value as { messageId?: unknown }).messageId;
  return typeof id === 'string' && id.trim() !== '' ? id.trim().slice(0, 100) : null;
}

class IdentifierChecks {
  readonly reasons: ImportReason[] = [];

  /** Returns the normalised value when valid (digits without spaces), else records why and returns the input. */
  check(path: string, what: string, value: string, check: (value: string) => IdentifierCheck): string {
    const result = check(value);
    if (result.valid) return result.normalized;
    this.reasons.push(reason(path, `${what}.${result.problem}`, `${path} ${PROBLEM_WORDS[result.problem]}: '${value}'`));
    return value;
  }

  installation(path: string, installation: Partial<RequestMessage['installation']>, municipalities: ReadonlySet<string>): void {
    if (installation.postcode !== undefined) {
      installation.postcode = this.check(`${path}.postcode`, 'postcode', installation.postcode, checkPostcode);
    }
    const municipality = installation.municipalityNumber;
    if (municipality !== undefined && !municipalities.has(municipality)) {
      this.reasons.push(reason(`${path}.municipalityNumber`, 'municipality.unknown',
        `${path}.municipalityNumber is not a municipality we serve: '${municipality}'`));
    }
    if (installation.gnr !== undefined || installation.bnr !== undefined) {
      const cadastral = checkCadastralNumber({
        municipalityNumber: municipality ?? '0000',
        gnr: installation.gnr ?? 0,
        bnr: installation.bnr ?? 0,
        fnr: installation.fnr ?? null,
        snr: installation.snr ?? null,
      });
      if (!cadastral.valid && cadastral.problem === 'outOfRange') {
        this.reasons.push(reason(`${path}.gnr`, 'cadastral.outOfRange', `${path}: gnr/bnr/fnr/snr out of range`));
      }
    }
    installation.meteringPointIds?.forEach((id, i) => {
      this.check(`${path}.meteringPointIds.${i}`, 'meteringPointId', id, checkMeteringPointId);
    });
  }

  owner(path: string, owner: Partial<RequestMessage['owner']>, complete: boolean): void {
    if (owner.organisationNumber !== undefined) {
      owner.organisationNumber = this.check(`${path}.organisationNumber`, 'organisationNumber', owner.organisationNumber,
        checkOrganisationNumber);
    }
    if (owner.nationalId !== undefined && !/^\d{11}$/.test(owner.nationalId.replace(/\s+/g, ''))) {
      this.reasons.push(reason(`${path}.nationalId`, 'nationalId.wrongLength', `${path}.nationalId must be 11 digits`));
    }
    if (!complete) return;
    if (owner.idKind === 'organisation_number' && owner.organisationNumber === undefined) {
      this.reasons.push(reason(`${path}.organisationNumber`, 'required', 'An owner that is a business needs its organisation number'));
    }
  }
}

function checkRequest(message: RequestMessage, checks: IdentifierChecks, municipalities: ReadonlySet<string>): void {
  message.installer.organisationNumber = checks.check('installer.organisationNumber', 'organisationNumber',
    message.installer.organisationNumber, checkOrganisationNumber);
  checks.installation('installation', message.installation, municipalities);
  checks.owner('owner', message.owner, true);
}

function checkCaseReference(message: { caseMessageId?: string; caseNumber?: string }, checks: IdentifierChecks): void {
  if (message.caseMessageId === undefined && message.caseNumber === undefined) {
    checks.reasons.push(reason('caseMessageId', 'caseReference.missing',
      'Name the case: caseMessageId (the request message id) or caseNumber'));
  }
}

function checkSupplement(message: SupplementMessage, checks: IdentifierChecks, municipalities: ReadonlySet<string>): void {
  checkCaseReference(message, checks);
  const { installation, owner } = message.changes;
  if (installation) checks.installation('changes.installation', installation, municipalities);
  if (owner) checks.owner('changes.owner', owner, false);
}

/** Checks one record; `municipalities` are the municipality numbers we serve. */
export function validateRecord(value: unknown, municipalities: ReadonlySet<string>): ValidatedRecord {
  const parsed = IncomingMessage.safeParse(value);
  if (!parsed.success) return { ok: false, messageId: messageIdOf(value), reasons: zodReasons(parsed.error.issues) };
  const message = parsed.data;
  // Stored as the rest of the database keeps time: UTC, ISO 8601.
  message.sentAt = new Date(message.sentAt).toISOString();
  const checks = new IdentifierChecks();
  message.sender.organisationNumber = checks.check('sender.organisationNumber', 'organisationNumber',
    message.sender.organisationNumber, checkOrganisationNumber);
  if (message.kind === 'request') checkRequest(message, checks, municipalities);
  else if (message.kind === 'supplement') checkSupplement(message, checks, municipalities);
  else checkCaseReference(message, checks);
  if (checks.reasons.length > 0) return { ok: false, messageId: message.messageId, reasons: checks.reasons };
  return { ok: true, message };
}
