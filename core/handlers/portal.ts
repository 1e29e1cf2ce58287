// The installers' portal as the desk sees it: firms waiting for approval and support requests.
import type { CoreServices, DomainHandlers } from './coreServices';

export const portalHandlers = ({ portalFirms, supportRequests }: CoreServices) => ({
  'portalFirm.list': () => portalFirms.list(),
  'portalFirm.approve': (input) => portalFirms.approve(input.firmId),
  'portalFirm.refuse': (input) => portalFirms.refuse(input.firmId, input.reason),
  'supportRequest.list': () => supportRequests.list(),
  'supportRequest.answer': (input) => supportRequests.answer(input.requestId, input.answer),
  'supportRequest.openAttachment': (input) => supportRequests.openAttachment(input.requestId),
}) satisfies DomainHandlers;
