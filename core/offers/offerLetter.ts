// The offer letter (tilbud om tilknytning) as HTML, from the offer's calculation and the case: addressed to the owner
// of the installation — the agreement is made with the customer, never with the installer (domain.md). Every
// figure comes from calculateOffer and is only formatted here; the PDF is made from this HTML by a PdfRenderer.
import {
  formatDateNb, formatNok, formatNokNumber, formatQuantity, offerSettlement, postCalculationCapOre, vatRateWordNb,
  type CalculatedLine, type ComponentTotal, type OfferCalculation, type SettlementStep,
} from '../../shared/rules';
import { networkSystemNb } from '../workOrders/workOrderLetter';
import type { Letterhead } from './letterhead';
import {
  renderLetterHtml, type LetterComponentRow, type LetterLineRow, type LetterSettlementRow, type LetterView,
} from './letterTemplate';

export interface PostalAddress {
  address: string;
  postcode: string;
  postTown: string;
}

export interface OfferLetterInput {
  letterhead: Letterhead;
  caseNumber: string;
  /** 1 for the first offer on a case; a revised offer is a new version. */
  offerVersion: number;
  /** ISO dates (YYYY-MM-DD). validUntil follows from the price list's validity (offerValidUntil). */
  issuedOn: string;
  validUntil: string;
  paymentTermsDays: number;
  startApprovalOn: 'paid' | 'accepted';
  owner: { name: string } & PostalAddress;
  installation: PostalAddress & { cadastralNumber: string | null; meteringPointId: string | null };
  /** What is bought: the connection as the case has it. */
  connection: ConnectionBought;
  /** Named in the text as the one who sent the request; never the addressee. */
  installerName: string | null;
  caseHandler: { name: string; phone: string | null; email: string | null };
  calculation: OfferCalculation;
  /** The owner's personal link and code for answering in the portal; null for a letter without them. */
  ownerAccess: OwnerAccess | null;
}

export interface OwnerAccess {
  /** `<portal URL>/tilbud/<offer id>` */
  link: string;
  /** As printed: "K7M2Q-XR9TD". */
  code: string;
}

/** The connection the owner buys: the main fuse, phases, network system and where it is connected. */
export interface ConnectionBought {
  mainFuseA: number | null;
  phases: number;
  /** "230V_IT", "230V_TN", "400V_TN". */
  networkSystem: string;
  /** The cabinet or other connection point, by its ID; null while the grid company has not set it. */
  connectionPoint: string | null;
}

const KIND_NB = { work: 'arbeid', material: 'materiell' } as const;

/** "Hovedsikring", "Faser", …: the rows of "Hva tilbudet gjelder", in words an owner reads. */
export function connectionRows(connection: ConnectionBought): [string, string][] {
  return [
    ['Hovedsikring', connection.mainFuseA === null ? 'ikke oppgitt' : `${connection.mainFuseA} A`],
    ['Faser', connection.phases === 1 ? '1-faset' : `${connection.phases}-faset`],
    ['Nettsystem', networkSystemNb(connection.networkSystem)],
    ['Tilknytningspunkt', connection.connectionPoint ?? 'fastsettes av oss og avtales med installatøren før arbeidet starter'],
  ];
}

function lineRow(line: CalculatedLine, componentLabel: string): LetterLineRow {
  return {
    description: line.description,
    component: componentLabel,
    kind: KIND_NB[line.kind],
    quantity: `${formatQuantity(line.quantityMilli)} ${line.unit}`,
    unitPrice: formatNokNumber(line.unitPriceOre),
    net: formatNokNumber(line.netOre),
    vatRate: vatRateWordNb(line.vatCode),
    vat: formatNokNumber(line.vatOre),
    gross: formatNokNumber(line.grossOre),
  };
}

function settlementRow(step: SettlementStep): LetterSettlementRow {
  return {
    label: step.label,
    operator: step.operator,
    net: formatNokNumber(step.netOre),
    vatRate: vatRateWordNb(step.vatCode),
    vat: formatNokNumber(step.vatOre),
    gross: formatNokNumber(step.grossOre),
    emphasis: step.code === 'to_pay' ? 'grand' : step.code === 'contribution' ? 'sum' : null,
  };
}

function componentRow(component: Pick<ComponentTotal, 'label' | 'workNetOre' | 'materialNetOre' | 'netOre'>): LetterComponentRow {
  return {
    label: component.label,
    work: formatNokNumber(component.workNetOre),
    material: formatNokNumber(component.materialNetOre),
    total: formatNokNumber(component.netOre),
  };
}

export function offerLetterView(input: OfferLetterInput): LetterView {
  const { calculation } = input;
  const settlement = offerSettlement(calculation);
  const labels = new Map(calculation.components.map((component) => [component.component, component.label]));
  const { owner, installation } = input;
  return {
    company: input.letterhead.company,
    logoSvg: input.letterhead.logoSvg,
    date: formatDateNb(input.issuedOn),
    recipient: { name: owner.name, lines: [owner.address, `${owner.postcode} ${owner.postTown}`] },
    caseNumber: input.caseNumber,
    offerVersion: input.offerVersion,
    installation: {
      address: `${installation.address}, ${installation.postcode} ${installation.postTown}`,
      cadastralNumber: installation.cadastralNumber,
      meteringPointId: installation.meteringPointId,
    },
    installerName: input.installerName,
    connection: connectionRows(input.connection),
    components: settlement.costComponents.map(componentRow),
    componentTotal: componentRow({ label: 'Kostnad for tilknytningen', ...settlement.connectionCost }),
    lines: calculation.lines.map((line) => lineRow(line, labels.get(line.component) ?? line.component)),
    settlement: settlement.steps.map(settlementRow),
    hasContribution: settlement.steps.some((step) => step.code === 'contribution'),
    hasDeduction: calculation.deduction !== null,
    contribution: formatNok(calculation.contributionOre),
    postCalculationCap: formatNok(postCalculationCapOre(calculation.contributionOre)),
    grandTotal: formatNok(calculation.grossOre),
    validUntil: formatDateNb(input.validUntil),
    paymentTerms: `Vi sender faktura når du har godtatt tilbudet. Betalingsfristen er ${input.paymentTermsDays} dager `
      + 'fra fakturadato. Oppgi saksnummeret ved betaling.',
    startApprovalOn: input.startApprovalOn,
    caseHandler: input.caseHandler,
    ownerAccess: input.ownerAccess,
  };
}

export function offerLetterHtml(input: OfferLetterInput): string {
  return renderLetterHtml(offerLetterView(input));
}
