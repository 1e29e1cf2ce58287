// How each message the desk wrote reached its receiver (issue 12, item 6), as the case view shows it beside the
// message in the history: delivered in the portal, the e-mail notice sent (or failing, with the next try), read.
export type EmailDeliveryState = 'queued' | 'sending' | 'sent' | 'failed';

export interface MessageDeliveryView {
  /**
   * standalone: there is no central service, nothing leaves this machine;
   * pending: written here, not yet at the central service;
   * atService: the service has it; `portal` and `email` say what became of it (both null: no receiver in the portal).
   */
  stage: 'standalone' | 'pending' | 'atService';
  portal: { deliveredAt: string; readAt: string | null } | null;
  email: {
    state: EmailDeliveryState;
    recipient: string;
    sentAt: string | null;
    attempts: number;
    lastError: string | null;
    nextAttemptAt: string | null;
  } | null;
}
