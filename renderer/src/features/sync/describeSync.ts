// The connection and the central database's answers in words: the shell's indicator, the reasons the core
// sends as codes, and what a refused change was (the note's text, the status chosen) so the person recognises it.
import type { TFunction } from 'i18next';
import type { RefusedChange, SyncStatusView } from '../../api/contract';
import { formatNumber, formatTime } from '../../i18n/format';
import { describeDecisionChange } from '../decisions/describeDecisionChange';
import type { MutationName } from '../../../../shared/rules/mutationNames';

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

type Describe = (t: TFunction, change: RefusedChange, caseNumber: string, userName: (id: string) => string) => ChangeText;

const titleOnly = (key: string): Describe => (t, _change, caseNumber) => ({ title: t(key, { caseNumber }), written: null });

/**
 * What a refused change was, by mutation: typed against the one list of mutations, so a name here that is no
 * mutation does not build. A mutation not here is told by its own words in the translations
 * (`sync.change.mutation.<name>`, e.g. `sync.change.mutation.case.correctOwnerParty`), a status action by its
 * decision's words, and anything else as "a change on case …".
 */
const DESCRIBE = {
  'case.addNote': (t, { args }, caseNumber) => ({ title: t('sync.change.addNote', { caseNumber }), written: text(args.body) }),
  'case.setStatus': (t, { args }, caseNumber) => {
    const status = text(args.status);
    const reason = text(args.reason);
    return {
      title: t('sync.change.setStatus', { caseNumber, status: status ? t(`enums.status.${status}`) : '–' }),
      written: reason ? t('sync.change.statusReason', { reason }) : null,
    };
  },
  'case.assign': (t, { args }, caseNumber, userName) => {
    const assignee = text(args.assigneeId);
    return {
      title: assignee ? t('sync.change.assign', { caseNumber, name: userName(assignee) }) : t('sync.change.unassign', { caseNumber }),
      written: null,
    };
  },
  'case.claim': titleOnly('sync.change.claim'),
  'case.release': titleOnly('sync.change.release'),
  'companySettings.update': (t) => ({ title: t('companyPractice.refusedChange'), written: null }),
  'priceList.publish': (t, { args }) => {
    const list = args.priceList as { version?: unknown } | undefined;
    return { title: t('priceLists.refused.publish', { version: String(list?.version ?? '–') }), written: null };
  },
  'case.createOfferDraft': titleOnly('priceLists.refused.offerDraft'),
  'case.saveOfferDraft': titleOnly('priceLists.refused.offerDraft'),
  'case.reviseOffer': titleOnly('priceLists.refused.offerDraft'),
  'case.issueOffer': titleOnly('priceLists.refused.issueOffer'),
  'assignmentRule.set': (t) => ({ title: t('workload.rules.refusedChange'), written: null }),
  'areaSupplier.save': (t, { args }) => ({ title: t('areaSuppliers.refusedChange', { name: text(args.name) ?? '–' }), written: null }),
  'case.orderWork': titleOnly('workOrders.refused.order'),
  'case.advanceWorkOrder': titleOnly('workOrders.refused.step'),
} satisfies Partial<Record<MutationName, Describe>>;

export function describeChange(t: TFunction, change: RefusedChange, userName: (id: string) => string): ChangeText {
  const caseNumber = change.caseNumber ?? t('sync.change.unknownCase');
  if (Object.hasOwn(DESCRIBE, change.mutation)) return DESCRIBE[change.mutation as keyof typeof DESCRIBE](t, change, caseNumber, userName);
  return (
    describeDecisionChange(t, change.mutation, change.args, caseNumber) ?? {
      title: t([`sync.change.mutation.${change.mutation}`, 'sync.change.other'], { caseNumber }),
      written: null,
    }
  );
}
