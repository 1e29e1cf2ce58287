// The billing steps in the history: "Betaling registrert: tilbud versjon 2, 12 345,00 kr, 01.12.2026 (ref. …)",
// from the billing file or the desk, and a flag a person must look at when the file's row could not be applied.
import type { TFunction } from 'i18next';
import type { BillingEventView, CaseEventEntry } from '../../api/contract';
import { describeBillingStep } from './BillingSection';

const numberOrNull = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const textOrNull = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** As case/describeEvent's EventText (not imported: that module delegates here). */
export function describeBillingEvent(t: TFunction, event: CaseEventEntry): { summary: string; detail?: string } {
  const data = event.data;
  if (event.kind === 'billing_flag_resolved') return { summary: t('offerFollowUp.history.flagResolved') };
  const kind = (textOrNull(data.kind) ?? 'payment') as BillingEventView['kind'];
  const step = describeBillingStep(t, {
    kind,
    offerVersion: numberOrNull(data.offerVersion),
    amountOre: numberOrNull(data.amountOre),
    occurredOn: textOrNull(data.occurredOn) ?? '',
    reference: textOrNull(data.reference),
  });
  const source = t(`offerFollowUp.source.${data.source === 'billing_file' || data.source === 'portal' ? data.source : 'desk'}`);
  if (data.outcome === 'flagged') {
    return {
      summary: t('offerFollowUp.history.flagged', { source }),
      detail: `${step}\n${t(`offerFollowUp.flagShort.${textOrNull(data.flagCode) ?? 'unknown'}`)}`,
    };
  }
  return { summary: step, detail: source };
}
