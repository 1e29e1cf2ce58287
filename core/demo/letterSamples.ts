// What the demo's letters show where the demo data holds no decision yet, or where a fact is not stored yet:
// the letters CLI (cli/letters-cli.ts) renders every letter kind from a fresh demo database, and a letter needs
// an approval's conditions, a rejection's reason and a work order's technical facts to show how they read. The demo
// places no work orders, so the cabinet, cable, short-circuit fuse and framework item a supervisor gives when
// ordering (work_orders, local migration 0020) come from here.
import { GRID_WORK_KINDS, GRID_WORK_NAMES_NB, type GridWorkKind } from '../../shared/rules';
import type { WorkOrderTechnical } from '../workOrders/workOrderLetter';

export const SAMPLE_APPROVAL_CONDITIONS = [
  'Stikkledningen legges i trekkrør fra kabelskapet til grunnmuren, minst 0,6 m under ferdig terreng.',
  'Måleren plasseres i inntakskap på yttervegg, tilgjengelig for avlesning uten å gå inn i bygningen.',
] as const;

export const SAMPLE_REJECTION_REASON =
  'Kabelskapet som anlegget er meldt tilknyttet, har ikke kapasitet til den meldte effekten. Send en ny melding med '
  + 'en effektbegrensning, eller be oss vurdere forsterkning av nettet.';

export const SAMPLE_MISSING_ITEMS_FALLBACK = ['Situasjonskart i målestokk 1:500 med inntaket tegnet inn'] as const;

/** Work in or from the grid company's cabinet: the work order names the cabinet, the cable and its fuse. */
const CABINET_WORK: ReadonlySet<GridWorkKind> = new Set(['service_cable_connection', 'construction_power_connection', 'uninsulated_cabinet_work']);

/** The demo's technical facts for a work: stable from run to run, the cabinet named by municipality and case. */
export function sampleWorkOrderTechnical(
  municipalityNumber: string, caseNumber: string, kind: GridWorkKind, siteMap: string | null,
): WorkOrderTechnical {
  const atCabinet = CABINET_WORK.has(kind);
  return {
    cabinetId: atCabinet ? `KS-${municipalityNumber}-${caseNumber.slice(-4)}` : null,
    cable: atCabinet ? { type: 'TFXP 4x50 Al', crossSectionMm2: 50 } : null,
    shortCircuitFuseA: atCabinet ? 63 : null,
    frameworkItem: `Post ${GRID_WORK_KINDS.indexOf(kind) + 1}: ${GRID_WORK_NAMES_NB[kind]}`,
    siteMap,
  };
}

/** The words an ending carries in the demo's letters: who withdrew and why, as a handler would write them. */
export const LETTER_SAMPLE_WORDS = {
  withdrawal: 'Eieren har ringt og trukket bestillingen: huset skal likevel ikke bygges i år.',
  cancellation: 'Eieren har trukket bestillingen etter å ha godtatt tilbudet; graving var allerede bestilt.',
} as const;
