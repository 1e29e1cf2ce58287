// The connection and the central database's answers in words: the shell's indicator, the reasons the core
// sends as codes, and what a refused change was (the note's text, the status chosen) so the person recognises it.
import type { TFunction } from 'i18next';
import type { RefusedChange, SyncStatusView } from '../../api/contract';
import { formatNumber, formatTime } from '../../i18n/format';
import { describeDecisionChange } from '../decisions/describeDecisionChange';

export type Tone = 'standalone' | 'working' | 'connected' | 'offline' | 'error';

/** A reason code the core sent, in a few words ("serveren svarer ikke"); unknown codes get a general phrase. */
export function reasonShort(t: TFunction, reason: string | null | undefined): string {
  return t([`sync.reason.${reason ?? 'unknown'}.short`, 'sync.reason.unknown.short']);
}

/** What to do about it, in a sentence or two; on the settings screen, in the words that fit there. */
export function reasonHelp(t: TFunction, reason: string | null | undefined, where: 'anywhere' | 'settings' = 'anywhere'): string {
  const code = reason ?? 'unknown';
  const keys = [`sync.reason.${code}.help`, 'sync.reason.unknown.help'];
  return t(where === 'settings' ? [`sync.reason.${code}.inSettings`, ...keys] : keys);
}

/** "Serveren svarer ikke" – a short reason standing on its own. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function toneOf(status: SyncStatusView | null): Tone {
  if (!status || status.mode === 'standalone') return 'standalone';
  switch (status.state) {
    case 'connected':
      return 'connected';
    case 'offline':
      return 'offline';
    case 'error':
      return 'error';
    default:
      return 'working';
  }
}

/** The state alone: "Tilkoblet", "Synkroniserer 1 234 av 100 000", "Frakoblet", "Feil: …". */
export function stateText(t: TFunction, status: SyncStatusView): string {
  if (status.mode === 'standalone') return t('sync.state.standalone');
  switch (status.state) {
    case 'connecting':
      return t('sync.state.connecting');
    case 'syncing':
      return status.progress && status.progress.total > 0
        ? t('sync.state.syncing', { done: formatNumber(status.progress.done), total: formatNumber(status.progress.total) })
        : t('sync.state.syncingStarting');
    case 'connected':
      return t('sync.state.connected');
    case 'offline':
      return t('sync.state.offline');
    case 'error':
      return t('sync.state.error', { reason: reasonShort(t, status.reason) });
  }
}

/** The indicator's whole text: the state, what waits, and when the next attempt is. */
export function indicatorText(t: TFunction, status: SyncStatusView): string {
  const parts = [stateText(t, status)];
  if (status.mode === 'central') {
    const count = { count: status.pending, formatted: formatNumber(status.pending) };
    // Connected, waiting changes are on their way; otherwise they wait for the connection.
    if (status.pending > 0) parts[0] += ` – ${t(status.state === 'connected' ? 'sync.sending' : 'sync.pending', count)}`;
    if ((status.state === 'offline' || status.state === 'error') && status.retryAt) {
      parts.push(t('sync.retryAt', { time: formatTime(status.retryAt, true) }));
    }
  }
  return parts.join(' · ');
}

export interface ChangeText {
  /** What kind of change, on which case: "Notat på sak 2026-00042". */
  title: string;
  /** What the person wrote, word for word, when there was text. */
  written: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

export function describeChange(t: TFunction, change: RefusedChange, userName: (id: string) => string): ChangeText {
  const caseNumber = change.caseNumber ?? t('sync.change.unknownCase');
  const args = change.args;
  switch (change.mutation) {
    case 'case.addNote':
      return { title: t('sync.change.addNote', { caseNumber }), written: text(args.body) };
    case 'case.setStatus': {
      const status = text(args.status);
      const reason = text(args.reason);
      return {
        title: t('sync.change.setStatus', { caseNumber, status: status ? t(`enums.status.${status}`) : '–' }),
        written: reason ? t('sync.change.statusReason', { reason }) : null,
      };
    }
    case 'case.assign': {
      const assignee = text(args.assigneeId);
      return {
        title: assignee
          ? t('sync.change.assign', { caseNumber, name: userName(assignee) })
          : t('sync.change.unassign', { caseNumber }),
        written: null,
      };
    }
    case 'case.claim':
      return { title: t('sync.change.claim', { caseNumber }), written: null };
    case 'case.release':
      return { title: t('sync.change.release', { caseNumber }), written: null };
    case 'companySettings.update':
      return { title: t('companyPractice.refusedChange'), written: null };
    case 'priceList.publish': {
      const list = args.priceList as { version?: unknown } | undefined;
      return { title: t('priceLists.refused.publish', { version: String(list?.version ?? '–') }), written: null };
    }
    case 'case.createOfferDraft':
    case 'case.saveOfferDraft':
    case 'case.reviseOffer':
      return { title: t('priceLists.refused.offerDraft', { caseNumber }), written: null };
    case 'case.issueOffer':
      return { title: t('priceLists.refused.issueOffer', { caseNumber }), written: null };
    case 'assignmentRule.set':
      return { title: t('workload.rules.refusedChange'), written: null };
    case 'areaSupplier.save':
      return { title: t('areaSuppliers.refusedChange', { name: text(args.name) ?? '–' }), written: null };
    case 'case.orderWork':
    case 'case.advanceWorkOrder':
      return { title: t(change.mutation === 'case.orderWork' ? 'workOrders.refused.order' : 'workOrders.refused.step', { caseNumber }), written: null };
    default:
      return (
        describeDecisionChange(t, change.mutation, args, caseNumber) ?? { title: t('sync.change.other', { caseNumber }), written: null }
      );
  }
}
