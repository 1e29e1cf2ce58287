// Which grid-side work a request needs, and which prequalification lets an installer do it (domain.md,
// "Installer check" and "Routing"). Pure: no I/O.
import type {
  BuildingUse,
  GridWorkKind,
  NetworkSystem,
  PrequalificationCategory,
  RequestType,
} from './domain';

export interface GridWorkFacts {
  requestType: RequestType;
  mainFuseA: number | null;
  meterFuseA: number | null;
  phases: number | null;
  networkSystem: NetworkSystem | null;
  buildingUse: BuildingUse | null;
  unitCount: number | null;
  hasProduction: boolean;
}

/**
 * The grid work in Norwegian, the one place these names are written: the work order letter (always in Norwegian)
 * and the app's bokmål texts (renderer/src/i18n/index.ts puts them under `installerCheck.work`) both take them here.
 */
export const GRID_WORK_NAMES_NB: Readonly<Record<GridWorkKind, string>> = {
  service_cable_connection: 'Tilkobling av stikkledning i nettselskapets skap',
  direct_meter_mounting: 'Montering av direktemålt måler',
  transformer_meter_mounting: 'Montering av trafomålt måler',
  construction_power_connection: 'Tilkobling av byggestrøm (kobling i isolert kabelskap)',
  uninsulated_cabinet_work: 'Arbeid i uisolert skap eller mast',
};

/** Above this main fuse a transformer-connected meter is needed: a grid-company job. 80 A itself is direct. */
export const DIRECT_METER_MAX_FUSE_A = 80;

/** Stands for "direct meter work, or transformer meter work above 80 A" in the table below. */
const METER_WORK = 'meter_work' as const;
type WorkStep = GridWorkKind | typeof METER_WORK;

/** The grid-side work each request type needs. Kept as data so the mapping reads like domain.md. */
export const GRID_WORK_BY_REQUEST_TYPE: Readonly<Record<RequestType, readonly WorkStep[]>> = {
  // A new building: a new service cable into the grid company's cabinet and a meter.
  new_installation: ['service_cable_connection', METER_WORK],
  // A separate meter for a shop or rental unit in an existing installation.
  new_metering_point: [METER_WORK],
  // Construction power: switching in the insulated cable cabinet and connecting the temporary installation.
  temporary_installation: ['construction_power_connection'],
  // A larger main fuse or 1-phase to 3-phase: the meter is replaced or re-sealed.
  fuse_change: [METER_WORK],
  // Seal breaking, meter swap or move.
  metering_point_work: [METER_WORK],
  // Production needs a meter that measures both directions.
  production: [METER_WORK],
  // Meters removed or split.
  join_split: [METER_WORK],
  // Ignition cabinets are fed from poles or older uninsulated cabinets: the higher prequalification class.
  street_lighting: ['uninsulated_cabinet_work'],
  // Reported to the local electrical inspection (DLE) only: nothing is done on the grid.
  change_of_use: [],
  // The grid company disconnects the service line and takes the meter down itself: installers may not take down
  // meters that are to be removed (Lnett, "Hva har godkjent bedrift lov til å gjøre"), so nothing is routed.
  permanent_disconnection: [],
  // The moved service line is connected anew in the cabinet; the meter stays where it is.
  service_line_move: ['service_cable_connection'],
};

/**
 * Types where production on the request brings no meter work: construction power is temporary, a change of use is
 * the electrical inspection's matter, and an installation taken off the grid has no meter left.
 */
const NO_PRODUCTION_METER: ReadonlySet<RequestType> = new Set(['temporary_installation', 'change_of_use',
  'permanent_disconnection']);

/** The prequalification an installer needs for each work; null means it always stays with the grid company. */
export const PREQUALIFICATION_FOR_WORK: Readonly<Record<GridWorkKind, PrequalificationCategory | null>> = {
  service_cable_connection: 'service_cable',
  direct_meter_mounting: 'direct_meter',
  transformer_meter_mounting: null,
  construction_power_connection: 'insulated_cabinet_switching',
  uninsulated_cabinet_work: 'uninsulated_cabinet_pole',
};

function meterWorkFor(mainFuseA: number | null): GridWorkKind {
  return mainFuseA !== null && mainFuseA > DIRECT_METER_MAX_FUSE_A ? 'transformer_meter_mounting' : 'direct_meter_mounting';
}

/** The grid-side work a request needs, in the order it is done, without duplicates. */
export function requiredGridWork(facts: GridWorkFacts): GridWorkKind[] {
  const steps: WorkStep[] = [...GRID_WORK_BY_REQUEST_TYPE[facts.requestType]];
  // Production on any other request type (a flag on most) also needs a two-way meter.
  if (facts.hasProduction && !steps.includes(METER_WORK) && !NO_PRODUCTION_METER.has(facts.requestType)) {
    steps.push(METER_WORK);
  }
  const work = steps.map((step) => (step === METER_WORK ? meterWorkFor(facts.mainFuseA) : step));
  return [...new Set(work)];
}
