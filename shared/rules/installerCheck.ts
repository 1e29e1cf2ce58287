// The installer check (domain.md): is the installer active in DSB's register (Elvirksomhetsregisteret), and is it
// prequalified for each piece of grid-side work the request needs — or who should do it instead. Pure: no I/O.
import type { DsbStatus, GridWorkKind, PrequalificationCategory, WorkPerformer } from './domain';
import { PREQUALIFICATION_FOR_WORK } from './gridWork';

/** A prequalification ending within this many days is flagged so the handler can warn the installer. */
export const PREQUALIFICATION_EXPIRY_WARNING_DAYS = 30;

export type DsbState = DsbStatus | 'not_registered';

export interface InstallerCheckReason {
  code: string;
  params?: Record<string, unknown>;
}

export interface AreaSupplierRef {
  id: number;
  name: string;
}

export interface PrequalificationPeriod {
  category: PrequalificationCategory;
  validFrom: string;
  validTo: string;
}

export interface GridWorkCheck {
  kind: GridWorkKind;
  installerMay: boolean;
  /** The prequalification that counts today (or the nearest one that does not, to say why). */
  prequalification: { category: PrequalificationCategory; validTo: string; expiresSoon: boolean } | null;
  why: InstallerCheckReason;
  proposed: { performer: WorkPerformer; supplier: AreaSupplierRef | null };
}

export interface InstallerCheck {
  dsb: { state: DsbState; asOf: string | null };
  /** Set when the case may not be approved, with the reason to show. */
  approvalBlock: InstallerCheckReason | null;
  work: GridWorkCheck[];
}

export interface CheckInstallerInput {
  today: string;
  dsb: { status: DsbStatus; asOf: string } | null;
  prequalifications: PrequalificationPeriod[];
  work: GridWorkKind[];
  areaSupplierFor: (work: GridWorkKind) => AreaSupplierRef | null;
}

function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function isValidOn(prequalification: PrequalificationPeriod, today: string): boolean {
  return prequalification.validFrom <= today && today <= prequalification.validTo;
}

/** The prequalification valid today that lasts longest; else the one that explains best why none counts. */
function prequalificationFor(
  category: PrequalificationCategory,
  all: PrequalificationPeriod[],
  today: string,
): { current: PrequalificationPeriod | null; expired: PrequalificationPeriod | null; upcoming: PrequalificationPeriod | null } {
  const ofCategory = all.filter((p) => p.category === category);
  const byValidTo = (a: PrequalificationPeriod, b: PrequalificationPeriod) => b.validTo.localeCompare(a.validTo);
  const current = ofCategory.filter((p) => isValidOn(p, today)).sort(byValidTo)[0] ?? null;
  const expired = ofCategory.filter((p) => p.validTo < today).sort(byValidTo)[0] ?? null;
  const upcoming = ofCategory.filter((p) => p.validFrom > today).sort((a, b) => a.validFrom.localeCompare(b.validFrom))[0] ?? null;
  return { current, expired, upcoming };
}

function elsewhere(
  kind: GridWorkKind,
  why: InstallerCheckReason,
  areaSupplierFor: CheckInstallerInput['areaSupplierFor'],
  prequalification: GridWorkCheck['prequalification'] = null,
): GridWorkCheck {
  const supplier = areaSupplierFor(kind);
  if (supplier === null) {
    // A gap in the framework agreements, to show — the grid company's own fitters are the fallback.
    return {
      kind,
      installerMay: false,
      prequalification,
      why: { code: 'no_area_supplier', params: { instead: why.code, ...why.params } },
      proposed: { performer: 'grid_company', supplier: null },
    };
  }
  return { kind, installerMay: false, prequalification, why, proposed: { performer: 'area_supplier', supplier } };
}

function checkWork(kind: GridWorkKind, input: CheckInstallerInput, dsbActive: boolean): GridWorkCheck {
  const category = PREQUALIFICATION_FOR_WORK[kind];
  if (category === null) {
    return {
      kind,
      installerMay: false,
      prequalification: null,
      why: { code: 'grid_company_only' },
      proposed: { performer: 'grid_company', supplier: null },
    };
  }
  const { current, expired, upcoming } = prequalificationFor(category, input.prequalifications, input.today);
  if (current !== null) {
    const daysLeft = daysFrom(input.today, current.validTo);
    const expiresSoon = daysLeft <= PREQUALIFICATION_EXPIRY_WARNING_DAYS;
    const prequalification = { category, validTo: current.validTo, expiresSoon };
    if (!dsbActive) return elsewhere(kind, { code: 'dsb_not_active', params: { category } }, input.areaSupplierFor, prequalification);
    return {
      kind,
      installerMay: true,
      prequalification,
      why: expiresSoon
        ? { code: 'prequalified_expires_soon', params: { category, validTo: current.validTo, daysLeft } }
        : { code: 'prequalified', params: { category, validTo: current.validTo } },
      proposed: { performer: 'installer', supplier: null },
    };
  }
  if (!dsbActive) return elsewhere(kind, { code: 'dsb_not_active', params: { category } }, input.areaSupplierFor);
  if (upcoming !== null) {
    return elsewhere(kind, { code: 'prequalification_not_yet_valid', params: { category, validFrom: upcoming.validFrom } },
      input.areaSupplierFor);
  }
  if (expired !== null) {
    return elsewhere(kind, { code: 'prequalification_expired', params: { category, validTo: expired.validTo } },
      input.areaSupplierFor, { category, validTo: expired.validTo, expiresSoon: false });
  }
  return elsewhere(kind, { code: 'not_prequalified', params: { category } }, input.areaSupplierFor);
}

export function checkInstaller(input: CheckInstallerInput): InstallerCheck {
  const state: DsbState = input.dsb?.status ?? 'not_registered';
  const dsbActive = state === 'active';
  return {
    dsb: { state, asOf: input.dsb?.asOf ?? null },
    approvalBlock: dsbActive ? null : { code: 'installer_not_active_in_dsb', params: { state } },
    work: input.work.map((kind) => checkWork(kind, input, dsbActive)),
  };
}

/** May the installer be given this work? The same answer the check shows, for the routing mutation to enforce. */
export function installerMayDo(check: InstallerCheck, kind: GridWorkKind): boolean {
  return check.work.some((work) => work.kind === kind && work.installerMay);
}
