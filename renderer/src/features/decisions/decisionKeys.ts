// The keys of the decision buttons: Alt and a letter the Norwegian word starts with or carries (G for godkjenn,
// A for avvis, …). Matched on the physical key (`event.code`), since Alt+letter types other characters on a Mac.
// The queue's single-letter keys and the case's Esc do not use Alt, so nothing clashes.
import type { DecisionAction } from '../../api/contract';

export interface DecisionKey {
  /** `KeyboardEvent.code` of the letter. */
  code: string;
  /** As `aria-keyshortcuts` wants it, and shown on the button. */
  shortcut: string;
}

const alt = (letter: string): DecisionKey => ({ code: `Key${letter}`, shortcut: `Alt+${letter}` });

export const DECISION_KEYS: Record<DecisionAction, DecisionKey> = {
  startReview: alt('S'),
  approve: alt('G'),
  reject: alt('A'),
  reopen: alt('O'),
  referToDeveloperProject: alt('U'),
  returnToNormalFlow: alt('V'),
  withdrawOffer: alt('T'),
  sendOffer: alt('N'),
  acceptOffer: alt('K'),
  sendInvoice: alt('F'),
  registerPayment: alt('I'),
  registerMeterMounted: alt('M'),
  registerMeteringPoint: alt('P'),
  close: alt('L'),
  // Construction power: C for connected (Alt+B is the request for information), R for registrer bestilt frakobling,
  // D for demontert (frakoblet); the metering point's end takes a free letter.
  registerConnection: alt('C'),
  registerTerminationRequest: alt('R'),
  registerDisconnection: alt('D'),
  deregisterMeteringPoint: alt('Y'),
  // The endings: J for gjenoppta, E for eier takket nei, X for an expired offer, W as in withdraw (every letter of
  // "trukket" is taken), H for henlegg.
  resume: alt('J'),
  declineOffer: alt('E'),
  expireOffer: alt('X'),
  withdraw: alt('W'),
  closeWithReason: alt('H'),
};

export function actionForKey(event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>): DecisionAction | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const match = (Object.entries(DECISION_KEYS) as Array<[DecisionAction, DecisionKey]>).find(([, key]) => key.code === event.code);
  return match ? match[0] : null;
}
