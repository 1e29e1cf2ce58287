// One connection request as the installer sent it: type, building, address, electrical facts, identifiers,
// owner and installer. Proportions follow what a grid company in Agder receives.
import type { BuildingUse, RequestType } from '../../shared/rules';
import { addressIn, pickMunicipality, type InstallationAddress } from './agderAddresses';
import { freeText } from './caseTexts';
import { isoOfDay } from './demoCalendar';
import { meterNumber, meteringPointId, withWrongGs1CheckDigit } from './demoIdentifiers';
import type { DemoInstaller } from './installers';
import { technicalFacts, type TechnicalFacts } from './installation';
import { personName } from './names';
import { generateOwner, type DemoOwner } from './owners';
import { Random, weightedPicker } from './random';

export interface RequestFacts extends TechnicalFacts {
  requestType: RequestType;
  buildingUse: BuildingUse;
  place: InstallationAddress;
  meteringPointIds: string[];
  meterNumbers: string[];
  invalidMeteringPointId: boolean;
  owner: DemoOwner;
  installer: DemoInstaller;
  installerContact: string;
  wantedStartDate: string | null;
  wantedConnectionDate: string | null;
  /** Construction power: the last day of the period. */
  wantedEndDate: string | null;
  sharedServiceLine: boolean;
  companyCabinet: boolean;
  cabinetId: string | null;
  freeText: string | null;
}

export const pickRequestType = weightedPicker<RequestType>([
  ['metering_point_work', 30],
  ['new_installation', 20],
  ['fuse_change', 18],
  ['temporary_installation', 10],
  ['new_metering_point', 8],
  ['production', 8],
  ['join_split', 3],
  ['street_lighting', 3],
  ['service_line_move', 3],
  ['permanent_disconnection', 2],
  ['change_of_use', 2],
]);

const USE_BY_TYPE: Readonly<Record<RequestType, (random: Random) => BuildingUse>> = {
  new_installation: weightedPicker<BuildingUse>([['house', 60], ['holiday_home', 15], ['apartment_building', 8],
    ['commercial', 10], ['agriculture', 7]]),
  new_metering_point: weightedPicker<BuildingUse>([['commercial', 45], ['house', 35], ['apartment_building', 20]]),
  temporary_installation: () => 'construction_power',
  fuse_change: weightedPicker<BuildingUse>([['house', 70], ['holiday_home', 10], ['commercial', 12],
    ['agriculture', 8]]),
  metering_point_work: weightedPicker<BuildingUse>([['house', 70], ['holiday_home', 12], ['commercial', 10],
    ['apartment_building', 5], ['agriculture', 3]]),
  production: weightedPicker<BuildingUse>([['house', 75], ['commercial', 12], ['agriculture', 10],
    ['holiday_home', 3]]),
  join_split: weightedPicker<BuildingUse>([['house', 50], ['commercial', 30], ['agriculture', 20]]),
  street_lighting: () => 'street_light',
  change_of_use: weightedPicker<BuildingUse>([['house', 45], ['commercial', 30], ['holiday_home', 15],
    ['agriculture', 10]]),
  permanent_disconnection: weightedPicker<BuildingUse>([['house', 55], ['holiday_home', 15], ['agriculture', 15],
    ['commercial', 15]]),
  service_line_move: weightedPicker<BuildingUse>([['house', 70], ['holiday_home', 10], ['commercial', 10],
    ['agriculture', 10]]),
};

/** Types that touch the service line: where it also feeds others, their consent comes with the request. */
const TOUCHES_SERVICE_LINE: ReadonlySet<RequestType> = new Set(['new_installation', 'new_metering_point', 'fuse_change',
  'join_split', 'permanent_disconnection', 'service_line_move']);

/** Construction power: the period, and whether the cabinet is ours (rented, with its number) or the builder's. */
function constructionPower(random: Random, submittedDay: number) {
  const start = submittedDay + random.int(2, 20);
  return {
    wantedStartDate: isoOfDay(start),
    wantedEndDate: isoOfDay(start + random.int(40, 300)),
    companyCabinet: random.chance(0.7),
  };
}

/** How many existing metering points the request names: new connections have none yet. */
function existingPointCount(random: Random, type: RequestType): number {
  switch (type) {
    case 'new_installation':
      return 0;
    case 'temporary_installation':
      return random.chance(0.2) ? 1 : 0;
    case 'street_lighting':
      return random.chance(0.3) ? 1 : 0;
    case 'join_split':
      return random.int(2, 3);
    case 'metering_point_work':
      return random.chance(0.9) ? 1 : 2;
    default:
      return 1;
  }
}

/** About 1–2 % of all cases: two thirds of the requests name an existing metering point. */
const WRONG_CHECK_DIGIT_SHARE = 0.022;

function identifiers(random: Random, type: RequestType) {
  const count = existingPointCount(random, type);
  const meterNumbers: string[] = [];
  const meteringPointIds: string[] = [];
  for (let i = 0; i < count; i++) {
    meterNumbers.push(meterNumber(random));
    // Installers leave the metering point ID out now and then and give the meter number only.
    if (random.chance(0.95)) meteringPointIds.push(meteringPointId(random));
  }
  const invalid = meteringPointIds.length > 0 && random.chance(WRONG_CHECK_DIGIT_SHARE);
  if (invalid) {
    const index = random.int(0, meteringPointIds.length - 1);
    meteringPointIds[index] = withWrongGs1CheckDigit(random, meteringPointIds[index]);
  }
  return { meteringPointIds, meterNumbers, invalidMeteringPointId: invalid };
}

export function generateRequest(
  random: Random,
  submittedDay: number,
  pickInstaller: (random: Random, municipality: string) => DemoInstaller,
): RequestFacts {
  const requestType = pickRequestType(random);
  const buildingUse = USE_BY_TYPE[requestType](random);
  const technical = technicalFacts(random, requestType, buildingUse);
  const municipality = pickMunicipality(random, buildingUse);
  const sectioned = buildingUse === 'apartment_building' || (technical.unitCount > 1 && random.chance(0.5));
  const place = addressIn(random, municipality, sectioned);
  const installer = pickInstaller(random, municipality);
  const submittedYear = Number(isoOfDay(submittedDay).slice(0, 4));
  const startOffset = random.int(3, 45);
  const wantedStart = random.chance(0.85) ? submittedDay + startOffset : null;
  const wantedConnection = wantedStart !== null && random.chance(0.8) ? wantedStart + random.int(5, 90) : null;
  const period = requestType === 'temporary_installation' ? constructionPower(random, submittedDay) : null;
  const sharedServiceLine = TOUCHES_SERVICE_LINE.has(requestType)
    && random.chance(buildingUse === 'apartment_building' || technical.unitCount > 1 ? 0.3 : 0.06);
  return {
    requestType,
    buildingUse,
    ...technical,
    place,
    ...identifiers(random, requestType),
    owner: generateOwner(random, buildingUse, submittedYear),
    installer,
    installerContact: random.chance(0.5) ? installer.contactPerson : personName(random).full,
    wantedStartDate: period?.wantedStartDate ?? (wantedStart === null ? null : isoOfDay(wantedStart)),
    wantedConnectionDate: period || wantedConnection === null ? null : isoOfDay(wantedConnection),
    wantedEndDate: period?.wantedEndDate ?? null,
    sharedServiceLine,
    companyCabinet: period?.companyCabinet ?? false,
    cabinetId: period?.companyCabinet ? `BS-${String(random.int(100, 9_999)).padStart(4, '0')}` : null,
    freeText: freeText(random, requestType, { ...technical, buildingUse }),
  };
}
