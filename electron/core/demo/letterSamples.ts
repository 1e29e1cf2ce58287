// What the demo's letters show where the demo data holds no decision yet, or where a fact is not stored yet:
// the letters CLI (db/letters-cli.ts) renders every letter kind from a fresh demo database, and a letter needs
// an approval's conditions, a rejection's reason and a work order's technical facts to show how they read.
// Cabinet IDs, cables, short-circuit fuses and framework items are not stored on work orders yet (issue 13, 15).
import type { WorkOrderTechnical } from '../workOrders/workOrderLetter';

export const SAMPLE_APPROVAL_CONDITIONS = [
  'Stikkledningen legges i trekkrør fra kabelskapet til grunnmuren, minst 0,6 m under ferdig terreng.',
  'Måleren plasseres i inntakskap på yttervegg, tilgjengelig for avlesning uten å gå inn i bygningen.',
] as const;

export const SAMPLE_REJECTION_REASON =
  'Effektbehovet på 120 kW er større enn kabelskapet kan levere. Send en ny melding med en effektbegrensning, '
  + 'eller be oss vurdere forsterkning av nettet.';

export const SAMPLE_MISSING_ITEMS_FALLBACK = ['Situasjonskart i målestokk 1:500 med inntaket tegnet inn'] as const;

/** The demo's cabinet: the municipality and the case's number make it stable from run to run. */
export function sampleWorkOrderTechnical(municipalityNumber: string, caseNumber: string, siteMap: string | null): WorkOrderTechnical {
  return {
    cabinetId: `KS-${municipalityNumber}-${caseNumber.slice(-4)}`,
    cable: { type: 'TFXP 4x50 Al', crossSectionMm2: 50 },
    shortCircuitFuseA: 63,
    frameworkItem: 'Post 2.3 Tilkobling av stikkledning i kabelskap',
    siteMap,
  };
}
