// The work order (arbeidsordre) to an area supplier as HTML: the same letterhead, page and renderer as the offer
// letter (offers/letterLayout.ts), addressed to the supplier. It names the work, the case and the installation,
// the due date the framework agreement sets, and whom at the grid company to contact. The owner's name and phone go
// to the supplier only for work inside the owner's property (the meter), and only as the contact for access.
import { formatDateNb, GRID_WORK_NAMES_NB, type GridWorkKind, type NetworkSystem } from '../../shared/rules';
import type { Letterhead } from '../offers/letterhead';
import { html, printedOrganisationNumber, renderLetterFrame } from '../offers/letterLayout';

/** Work done at the meter, inside the owner's property: the supplier needs someone to let them in. */
const NEEDS_ACCESS_FROM_OWNER: ReadonlySet<GridWorkKind> = new Set(['direct_meter_mounting', 'transformer_meter_mounting']);

const ACCESS_NOTE = ' Kontakten for tilgang står her bare for at dere skal komme inn til anlegget.';

/** "1 virkedag", "5 virkedager". */
export const workingDaysNb = (count: number): string => `${count} ${count === 1 ? 'virkedag' : 'virkedager'}`;

/** "230V_IT" as written: "230 V IT". */
export const networkSystemNb = (system: NetworkSystem | string): string => system.replace(/^(\d+)V_/, '$1 V ');

/** The owner as the contact for access to the site, when the work needs it; otherwise nothing of the owner. */
export function accessContact(input: Pick<WorkOrderLetterInput, 'workKind' | 'owner'>): string | null {
  if (!NEEDS_ACCESS_FROM_OWNER.has(input.workKind)) return null;
  return [input.owner.name, input.owner.phone].filter(Boolean).join(', ');
}

export interface WorkOrderLetterInput {
  letterhead: Letterhead;
  orderId: string;
  /** ISO dates (YYYY-MM-DD). */
  orderedOn: string;
  dueDate: string;
  agreementDays: number;
  workKind: GridWorkKind;
  supplier: { name: string; contactPerson: string | null; email: string | null; phone: string | null; organisationNumber: string };
  caseNumber: string;
  installation: {
    address: string;
    postcode: string;
    postTown: string;
    municipality: string;
    cadastralNumber: string | null;
    meteringPointId: string | null;
    meterNumber: string | null;
    networkSystem: string;
    phases: number;
    mainFuseA: number | null;
  };
  installer: { name: string; organisationNumber: string; contact: string | null; phone: string | null };
  owner: { name: string; phone: string | null };
  /** The person at the grid company who placed the order. */
  contact: { name: string; email: string | null; phone: string | null };
  /** "AO-2026-000123": what the supplier quotes back (workOrderNumber); without it, the order id's start. */
  orderNumber?: string;
  /** What the fitter needs on site; the parts not yet known are left out of the letter. */
  technical?: WorkOrderTechnical;
}

export interface WorkOrderTechnical {
  cabinetId: string | null;
  /** "TFXP 4x50 Al": type and cross-section as the cable is named. */
  cable: { type: string; crossSectionMm2: number } | null;
  shortCircuitFuseA: number | null;
  /** The framework agreement's item the work is ordered and paid under. */
  frameworkItem: string | null;
  /** The site map's file name when the case has one (it goes with the order). */
  siteMap: string | null;
}

/** "AO-2026-000123", and "AO-2026-000123-2" for the case's second order: readable, and the case number is in it. */
export function workOrderNumber(caseNumber: string, nthOnCase: number): string {
  return `AO-${caseNumber}${nthOnCase > 1 ? `-${nthOnCase}` : ''}`;
}

export function workOrderSubject(input: Pick<WorkOrderLetterInput, 'workKind' | 'caseNumber' | 'installation'>): string {
  return `Arbeidsordre: ${GRID_WORK_NAMES_NB[input.workKind]} – sak ${input.caseNumber}, ${input.installation.address}`;
}

/** The plain-text message stored for delivery with the PDF: the order in a few lines. */
export function workOrderMessageBody(input: WorkOrderLetterInput): string {
  const place = `${input.installation.address}, ${input.installation.postcode} ${input.installation.postTown}`;
  return [
    `Hei${input.supplier.contactPerson ? ` ${input.supplier.contactPerson}` : ''},`,
    '',
    `${input.letterhead.company.name} bestiller etter rammeavtalen: ${GRID_WORK_NAMES_NB[input.workKind].toLowerCase()} på ${place}`
      + ` (sak ${input.caseNumber}).`,
    `Frist: ${formatDateNb(input.dueDate)} (${workingDaysNb(input.agreementDays)}).`,
    'Arbeidsordren ligger ved som PDF. Bekreft at dere har mottatt ordren, og gi oss beskjed når arbeidet er utført.',
    '',
    `Med vennlig hilsen ${input.contact.name}, ${input.letterhead.company.name}`,
  ].join('\n');
}

export function workOrderLetterHtml(input: WorkOrderLetterInput): string {
  const { installation: inst, supplier, letterhead } = input;
  const company = letterhead.company;
  const work = GRID_WORK_NAMES_NB[input.workKind];
  const place = `${inst.address}, ${inst.postcode} ${inst.postTown}`;
  const fact = (label: string, value: string | null) => (value ? html`<tr><th scope="row">${label}</th><td>${value}</td></tr>` : '');
  const access = accessContact(input);
  const t = input.technical;
  const orderNumber = input.orderNumber ?? input.orderId.slice(0, 8);
  const body = html`
<h1>Arbeidsordre${input.orderNumber ? ` ${input.orderNumber}` : ''} – ${work}</h1>
<p class="subtitle">Sak ${input.caseNumber} · ${place}</p>
<p>Etter rammeavtalen for området bestiller ${company.name} dette arbeidet fra ${supplier.name}.</p>

<table class="facts keep">
  <tbody>
    ${fact('Arbeid', work)}
    ${fact('Anleggsadresse', place)}
    ${fact('Kommune', inst.municipality)}
    ${fact('Matrikkelnummer', inst.cadastralNumber)}
    ${fact('Målepunkt-ID', inst.meteringPointId)}
    ${fact('Målernummer', inst.meterNumber)}
    ${fact('Nettsystem og faser', `${networkSystemNb(inst.networkSystem)}, ${inst.phases}-fase`)}
    ${fact('Hovedsikring', inst.mainFuseA === null ? null : `${inst.mainFuseA} A`)}
    ${fact('Kabelskap', t?.cabinetId ?? null)}
    ${fact('Kabel', t?.cable ? `${t.cable.type}, ${t.cable.crossSectionMm2} mm²` : null)}
    ${fact('Kortslutningsvern', t?.shortCircuitFuseA ? `${t.shortCircuitFuseA} A` : null)}
    ${fact('Rammeavtalens post', t?.frameworkItem ?? null)}
    ${fact('Situasjonskart', t?.siteMap ? `${t.siteMap} (vedlagt)` : null)}
    ${fact('Installatør', `${input.installer.name} (org.nr. ${printedOrganisationNumber({ organisationNumber: input.installer.organisationNumber, vatRegistered: false })})`)}
    ${fact('Installatørens kontakt', [input.installer.contact, input.installer.phone].filter(Boolean).join(', ') || null)}
    ${fact('Kontakt for tilgang', access)}
  </tbody>
</table>

<div class="due keep" data-role="due">
  <strong>Frist: ${formatDateNb(input.dueDate)}</strong><br>
  ${workingDaysNb(input.agreementDays)} fra bestillingen ${formatDateNb(input.orderedOn)}, som rammeavtalen setter for dette arbeidet.
</div>

<div class="keep">
<h2>Slik gjør dere</h2>
<p>Bekreft at dere har mottatt ordren, med referanse ${orderNumber}. Avtal tidspunkt med
  installatøren før dere drar ut.${access ? ACCESS_NOTE : ''} Kobling og frakobling i nettet avtales med
  driftssentralen vår før arbeidet starter; ingen kobler i nettselskapets skap uten avtale. Meld fra til oss så snart arbeidet er utført, med
  målerstand og målernummer når arbeidet gjelder måler. Kan fristen ikke holdes, si fra med en gang, med grunnen.</p>
</div>

<p class="keep"><strong>Kontakt hos ${company.name}:</strong> ${input.contact.name}${input.contact.phone ? html` · tlf. ${input.contact.phone}` : ''}${input.contact.email
    ? html` · ${input.contact.email}` : ''} · sentralbord ${company.phone} · ${company.email}<br>
  Med vennlig hilsen ${company.name}</p>
`;
  return renderLetterFrame({
    title: `Arbeidsordre – sak ${input.caseNumber}`,
    company,
    logoSvg: letterhead.logoSvg,
    recipient: {
      name: supplier.name,
      lines: [
        ...(supplier.contactPerson ? [`Att.: ${supplier.contactPerson}`] : []),
        ...(supplier.email ? [supplier.email] : []),
        ...(supplier.phone ? [`Tlf. ${supplier.phone}`] : []),
      ],
    },
    meta: [['Dato', formatDateNb(input.orderedOn)], ['Vår referanse', input.caseNumber], ['Ordrenummer', orderNumber]],
    body,
    compact: true,
  });
}
