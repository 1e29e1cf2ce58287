// The offer letter (tilbud om tilknytning) as HTML, from the offer's calculation and the case: addressed to the owner
// of the installation — the agreement is made with the customer, never with the installer (domain.md). Every
// figure comes from calculateOffer and is only formatted here; the PDF is made from this HTML by a PdfRenderer.
import {
  formatDateNb, formatNok, formatNokNumber, formatQuantity, VAT_PERCENT,
  type CalculatedLine, type OfferCalculation, type Ore, type VatCode,
} from '../../shared/rules';
import type { Letterhead } from './letterhead';
import { renderLetterHtml, type LetterLineRow, type LetterSettlementRow, type LetterView } from './letterTemplate';

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

const KIND_NB = { work: 'arbeid', material: 'materiell' } as const;

/** A line of the contribution is outside the VAT Act (letterTemplate.ts, VAT_NOTE): no rate is printed for it. */
const VAT_RATE_NB: Readonly<Record<VatCode, string>> = { exempt: 'utenfor', standard: `${VAT_PERCENT.standard} %` };

function lineRow(line: CalculatedLine, componentLabel: string): LetterLineRow {
  return {
    description: line.description,
    component: componentLabel,
    kind: KIND_NB[line.kind],
    quantity: `${formatQuantity(line.quantityMilli)} ${line.unit}`,
    unitPrice: formatNokNumber(line.unitPriceOre),
    net: formatNokNumber(line.netOre),
    vatRate: VAT_RATE_NB[line.vatCode],
    vat: formatNokNumber(line.vatOre),
    gross: formatNokNumber(line.grossOre),
  };
}

function settlementRows(calculation: OfferCalculation): LetterSettlementRow[] {
  const row = (label: string, net: Ore, vat: Ore, emphasis: LetterSettlementRow['emphasis'] = null) =>
    ({ label, net: formatNokNumber(net), vat: formatNokNumber(vat), gross: formatNokNumber(net + vat), emphasis });
  const deducted = calculation.deduction?.amountOre ?? 0;
  const rows: LetterSettlementRow[] = [];
  for (const total of calculation.vatTotals) {
    // The exempt total already includes the (negative) deduction; the deduction gets its own row below.
    const net = total.vatCode === 'exempt' ? total.netOre - deducted : total.netOre;
    if (net === 0 && total.vatOre === 0) continue;
    const label = total.vatCode === 'exempt' ? 'Linjer utenfor merverdiavgiftsloven' : `Linjer med ${total.percent} % merverdiavgift`;
    rows.push(row(label, net, total.vatOre));
  }
  if (calculation.deduction) rows.push(row(calculation.deduction.description, calculation.deduction.amountOre, 0));
  rows.push(row('Sum', calculation.netOre, calculation.vatOre, 'sum'));
  rows.push({ ...row('Å betale', calculation.netOre, calculation.vatOre, 'grand'), net: '', vat: '' });
  return rows;
}

export function offerLetterView(input: OfferLetterInput): LetterView {
  const { calculation } = input;
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
    components: calculation.components.map((component) => ({
      label: component.label,
      work: formatNokNumber(component.workNetOre),
      material: formatNokNumber(component.materialNetOre),
      total: formatNokNumber(component.netOre),
    })),
    componentTotal: {
      label: 'Sum arbeid og materiell',
      work: formatNokNumber(calculation.workNetOre),
      material: formatNokNumber(calculation.materialNetOre),
      total: formatNokNumber(calculation.workNetOre + calculation.materialNetOre),
    },
    lines: calculation.lines.map((line) => lineRow(line, labels.get(line.component) ?? line.component)),
    settlement: settlementRows(calculation),
    contribution: formatNok(calculation.contributionOre),
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
