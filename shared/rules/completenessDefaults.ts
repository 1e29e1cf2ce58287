// The completeness rules a grid company starts with (domain.md, "Typical required attachments" and "Typical
// limits"; company practice). resources/rules/completeness.json is the same data as a file to edit and load; a
// unit test keeps the two equal.
import type { CompletenessItemRule, CompletenessRuleSet, Condition } from './completenessTypes';
import type { RequestType } from './domain';

/** Power budget (effektberegning) above 40 A at 400 V or above 63 A at 230 V. */
const ABOVE_POWER_BUDGET_THRESHOLD: Condition = {
  any: [
    { all: [{ field: 'networkSystem', eq: '400V_TN' }, { field: 'mainFuseA', gt: 40 }] },
    { all: [{ field: 'networkSystem', in: ['230V_IT', '230V_TN'] }, { field: 'mainFuseA', gt: 63 }] },
  ],
};
const WITH_PRODUCTION: Condition = { field: 'hasProduction', eq: true };
const SEVERAL_UNITS: Condition = { field: 'unitCount', gt: 1 };
const SHARED_SERVICE_LINE: Condition = { field: 'sharedServiceLine', eq: true };
const WITH_BATTERY: Condition = { field: 'batteryKwh', gt: 0 };
const COMPANY_CABINET: Condition = { field: 'companyCabinet', eq: true };

const item = {
  ownerEmail: { code: 'owner_email', label: { nb: 'E-postadresse til eier', en: "Owner's email address" }, requires: { fields: ['ownerEmail'] } },
  ownerPhone: { code: 'owner_phone', label: { nb: 'Telefonnummer til eier', en: "Owner's phone number" }, requires: { fields: ['ownerPhone'] } },
  cadastre: { code: 'cadastral_number', label: { nb: 'Gårds- og bruksnummer', en: 'Cadastral number (gnr/bnr)' }, requires: { fields: ['gnr', 'bnr'] } },
  mainFuse: { code: 'main_fuse', label: { nb: 'Hovedsikring (OV) i ampere', en: 'Main fuse (A)' }, requires: { fields: ['mainFuseA'] } },
  expectedPower: { code: 'expected_power', label: { nb: 'Forventet effekt (kW)', en: 'Expected power (kW)' }, requires: { fields: ['expectedPowerKw'] } },
  meteringPointId: { code: 'metering_point_id', label: { nb: 'Målepunkt-ID', en: 'Metering point ID' }, requires: { fields: ['meteringPointIds'] } },
  meterNumber: { code: 'meter_number', label: { nb: 'Målernummer', en: 'Meter number' }, requires: { fields: ['meterNumbers'] } },
  wantedStart: { code: 'wanted_start_date', label: { nb: 'Ønsket startdato', en: 'Wanted start date' }, requires: { fields: ['wantedStartDate'] } },
  siteMap: { code: 'site_map', label: { nb: 'Situasjonskart 1:500 med tilknytningsskap', en: 'Site map 1:500 with the connection cabinet' }, requires: { attachment: 'site_map' } },
  singleLine: { code: 'single_line_diagram', label: { nb: 'Enlinjeskjema', en: 'Single-line diagram' }, requires: { attachment: 'single_line_diagram' } },
  powerBudget: { code: 'power_budget', label: { nb: 'Effektberegning', en: 'Power budget' }, requires: { attachment: 'power_budget' }, when: ABOVE_POWER_BUDGET_THRESHOLD },
  gridRental: { code: 'grid_rental_order', label: { nb: 'Bestilling av nettleie signert av eier', en: 'Grid rental order signed by the owner' }, requires: { attachment: 'grid_rental_order' } },
  coOwnerConsent: { code: 'co_owner_consent', label: { nb: 'Samtykke fra sameiere', en: 'Consent from co-owners' }, requires: { attachment: 'co_owner_consent' } },
  productionKw: { code: 'production_kw', label: { nb: 'Produksjon (kW) og vekselretter', en: 'Production (kW) and inverter' }, requires: { fields: ['productionKw', 'inverter'] }, when: WITH_PRODUCTION },
  productionDeclaration: { code: 'production_declaration', label: { nb: 'Erklæring for plusskunde', en: 'Production declaration' }, requires: { attachment: 'production_declaration' }, when: WITH_PRODUCTION },
  inverterCertificate: { code: 'inverter_certificate', label: { nb: 'Samsvarserklæring for vekselretter (VDE-AR-N 4105)', en: 'Inverter declaration of conformity (VDE-AR-N 4105)' }, requires: { attachment: 'inverter_certificate' }, when: WITH_PRODUCTION },
  // Issue 13 item 9. Practice: Area Nett, "Melding om installasjonsarbeid" (area.no): "Nettilknytningsbestilling ved
  // nyanlegg med underskrift fra den nye kunden før melding godkjennes"; Barents Nett, "For installatøren": for
  // existing installations the meter number, and a description of the change; Lnett, "Installere plusskundeanlegg":
  // NEK 400 has batteries reported to the grid company like any installation connected to the grid; the byggestrøm
  // pages of Haugaland Kraft Nett and Jæren Everk (Elsmart's "midlertidig installasjon", the company's cabinet or the
  // builder's own) and Fjellnett (a rental period, normally at most a year).
  sharedLineConsent: { code: 'shared_service_line_consent', label: { nb: 'Samtykke fra sameiere, sameiet eller borettslaget (felles stikkledning)', en: 'Consent from co-owners, the owners’ association or housing cooperative (shared service line)' }, requires: { attachment: 'co_owner_consent' }, when: SHARED_SERVICE_LINE },
  batterySingleLine: { code: 'battery_single_line_diagram', label: { nb: 'Enlinjeskjema for batteriet', en: 'Single-line diagram for the battery' }, requires: { attachment: 'single_line_diagram' }, when: WITH_BATTERY },
  constructionPeriod: { code: 'construction_power_period', label: { nb: 'Periode for byggestrøm (fra–til)', en: 'Construction power period (from–to)' }, requires: { fields: ['wantedStartDate', 'wantedEndDate'] } },
  cabinetId: { code: 'cabinet_id', label: { nb: 'Skapnummer på nettselskapets byggestrømskap', en: "ID of the grid company's construction power cabinet" }, requires: { fields: ['cabinetId'] }, when: COMPANY_CABINET },
  changeDescription: { code: 'change_description', label: { nb: 'Beskrivelse av endringen', en: 'Description of the change' }, requires: { fields: ['freeText'] } },
  disconnectionDate: { code: 'disconnection_date', label: { nb: 'Ønsket dato for frakobling', en: 'Wanted disconnection date' }, requires: { fields: ['wantedStartDate'] } },
} satisfies Record<string, CompletenessItemRule>;

/**
 * Items domain.md lists as common that this default set does not ask for (the demo company's practice does not):
 * a company adds them to its own rules (docs/completeness-rules.md shows how).
 */
export const OPTIONAL_COMPLETENESS_ITEMS: readonly CompletenessItemRule[] = [item.wantedStart,
  { ...item.coOwnerConsent, when: SEVERAL_UNITS }];

const PRODUCTION: CompletenessItemRule[] = [item.productionKw, item.productionDeclaration, item.inverterCertificate,
  item.batterySingleLine];

export const DEFAULT_COMPLETENESS_RULE_SETS: Readonly<Record<RequestType, CompletenessRuleSet>> = {
  new_installation: {
    items: [item.ownerEmail, item.cadastre, item.mainFuse, item.expectedPower, item.siteMap,
      { ...item.singleLine, when: SEVERAL_UNITS }, item.powerBudget, item.gridRental, item.sharedLineConsent,
      ...PRODUCTION],
  },
  new_metering_point: {
    items: [item.ownerEmail, item.mainFuse, item.siteMap, { ...item.singleLine, when: SEVERAL_UNITS }, item.powerBudget,
      item.gridRental, item.sharedLineConsent, ...PRODUCTION],
  },
  temporary_installation: {
    items: [item.ownerEmail, item.ownerPhone, item.mainFuse, item.siteMap, item.cadastre, item.constructionPeriod,
      item.cabinetId],
  },
  fuse_change: {
    items: [item.ownerEmail, item.meteringPointId, item.meterNumber, item.mainFuse, item.powerBudget,
      { ...item.coOwnerConsent, when: { any: [SEVERAL_UNITS, SHARED_SERVICE_LINE] } }, ...PRODUCTION],
  },
  metering_point_work: {
    items: [item.ownerEmail, item.meteringPointId, item.meterNumber, ...PRODUCTION],
  },
  production: {
    items: [item.ownerEmail, item.meteringPointId,
      ...PRODUCTION.map((rule) => (rule === item.batterySingleLine ? rule : (({ when: _always, ...always }) => always)(rule)))],
  },
  join_split: {
    items: [item.ownerEmail, item.meteringPointId, { ...item.singleLine, when: SEVERAL_UNITS }, item.sharedLineConsent],
  },
  street_lighting: {
    items: [item.ownerEmail, item.cadastre, item.mainFuse, item.siteMap],
  },
  // Reported to the local electrical inspection only: which installation, and what changes.
  change_of_use: {
    items: [item.ownerEmail, item.meteringPointId, item.changeDescription],
  },
  permanent_disconnection: {
    items: [item.ownerEmail, item.meteringPointId, item.meterNumber, item.disconnectionDate, item.sharedLineConsent],
  },
  service_line_move: {
    items: [item.ownerEmail, item.meteringPointId, item.siteMap, item.sharedLineConsent],
  },
};
