// What people write: installers' free text, case handlers' reasons and internal notes, in Norwegian.
import type { AttachmentKind, BuildingUse, RequestType } from '../../shared/rules';
import { Random } from './random';

interface TextFacts {
  buildingUse: BuildingUse;
  mainFuseA: number;
  phases: number;
  unitCount: number;
}

/** What installers write in the free-text field; null where a text would not fit these facts. */
const FREE_TEXT: Readonly<Record<RequestType, ReadonlyArray<(f: TextFacts) => string | null>>> = {
  new_installation: [
    (f) => (f.buildingUse === 'house' && f.unitCount === 1
      ? 'Ny enebolig. Grunnarbeid for stikkledning utføres av tiltakshaver.' : null),
    (f) => (f.buildingUse === 'house' && f.unitCount === 1
      ? 'Nytt bolighus, ønsker kabelskap plassert ved innkjørsel.' : null),
    (f) => (f.buildingUse === 'house' && f.unitCount === 2
      ? `Tomannsbolig med to målere, ${f.mainFuseA} A hver.` : null),
    (f) => (f.buildingUse === 'holiday_home' ? 'Ny hytte, trekkerør er lagt fram til tomtegrensen.' : null),
    (f) => (f.buildingUse === 'commercial' ? 'Nytt næringsbygg, se vedlagt effektberegning.' : null),
    (f) => (f.buildingUse === 'agriculture' ? 'Nytt driftsbygg (fjøs) med egen måler.' : null),
    (f) => (f.buildingUse === 'apartment_building'
      ? `Nytt boligbygg med ${f.unitCount} leiligheter, se enlinjeskjema.` : null),
  ],
  new_metering_point: [
    (f) => (f.buildingUse === 'house' ? 'Egen måler for utleiedel i underetasjen.' : null),
    (f) => (f.buildingUse === 'commercial' ? 'Deling av anlegg mellom butikk og leilighet.' : null),
    (f) => (f.buildingUse === 'apartment_building' ? 'Egen måler for fellesareal og heis.' : null),
    () => 'Ny måler for garasje med verksted.',
  ],
  temporary_installation: [
    () => 'Byggestrøm for ny enebolig, skap settes ved innkjørsel.',
    () => 'Arbeidsstrøm til rehabilitering, ca. 6 måneder.',
    (f) => `Byggestrømskap ${f.mainFuseA} A for boligfelt, tilkobling i eksisterende kabelskap.`,
  ],
  fuse_change: [
    (f) => (f.buildingUse === 'house'
      ? `Økning av hovedsikring til ${f.mainFuseA} A på grunn av varmepumpe og elbillader.` : null),
    (f) => (f.phases === 3 ? `Omlegging fra 1-fas til 3-fas, ny hovedsikring ${f.mainFuseA} A.` : null),
    (f) => `Ønsker ${f.mainFuseA} A hovedsikring etter utvidelse av bygget.`,
  ],
  metering_point_work: [
    () => 'Flytting av måler fra gang til teknisk rom.',
    () => 'Brudd av plombe for utskifting av sikringsskap.',
    () => 'Bytte av måler i forbindelse med nytt inntak.',
  ],
  production: [
    () => 'Solcelleanlegg på tak med hybrid-vekselretter.',
    (f) => (f.buildingUse === 'agriculture' ? 'Solceller på låvetak, ønsker å selge overskudd.' : null),
    () => 'Plusskunde, anlegg med batteri.',
  ],
  join_split: [
    () => 'Sammenslåing av to anlegg etter kjøp av naboeiendom.',
    (f) => (f.buildingUse === 'house' ? 'Utskillelse av anlegg for sokkelleilighet.' : null),
    (f) => (f.buildingUse === 'agriculture' ? 'Målere for fjøs og bolig slås sammen.' : null),
  ],
  street_lighting: [
    () => 'Veilys langs ny gang- og sykkelvei, tennskap ved trafo.',
    () => 'Utvidelse av veilysanlegg i boligfelt, kart vedlagt.',
  ],
  change_of_use: [
    () => 'Garasje bygges om til boenhet. Melding til det lokale eltilsynet, ingen endring i inntak eller måling.',
    () => 'Kontorlokale tas i bruk som frisørsalong. Ingen endring av hovedsikring.',
    (f) => (f.buildingUse === 'agriculture' ? 'Driftsbygning tas i bruk som verksted. Ingen endring av inntak.' : null),
    () => 'Hytte tas i bruk som helårsbolig. Installasjonen er kontrollert, ingen endring mot nettet.',
  ],
  permanent_disconnection: [
    () => 'Huset skal rives. Ønsker stikkledning frakoblet og måler demontert før riving.',
    () => 'Uthus rives, anlegget skal kobles permanent fra nettet.',
    (f) => (f.buildingUse === 'commercial' ? 'Næringsbygget rives i forbindelse med ny regulering.' : null),
  ],
  service_line_move: [
    () => 'Inntak flyttes fra gammel mast til ny vegg på grunn av tilbygg. Kart vedlagt.',
    () => 'Luftstrekk legges om til jordkabel, nytt inntak på husvegg.',
    () => 'Stikkledning må flyttes ut av byggegropen for ny garasje.',
  ],
};

/** Types whose request says in words what is changed (its completeness needs the description). */
const ALWAYS_DESCRIBED: ReadonlySet<RequestType> = new Set(['change_of_use']);

export function freeText(random: Random, type: RequestType, facts: TextFacts): string | null {
  if (ALWAYS_DESCRIBED.has(type)) {
    const texts = FREE_TEXT[type].map((text) => text(facts)).filter((text): text is string => text !== null);
    return random.pick(texts);
  }
  return random.chance(0.45) ? null : random.pick(FREE_TEXT[type])(facts);
}

const MISSING_REASON: Partial<Record<AttachmentKind, string>> = {
  site_map: 'Mangler situasjonskart 1:500 som viser tilknytningsskap.',
  single_line_diagram: 'Mangler enlinjeskjema for anlegget med flere enheter.',
  power_budget: 'Mangler effektberegning for valgt hovedsikring.',
  production_declaration: 'Mangler erklæring for plusskunde.',
  inverter_certificate: 'Mangler samsvarserklæring for vekselretter (VDE-AR-N 4105).',
  grid_rental_order: 'Mangler bestilling av nettleie signert av eier.',
  co_owner_consent: 'Mangler samtykke fra sameiere, sameiet eller borettslaget for felles stikkledning.',
};

export function waitingReason(random: Random, missing: readonly AttachmentKind[]): string {
  const named = missing.map((kind) => MISSING_REASON[kind]).filter((text): text is string => text !== undefined);
  if (named.length > 0) return named.join(' ');
  return random.pick([
    'Mangler gnr/bnr for installasjonen.',
    'Eiers e-postadresse ser feil ut, ber om korrekt adresse.',
    'Uklart hvilken hovedsikring som ønskes, ber installatør presisere.',
    'Ber om bekreftelse på plassering av måler.',
  ]);
}

export function rejectionReason(random: Random): string {
  return random.pick([
    'Feil meldingstype: gjelder endring av hovedsikring, send ny melding som endring av OV/MV.',
    'Installasjonen er allerede meldt i en annen melding.',
    'Målernummeret i meldingen finnes ikke i anlegget. Kontroller nummeret og send ny melding.',
    'Ønsket hovedsikring krever trafomåling, ta kontakt for prosjektering.',
    'Utbyggingsprosjekt: bestilles av utbygger direkte, ikke via installatørmelding.',
  ]);
}

const NOTES = [
  'Kabelskap ved innkjørsel har ikke ledig kapasitet, må vurdere nytt skap.',
  'Sjekket Elvirksomhetsregisteret: installatør er registrert og aktiv.',
  'Installatør er ikke prekvalifisert for stikkledning – bestiller arbeid hos områdeleverandør.',
  'Avventer vurdering fra planlegger om forsterkning av nettet.',
  'Kunden ønsker tilkobling før fellesferien, prioriteres om mulig.',
  'Trafokapasitet ok, ingen forsterkning nødvendig.',
  'Tilbud sendes til eier, ikke til installatør.',
  'Snakket med installatør, skapet flyttes to meter mot veien.',
];

export const NOTE_ON_MISSING_SITE_MAP = 'Ringte installatør, situasjonskart kommer i morgen.';
export const NOTE_ON_REMINDER = 'Purret på manglende dokumentasjon på e-post.';
export const NOTE_ON_INVALID_METERING_POINT = 'Målepunkt-ID i meldingen har feil kontrollsiffer, ba installatør sjekke.';
export const NOTE_ON_OWNER_EMAIL = 'Snakket med eier, e-postadressen i meldingen var feil. Rettet i Elsmart.';
export const NOTE_ON_CONSTRUCTION_POWER =
  'Byggestrøm: ferdigmeldingen gjelder nedtak av skapet, sjekket at måleren er avlest.';

export function generalNote(random: Random): string {
  return random.pick(NOTES);
}
