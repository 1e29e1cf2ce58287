// The demo's completeness as the rules see it. The simulated handler decides when a request is complete (a late
// document, an answer by phone, now and then a forgotten document nobody asked for); the checklist decides by the
// shipped rules. Where the two disagree, the demo does what a handler in the app must: an item the handler let
// pass is overridden with a reason, in the history, so the case view never shows "Komplett" above an incomplete
// checklist. A request nobody has looked at yet is simply not complete.
import {
  defaultCompletenessRules,
  evaluateCompleteness,
  type AttachmentKind,
  type CaseFacts,
} from '../../shared/rules';
import type { RequestFacts } from './cases';

export const DEMO_OVERRIDE_REASON = 'Bekreftet av installatøren på telefon.';

export function factsOfRequest(request: RequestFacts, attachmentKinds: AttachmentKind[]): CaseFacts {
  const { place, owner } = request;
  return {
    requestType: request.requestType,
    buildingUse: request.buildingUse,
    networkSystem: request.networkSystem,
    phases: request.phases,
    mainFuseA: request.mainFuseA,
    meterFuseA: request.meterFuseA,
    expectedPowerKw: request.expectedPowerKw,
    expectedEnergyKwh: request.expectedEnergyKwh,
    evChargingA: request.evChargingA,
    unitCount: request.unitCount,
    meteringPointIds: request.meteringPointIds,
    meterNumbers: request.meterNumbers,
    hasProduction: request.hasProduction,
    productionKw: request.productionKw,
    inverter: request.inverter,
    batteryKwh: request.batteryKwh,
    ownerName: owner.name,
    ownerIdKind: owner.idKind,
    ownerNationalId: owner.nationalId,
    ownerOrganisationNumber: owner.organisationNumber,
    ownerEmail: owner.email,
    ownerPhone: owner.phone,
    address: place.address,
    postcode: place.postcode,
    municipalityNumber: place.municipalityNumber,
    gnr: place.gnr,
    bnr: place.bnr,
    fnr: place.fnr,
    snr: place.snr,
    installerContact: request.installerContact,
    wantedStartDate: request.wantedStartDate,
    wantedConnectionDate: request.wantedConnectionDate,
    sharedServiceLine: request.sharedServiceLine,
    wantedEndDate: request.wantedEndDate,
    companyCabinet: request.companyCabinet,
    cabinetId: request.cabinetId,
    freeText: request.freeText,
    attachmentKinds,
  };
}

/** The checklist items the shipped rules find missing. */
export function missingCompletenessItems(facts: CaseFacts): string[] {
  return evaluateCompleteness(facts, defaultCompletenessRules(facts.requestType), {})
    .items.filter((item) => !item.ok)
    .map((item) => item.code);
}
