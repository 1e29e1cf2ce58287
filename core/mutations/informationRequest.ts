// Request for information (mangelbrev): the case waits for the installer, the service clock stops, and the
// letter is stored for delivery to the portal.
import { z } from 'zod';
import { RequestInformationInput, fail } from '../../shared/contract';
import { CASE_ACTIONS, CLOCK_RUNNING_STATUSES, canTakeAction } from '../../shared/rules';
import { osloDate } from '../clock';
import { installerRecipient, missingItemLabels } from '../casework/informationRequestDraft';
import { loadCaseHead } from '../cases/caseRow';
import { defineMutation } from './runMutation';

/** The message's id is made when the handler sends it, so the outbox, the central copy and a retry agree on it. */
export const requestInformation = defineMutation({
  name: 'case.requestInformation',
  args: RequestInformationInput.extend({ messageId: z.uuid() }),
  apply({ core, actor, now, pendingSeq }, { caseId, items, subject, body, messageId }) {
    const { sqlite } = core;
    const head = loadCaseHead(sqlite, caseId);
    const to = CASE_ACTIONS.requestInformation.to;
    if (!canTakeAction('requestInformation', head.status, actor.role)) {
      fail('status.transitionNotAllowed', { from: head.status, to });
    }
    missingItemLabels(sqlite, caseId, items);
    const pausedOn = CLOCK_RUNNING_STATUSES.includes(head.status) ? osloDate(new Date(now)) : null;
    sqlite
      .prepare('UPDATE cases SET status = ?, clock_paused_on = coalesce(clock_paused_on, ?) WHERE id = ?')
      .run(to, pausedOn, caseId);
    sqlite
      .prepare(
        `INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body, items, created_at, created_by, pending_seq)
         VALUES (?, ?, 'information_request', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(messageId, caseId, installerRecipient(sqlite, caseId), subject, body, JSON.stringify(items), now, actor.id, pendingSeq);
    return {
      caseId,
      events: [
        { kind: 'status_changed', data: { from: head.status, to } },
        { kind: 'message_queued', data: { messageId, kind: 'information_request', subject } },
      ],
      precondition: { status: head.status, claimToken: head.claim_token },
    };
  },
});
