// The electrical facts of a request, consistent with its type and building: network system, phases, fuses,
// expected power and energy, EV charging and production. Agder's older grid is mostly 230 V IT.
import type { BuildingUse, NetworkSystem, RequestType } from '../../shared/rules';
import { Random, weightedPicker } from './random';

export interface TechnicalFacts {
  networkSystem: NetworkSystem;
  phases: 1 | 3;
  mainFuseA: number;
  meterFuseA: number | null;
  expectedPowerKw: number | null;
  expectedEnergyKwh: number | null;
  evChargingA: number | null;
  unitCount: number;
  hasProduction: boolean;
  productionKw: number | null;
  inverter: string | null;
  batteryKwh: number | null;
}

export const FUSE_SIZES = [25, 32, 40, 50, 63, 80, 100, 125] as const;
const fuses = (weights: readonly number[]) => weightedPicker(FUSE_SIZES.map((size, i) => [size, weights[i]] as const));

const FUSE_PICKERS = {
  house230: fuses([8, 18, 24, 20, 18, 6, 4, 2]),
  house400: fuses([28, 26, 22, 10, 8, 3, 2, 1]),
  holidayHome: fuses([22, 30, 24, 12, 9, 2, 1, 0]),
  large: fuses([0, 0, 10, 10, 20, 20, 20, 20]),
  constructionPower: fuses([0, 30, 15, 0, 40, 0, 0, 15]),
  upgrade: fuses([0, 0, 18, 26, 30, 12, 9, 5]),
};

const pickNetwork = weightedPicker<NetworkSystem>([['230V_IT', 62], ['400V_TN', 33], ['230V_TN', 5]]);
const pickNetworkForNewArea = weightedPicker<NetworkSystem>([['230V_IT', 45], ['400V_TN', 50], ['230V_TN', 5]]);

const INVERTERS_ONE_PHASE = ['Fronius Primo 5.0-1', 'SMA Sunny Boy 5.0', 'Huawei SUN2000-5KTL-L1', 'Solis S6-GR1P5K',
  'SolarEdge SE5000H'];
const INVERTERS_THREE_PHASE = ['Fronius Symo 10.0-3-M', 'SMA Sunny Tripower 8.0', 'Huawei SUN2000-10KTL-M1',
  'SolarEdge SE10K', 'Growatt MOD 10KTL3-X', 'Sungrow SG10RT', 'Huawei SUN2000-20KTL-M2', 'Fronius Tauro 50-3-D',
  'SMA Sunny Tripower CORE2 110'];
const BATTERIES = [5, 7.7, 10, 10.2, 13.5, 15];
const EV_CURRENTS = [16, 16, 16, 20, 25, 32];

function phasesFor(random: Random, network: NetworkSystem, use: BuildingUse): 1 | 3 {
  if (use === 'street_light') return 1;
  if (network === '400V_TN') return random.chance(0.97) ? 3 : 1;
  return random.chance(use === 'holiday_home' ? 0.55 : 0.7) ? 3 : 1;
}

function mainFuseFor(random: Random, type: RequestType, use: BuildingUse, network: NetworkSystem): number {
  if (use === 'street_light') return 25;
  if (use === 'construction_power') return FUSE_PICKERS.constructionPower(random);
  if (use === 'commercial' || use === 'apartment_building' || use === 'agriculture') return FUSE_PICKERS.large(random);
  if (type === 'fuse_change') return FUSE_PICKERS.upgrade(random);
  if (use === 'holiday_home') return FUSE_PICKERS.holidayHome(random);
  return network === '400V_TN' ? FUSE_PICKERS.house400(random) : FUSE_PICKERS.house230(random);
}

/** What the fuse can carry, in kW: √3·U·I for three phases, U·I for one (230 V between phase and neutral). */
function fuseCapacityKw(network: NetworkSystem, phases: 1 | 3, fuseA: number): number {
  if (phases === 1) return (230 * fuseA) / 1000;
  return (Math.sqrt(3) * (network === '400V_TN' ? 400 : 230) * fuseA) / 1000;
}

const ENERGY_KWH: Readonly<Record<BuildingUse, readonly [number, number]>> = {
  house: [12_000, 30_000],
  holiday_home: [3_000, 15_000],
  apartment_building: [8_000, 12_000], // per unit
  commercial: [20_000, 400_000],
  agriculture: [20_000, 150_000],
  street_light: [1_000, 20_000],
  construction_power: [5_000, 40_000],
};

function unitCountFor(random: Random, type: RequestType, use: BuildingUse): number {
  // An apartment building (boligblokk) has several dwellings whatever the request is about.
  if (use === 'apartment_building') return random.int(type === 'new_installation' ? 6 : 4, 40);
  if (type === 'new_installation') {
    if (use === 'commercial') return random.chance(0.6) ? 1 : random.int(2, 6);
    if (use === 'house') return random.chance(0.85) ? 1 : random.chance(0.8) ? 2 : random.int(3, 4);
    return 1;
  }
  if (type === 'new_metering_point') return random.chance(0.8) ? 1 : random.int(2, 3);
  if (type === 'join_split') return random.int(2, 3);
  return 1;
}

const PRODUCTION_KW: Partial<Record<BuildingUse, readonly [number, number]>> = {
  house: [4, 20],
  holiday_home: [2, 8],
  apartment_building: [10, 60],
  commercial: [20, 200],
  agriculture: [15, 120],
};

function production(random: Random, type: RequestType, use: BuildingUse, phases: 1 | 3) {
  const range = PRODUCTION_KW[use];
  const wanted = type === 'production' || (range !== undefined && random.chance(0.1));
  if (!wanted || !range) return { hasProduction: wanted, productionKw: null, inverter: null, batteryKwh: null };
  // "Forenklet melding" covers small solar only.
  const [low, high] = type === 'metering_point_work' ? [3, 15] : range;
  const productionKw = random.real(low, phases === 1 ? Math.min(high, 6) : high);
  const inverters = phases === 1 ? INVERTERS_ONE_PHASE : INVERTERS_THREE_PHASE;
  return {
    hasProduction: true,
    productionKw,
    inverter: random.chance(0.93) ? random.pick(inverters) : null,
    batteryKwh: use === 'house' && random.chance(0.25) ? random.pick(BATTERIES) : null,
  };
}

export function technicalFacts(random: Random, type: RequestType, use: BuildingUse): TechnicalFacts {
  const networkSystem: NetworkSystem =
    use === 'street_light' ? (random.chance(0.9) ? '230V_IT' : '230V_TN')
      : type === 'new_installation' ? pickNetworkForNewArea(random) : pickNetwork(random);
  const phases = phasesFor(random, networkSystem, use);
  const mainFuseA = mainFuseFor(random, type, use, networkSystem);
  const larger = FUSE_SIZES.find((size) => size > mainFuseA) ?? mainFuseA;
  const meterFuseA = random.chance(0.25) ? null : random.chance(0.65) ? mainFuseA : larger;
  const unitCount = unitCountFor(random, type, use);
  const sparse = type === 'metering_point_work' || type === 'join_split';
  const capacity = fuseCapacityKw(networkSystem, phases, mainFuseA);
  const expectedPowerKw = sparse && random.chance(0.5) ? null : random.real(capacity * 0.45, capacity * 0.85);
  const [energyLow, energyHigh] = ENERGY_KWH[use];
  const energyPerUnit = Math.round(random.int(energyLow, energyHigh) / 100) * 100;
  const expectedEnergyKwh = sparse && random.chance(0.6) ? null
    : energyPerUnit * (use === 'apartment_building' ? unitCount : 1);
  const evCandidate = (use === 'house' || use === 'holiday_home' || use === 'apartment_building') &&
    (type === 'new_installation' || type === 'fuse_change' || type === 'metering_point_work');
  const evChargingA = evCandidate && random.chance(0.35)
    ? Math.min(random.pick(EV_CURRENTS), phases === 3 ? 32 : 25) : null;
  return {
    networkSystem, phases, mainFuseA, meterFuseA, expectedPowerKw, expectedEnergyKwh, evChargingA, unitCount,
    ...production(random, type, use, phases),
  };
}

/** Above these a power budget (effektberegning) must come with the request (company practice). */
export function needsPowerBudget(facts: Pick<TechnicalFacts, 'networkSystem' | 'mainFuseA'>): boolean {
  return facts.networkSystem === '400V_TN' ? facts.mainFuseA > 40 : facts.mainFuseA > 63;
}
