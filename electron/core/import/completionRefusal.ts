// The installer's answer to a ferdigmelding the grid company could not take, as both databases store it: written by
// the importer in the transaction that recorded the notice on the case (standalone: localImportStore.ts; centrally:
// centralImport.ts, where the delivery triggers of central 0022 put it in the firm's portal inbox and e-mail).
import { completionRefusalMessage, type CompletionRefusal } from '../../shared/rules';
import { installerRecipientOf } from '../billing/startApprovalDraft';
import type { DecisionMessageFacts } from '../casework/decisionMessage';

export const COMPLETION_REFUSED_KIND = 'completion_refused';

export function completionRefusalDraft(facts: DecisionMessageFacts, refusals: readonly CompletionRefusal[]): {
  recipient: string;
  subject: string;
  body: string;
} {
  const address = `${facts.address}, ${facts.postcode} ${facts.post_town}`;
  return { recipient: installerRecipientOf(facts), ...completionRefusalMessage({ caseNumber: facts.case_number, address, refusals }) };
}
