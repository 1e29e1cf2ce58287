// The demo's offer letter: a one-page PDF written directly (no browser: the seed makes thousands, synchronously),
// naming the case, the owner, the lines and the amount to pay, so that an offer in the demo has its letter on file
// as an issued one does. The letters the app issues are rendered from the real template (core/offers/offerLetter.ts).
import { formatNok, type OfferCalculation } from '../../shared/rules';

export interface DemoLetterFacts {
  caseNumber: string;
  address: string;
  postcode: string;
  postTown: string;
  ownerName: string;
  issuedOn: string;
  validUntil: string;
  calculation: OfferCalculation;
}

/** PDF's standard fonts take WinAnsi: Norwegian letters as octal escapes, anything else outside ASCII as '?'. */
const WIN_ANSI: Record<string, number> = { æ: 0xe6, ø: 0xf8, å: 0xe5, Æ: 0xc6, Ø: 0xd8, Å: 0xc5, é: 0xe9, '–': 0x96, '«': 0xab, '»': 0xbb };

function pdfText(text: string): string {
  let out = '';
  for (const char of text.replace(/\u00a0|\u202f/g, ' ').replace(/\u2212/g, '-')) {
    if (char === '(' || char === ')' || char === '\\') out += `\\${char}`;
    else if (char.charCodeAt(0) < 128) out += char;
    else out += WIN_ANSI[char] !== undefined ? `\\${WIN_ANSI[char].toString(8)}` : '?';
  }
  return out;
}

function lettersLines(facts: DemoLetterFacts): Array<{ text: string; size: number; gap: number }> {
  const { calculation } = facts;
  const lines = [
    { text: 'Tilbud om tilknytning', size: 16, gap: 28 },
    { text: `Saksnummer ${facts.caseNumber}`, size: 11, gap: 16 },
    { text: facts.ownerName, size: 11, gap: 14 },
    { text: `${facts.address}, ${facts.postcode} ${facts.postTown}`, size: 11, gap: 24 },
    { text: `Datert ${facts.issuedOn}, gjelder til ${facts.validUntil}.`, size: 10, gap: 22 },
    ...calculation.lines.map((line) => ({ text: `${line.description}: ${formatNok(line.netOre)}`, size: 10, gap: 14 })),
    { text: `Sum eks. mva: ${formatNok(calculation.netOre)}`, size: 10, gap: 18 },
    { text: `Mva: ${formatNok(calculation.vatOre)}`, size: 10, gap: 14 },
    { text: `Å betale: ${formatNok(calculation.grossOre)}`, size: 12, gap: 26 },
    { text: 'Demoens tilbudsbrev. Brev som sendes fra appen lages fra nettselskapets brevmal.', size: 9, gap: 14 },
  ];
  return lines;
}

export function demoOfferLetterPdf(facts: DemoLetterFacts): Buffer {
  let y = 790;
  const content = lettersLines(facts).map(({ text, size, gap }) => {
    const line = `BT /F1 ${size} Tf 56 ${y} Td (${pdfText(text)}) Tj ET`;
    y -= gap;
    return line;
  }).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
