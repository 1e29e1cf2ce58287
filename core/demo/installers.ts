// Installers (elektroinstallatører) as DSB's register lists them, with the prequalifications the grid
// company has granted. A few big firms send most requests; a few firms are suspended or deregistered.
import type { DsbStatus, PrequalificationCategory } from '../../shared/rules';
import { AGDER_TOWNS, REGION_OF_MUNICIPALITY, REGION_OF_TOWN } from './agderAddresses';
import { dayOfIso, isoOfDay } from './demoCalendar';
import { dsbRegistrationId, organisationNumber } from './demoIdentifiers';
import { agderLandline, companyEmail, installerNames, mobilePhone, personName } from './names';
import { Random, weightedPicker } from './random';

export interface DemoInstaller {
  id: number;
  organisationNumber: string;
  name: string;
  dsbRegistrationId: string | null;
  dsbStatus: DsbStatus | null;
  email: string;
  phone: string;
  contactPerson: string;
  region: 'east' | 'central' | 'west';
  /** How many requests the firm sends, relative to the others. */
  volume: number;
}

export interface DemoPrequalification {
  installerId: number;
  category: PrequalificationCategory;
  validFrom: string;
  validTo: string;
}

/** About 120 firms for 100 000 cases; never fewer than 40, so a small demo still shows variety. */
export const installerCountFor = (cases: number): number =>
  Math.max(40, Math.min(160, Math.round(40 + Math.sqrt(cases) * 0.25)));

export function generateInstallers(random: Random, count: number): DemoInstaller[] {
  const names = installerNames(random, count);
  const usedOrgNumbers = new Set<string>();
  const installers = names.map((name, index): DemoInstaller => {
    let org = organisationNumber(random);
    while (usedOrgNumbers.has(org)) org = organisationNumber(random);
    usedOrgNumbers.add(org);
    const town = AGDER_TOWNS.find((t) => name.includes(t)) ?? random.pick(AGDER_TOWNS);
    const contact = personName(random);
    const smallFirm = index > count / 2;
    const statusRoll = random.next();
    const dsbStatus: DsbStatus = smallFirm && statusRoll < 0.05 ? 'suspended'
      : smallFirm && statusRoll < 0.1 ? 'deregistered' : 'active';
    const unregistered = smallFirm && random.chance(0.03);
    return {
      id: index + 1,
      organisationNumber: org,
      name,
      dsbRegistrationId: unregistered ? null : dsbRegistrationId(random),
      dsbStatus: unregistered ? null : dsbStatus,
      email: companyEmail(random, name),
      phone: random.chance(0.7) ? agderLandline(random) : mobilePhone(random),
      contactPerson: contact.full,
      region: REGION_OF_TOWN[town],
      volume: 1 / Math.pow(index + 4, 0.9),
    };
  });
  // The installer check must have something to find even in a small demo.
  const last = installers.length - 1;
  if (!installers.some((i) => i.dsbStatus === 'suspended')) installers[last].dsbStatus = 'suspended';
  if (!installers.some((i) => i.dsbStatus === 'deregistered')) installers[last - 1].dsbStatus = 'deregistered';
  for (const installer of installers) if (installer.dsbStatus !== 'active') installer.volume *= 0.2;
  return installers;
}

/** The day before the same date `years` later: a grant from 2025-03-01 for two years ends 2027-02-28. */
function yearsLater(from: string, years: number): string {
  const [year, month, day] = from.split('-').map(Number);
  return new Date(Date.UTC(year + years, month - 1, day - 1)).toISOString().slice(0, 10);
}

const CATEGORY_WEIGHTS = weightedPicker<PrequalificationCategory>([
  ['service_cable', 40],
  ['direct_meter', 40],
  ['insulated_cabinet_switching', 22],
  ['uninsulated_cabinet_pole', 3],
]);

export function generatePrequalifications(
  random: Random,
  installers: readonly DemoInstaller[],
  today: string,
): DemoPrequalification[] {
  const todayDay = dayOfIso(today);
  const rows: DemoPrequalification[] = [];
  for (const installer of installers) {
    // Most firms are prequalified for something; the big ones more often than the small.
    if (!random.chance(installer.id <= 15 ? 0.95 : 0.72)) continue;
    const categories = new Set<PrequalificationCategory>();
    const wanted = random.pick([1, 1, 2, 2, 2, 3]);
    while (categories.size < wanted) categories.add(CATEGORY_WEIGHTS(random));
    for (const category of [...categories].sort()) {
      // Granted some time in the last three years, for two or three years: some have run out.
      const from = isoOfDay(todayDay - random.int(20, 1_150));
      const validTo = yearsLater(from, random.chance(0.6) ? 2 : 3);
      rows.push({ installerId: installer.id, category, validFrom: from, validTo });
      // Most firms renew in time, the big ones almost always; the expired grant stays in the history.
      const renewedFrom = isoOfDay(dayOfIso(validTo) + 1);
      if (validTo < today && random.chance(installer.id <= 15 ? 0.9 : 0.5)) {
        rows.push({ installerId: installer.id, category, validFrom: renewedFrom, validTo: yearsLater(renewedFrom, 3) });
      }
    }
  }
  return rows;
}

/** Picks the installer of a request: mostly a firm from the installation's part of Agder. */
export function installerPicker(installers: readonly DemoInstaller[]): (random: Random, municipality: string) => DemoInstaller {
  const all = weightedPicker(installers.map((i) => [i, i.volume] as const));
  const byRegion = new Map(
    (['east', 'central', 'west'] as const).map((region) => {
      const local = installers.filter((i) => i.region === region);
      return [region, local.length > 0 ? weightedPicker(local.map((i) => [i, i.volume] as const)) : all] as const;
    }),
  );
  return (random, municipality) =>
    random.chance(0.75) ? byRegion.get(REGION_OF_MUNICIPALITY[municipality])!(random) : all(random);
}
