// The owner's answer given in the portal (case event owner_answered, central 0024): "Godtatt i portalen av Kari
// Nordmann 05.12.2026 14:02", or declined likewise with the owner's reason — in the history and in Fakturering.
import type { TFunction } from 'i18next';
import type { CaseEventEntry } from '../../api/contract';
import { formatDateTime } from '../../i18n/format';

export function describeOwnerAnswer(t: TFunction, event: Pick<CaseEventEntry, 'at' | 'data'>): { summary: string; detail?: string } {
  const { data } = event;
  const name = typeof data.name === 'string' ? data.name : '–';
  const accepted = data.answer === 'accepted';
  const summary = t(accepted ? 'offerFollowUp.ownerAnswer.accepted' : 'offerFollowUp.ownerAnswer.declined', {
    name, at: formatDateTime(event.at), version: typeof data.offerVersion === 'number' ? data.offerVersion : '–',
  });
  const reason = typeof data.reason === 'string' && data.reason !== '' ? t('offerFollowUp.ownerAnswer.reason', { reason: data.reason }) : undefined;
  return { summary, detail: reason };
}

/** The latest answer the owner gave in the portal on this case, if any. */
export function latestOwnerAnswer(events: readonly CaseEventEntry[]): CaseEventEntry | null {
  return [...events].reverse().find((event) => event.kind === 'owner_answered') ?? null;
}
