// PostgreSQL's and the network's failures, sorted into what the app does about them and said in words the
// renderer translates. A refusal (the server said no to this change) is final for that change; an outage
// is retried with backoff and loses nothing.

import { ServiceRefusal, ServiceUnreachable } from '../service/serviceHttp';

export type CentralProblem =
  | { kind: 'offline'; reason: 'unreachable' | 'connectionLost' | 'timeout' }
  | { kind: 'auth'; reason: 'wrongPassword' | 'noSuchDatabase' | 'noSuchRole' | 'signedOut' }
  | { kind: 'refused'; reason: RefusalReason; detail?: string }
  | { kind: 'malformed'; reason: 'badRow'; detail: string };

export type RefusalReason =
  | 'notPermitted'
  | 'claimedByOther'
  | 'staleClaim'
  | 'notClaimed'
  | 'statusChanged'
  | 'assigneeChanged'
  | 'caseMissing'
  | 'invalid';

interface PgLikeError {
  code?: string;
  message?: string;
  errno?: number;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EAI_AGAIN']);

/** What the desk makes of a failed call to the central service (core/service/serviceHttp.ts). */
export function classifyServiceError(error: unknown): CentralProblem {
  if (error instanceof ServiceUnreachable) return { kind: 'offline', reason: error.reason };
  if (error instanceof ServiceRefusal) {
    if (error.status === 401) return { kind: 'auth', reason: 'signedOut' };
    if (error.status === 403) return { kind: 'refused', reason: 'notPermitted', detail: error.message };
    if (error.status === 404) return { kind: 'refused', reason: 'caseMissing', detail: error.message };
    const known: readonly string[] = ['claimedByOther', 'staleClaim', 'notClaimed', 'statusChanged', 'assigneeChanged', 'caseMissing', 'invalid', 'notPermitted'];
    if (known.includes(error.code)) return { kind: 'refused', reason: error.code as RefusalReason, detail: error.message };
    if (error.status === 429) return { kind: 'offline', reason: 'timeout' };
    return { kind: 'refused', reason: 'invalid', detail: `${error.code}: ${error.message}` };
  }
  if (error instanceof RefusedByCentral) return { kind: 'refused', reason: error.reason, detail: error.detail };
  return { kind: 'offline', reason: 'connectionLost' };
}

export class RefusedByCentral extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly detail?: string,
  ) {
    super(`refused: ${reason}${detail ? ` (${detail})` : ''}`);
    this.name = 'RefusedByCentral';
  }
}

export function classifyCentralError(error: unknown): CentralProblem {
  if (error instanceof RefusedByCentral) return { kind: 'refused', reason: error.reason, detail: error.detail };
  const e = (error ?? {}) as PgLikeError;
  const message = String(e.message ?? '');
  if (e.code && NETWORK_CODES.has(e.code)) return { kind: 'offline', reason: 'unreachable' };
  if (/timeout/i.test(message)) return { kind: 'offline', reason: 'timeout' };
  if (/Connection terminated|connection is closed|Client was closed|not queryable/i.test(message)) {
    return { kind: 'offline', reason: 'connectionLost' };
  }
  switch (e.code) {
    case '28P01':
    case '28000':
      return { kind: 'auth', reason: 'wrongPassword' };
    case '3D000':
      return { kind: 'auth', reason: 'noSuchDatabase' };
    case '57P01': // admin shutdown
    case '57P02':
    case '57P03': // cannot connect now (starting up)
    case '08000':
    case '08003':
    case '08006':
    case '08001':
      return { kind: 'offline', reason: 'connectionLost' };
    case '42501':
    case 'DK004':
      return { kind: 'refused', reason: 'notPermitted', detail: message };
    case 'DK001':
      return { kind: 'refused', reason: 'staleClaim', detail: message };
    case 'DK002':
      return { kind: 'refused', reason: 'claimedByOther', detail: message };
    case 'DK003':
      return { kind: 'refused', reason: 'notClaimed', detail: message };
    case 'DK005':
      return { kind: 'refused', reason: 'caseMissing', detail: message };
    case '23503':
      return { kind: 'refused', reason: 'caseMissing', detail: message };
    case '22023': // desk:invalid_lease
    case '23505':
    case '23514':
    case '22P02':
    case '22001':
      return { kind: 'refused', reason: 'invalid', detail: message };
  }
  if (message.includes('desk:case_not_found')) return { kind: 'refused', reason: 'caseMissing', detail: message };
  if (message.includes('desk:claim_token_missing')) return { kind: 'refused', reason: 'notClaimed', detail: message };
  if (message.includes('desk:claimed_by_other')) return { kind: 'refused', reason: 'claimedByOther', detail: message };
  if (message.includes('desk:stale_claim')) return { kind: 'refused', reason: 'staleClaim', detail: message };
  if (message.includes('desk:not_claimed')) return { kind: 'refused', reason: 'notClaimed', detail: message };
  if (message.includes('permission denied') || message.includes('row-level security')) {
    return { kind: 'refused', reason: 'notPermitted', detail: message };
  }
  // Unknown server errors are treated as an outage: retried, never silently dropping the change.
  return { kind: 'offline', reason: 'connectionLost' };
}
