// Errors cross the process boundary as values with a code the renderer translates, never as stack traces.

export const ERROR_CODES = [
  'input.invalid',
  'call.unknown',
  'case.notFound',
  'case.detailOnServer',
  'attachment.notFound',
  'attachment.fileMissing',
  'attachment.openFailed',
  'attachment.notPrintable',
  'attachment.printFailed',
  'attachment.saveFailed',
  'user.notFound',
  'queue.nothingToFetch',
  'status.transitionNotAllowed',
  'status.reasonRequired',
  'decision.notAllowed',
  'decision.incomplete',
  'decision.installerNotActive',
  'decision.meteringPointMissing',
  'decision.gridAssessmentMissing',
  'decision.gridAssessmentNotSound',
  'decision.gridCustomerMissing',
  'gridAssessment.noteRequired',
  'ownerParty.postcodeInvalid',
  'ownerParty.organisationNumberInvalid',
  'ownerParty.nationalIdInvalid',
  'ownerParty.postalAddressIncomplete',
  'decision.offerStillValid',
  'decision.costsNotAllowed',
  'permission.denied',
  'central.offline',
  'central.refused',
  'outbox.notFound',
  'quarantine.notFound',
  'quarantine.resolved',
  'routing.workNotNeeded',
  'routing.installerMayNot',
  'routing.noAreaSupplier',
  'completeness.itemNotMissing',
  'completeness.itemUnknown',
  'offer.notFound',
  'offer.notDraft',
  'offer.notInForce',
  'offer.invalid',
  'offer.noPriceList',
  'offer.changedWhileIssuing',
  'offer.plusskundeContribution',
  'priceList.notFound',
  'priceList.effectiveInPast',
  'priceList.versionTaken',
  'priceList.invalid',
  'areaSupplier.notFound',
  'areaSupplier.organisationNumberTaken',
  'workOrder.notFound',
  'workOrder.notProposed',
  'workOrder.alreadyOrdered',
  'workOrder.statusChanged',
  'workOrder.notReleased',
  'offerStep.noIssuedOffer',
  'offerStep.offerUnknown',
  'offerStep.offerSuperseded',
  'offerStep.offerNotIssued',
  'offerStep.offerExpired',
  'offerStep.occurredInFuture',
  'offerStep.occurredBeforeIssue',
  'offerStep.amountMissing',
  'offerStep.amountMismatch',
  'offerStep.statusNotAllowed',
  'billing.flagNotFound',
  // Construction power (rules/constructionPower.ts)
  'constructionPower.notConstructionPower',
  'constructionPower.readingMissing',
  'constructionPower.readingInvalid',
  'constructionPower.dateMissing',
  'constructionPower.dateInFuture',
  'constructionPower.finalBelowStart',
  'constructionPower.disconnectedBeforeConnected',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface InputIssue {
  /** Dotted path of the offending field, e.g. `search` or `filters.statuses.0`. */
  path: string;
  /** zod's issue code, e.g. `too_big`, `invalid_type`. */
  code: string;
  maximum?: number;
  minimum?: number;
}

export interface AppError {
  code: ErrorCode;
  params?: Record<string, string | number>;
  issues?: InputIssue[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: AppError };

export class AppFailure extends Error {
  constructor(readonly appError: AppError) {
    super(appError.code);
    this.name = 'AppFailure';
  }
}

export const fail = (code: ErrorCode, params?: AppError['params']): never => {
  throw new AppFailure({ code, params });
};
