// How a case's outgoing messages reached their receivers, from the cache: the central service's message_deliveries
// (pulled), or — standalone, or not yet pushed — an honest "not sent". Never claims a delivery the service did not
// record. An owner's offer notice (no message) is keyed by the offer's id, and only where the service has one.
import type Database from 'better-sqlite3';
import type { EmailDeliveryState, MessageDeliveryView } from '../../shared/contract';

type Row = Record<string, unknown>;
const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

export class MessageDeliveries {
  private readonly messages: Database.Statement;
  private readonly deliveries: Database.Statement;

  constructor(sqlite: Database.Database, private readonly mode: 'standalone' | 'central') {
    this.messages = sqlite.prepare('SELECT id, pending_seq FROM outgoing_messages WHERE case_id = ?');
    this.deliveries = sqlite.prepare(
      `SELECT message_id, channel, state, recipient, attempts, next_attempt_at, last_error, delivered_at, read_at,
              offer_id
       FROM message_deliveries WHERE case_id = ?`,
    );
  }

  ofCase(caseId: number): Record<string, MessageDeliveryView> {
    const views: Record<string, MessageDeliveryView> = {};
    for (const m of this.messages.all(caseId) as Row[]) {
      const stage = this.mode === 'standalone' ? 'standalone' : m.pending_seq !== null ? 'pending' : 'atService';
      views[String(m.id)] = { stage, portal: null, email: null };
    }
    if (this.mode === 'standalone') return views;
    for (const d of this.deliveries.all(caseId) as Row[]) {
      if (d.offer_id !== null) views[String(d.offer_id)] ??= { stage: 'atService', portal: null, email: null };
      const view = views[String(d.message_id ?? d.offer_id)];
      if (!view) continue;
      if (d.channel === 'portal') {
        view.portal = { deliveredAt: String(d.delivered_at), readAt: text(d.read_at) };
      } else {
        view.email = {
          state: d.state as EmailDeliveryState,
          recipient: String(d.recipient),
          sentAt: d.state === 'sent' ? text(d.delivered_at) : null,
          attempts: Number(d.attempts),
          lastError: text(d.last_error),
          nextAttemptAt: text(d.next_attempt_at),
        };
      }
    }
    return views;
  }
}
