// The offer letter rendered to PDF by Chromium and read back with poppler (pdftotext, pdfinfo, pdftoppm): what a
// customer reads must be the owner's letter with the exact figures and the statements kontrollforskriften
// chapter 16 requires. The PDF and a PNG of page 1 are kept in test-results/offer-letter/ for a person to look at.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerLetterHtml, type OfferLetterInput } from '../../core/offers/offerLetter';
import { ChromiumPdfRenderer } from '../../harness/chromiumPdfRenderer';
import { formatNok, formatNokNumber, offerSettlement } from '../../shared/rules';
import { DEMO_INSTALLER_NAME, DEMO_OWNER_NAME, demoOfferLetterInput } from '../fixtures/offers/demoOfferLetter';

const OUTPUT = path.resolve(__dirname, '../../test-results/offer-letter');
const PDF_FILE = path.join(OUTPUT, 'offer-letter.pdf');

/** No-break spaces (thousands, before "kr") compared as plain spaces; lines joined, runs of spaces collapsed. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const flat = (text: string) => plain(text).replace(/\s+/g, ' ');

let renderer: ChromiumPdfRenderer;
let input: OfferLetterInput;
let layoutText: string;

beforeAll(async () => {
  renderer = new ChromiumPdfRenderer();
  input = demoOfferLetterInput();
  mkdirSync(OUTPUT, { recursive: true });
  writeFileSync(PDF_FILE, await renderer.render(offerLetterHtml(input)));
  layoutText = plain(execFileSync('pdftotext', ['-layout', PDF_FILE, '-'], { encoding: 'utf8' }));
});

afterAll(async () => {
  await renderer?.close();
});

describe('the offer letter as a PDF', () => {
  it('is addressed to the owner; the installer is named only in the text, after the heading', () => {
    const heading = layoutText.indexOf('Tilbud om tilknytning – anleggsbidrag');
    expect(heading).toBeGreaterThan(0);
    const addressBlock = layoutText.slice(0, heading);
    expect(addressBlock).toContain(DEMO_OWNER_NAME);
    expect(addressBlock).toContain('Tordenskjolds gate 41');
    expect(addressBlock).toContain('4612 Kristiansand S');
    expect(addressBlock).not.toContain(DEMO_INSTALLER_NAME);
    expect(flat(layoutText.slice(heading))).toContain(`sendt oss av ${DEMO_INSTALLER_NAME} på dine vegne`);
  });

  it('names the case and the installation with its cadastral number', () => {
    expect(layoutText).toContain('Sak 2026-000417 · Bjørkelia 7, 4638 Kristiansand S');
    expect(layoutText).toContain('Matrikkelnummer 4204-123/45');
  });

  it('says what is bought: main fuse, phases, network system, connection point, and the tilknytningsavtale', () => {
    expect(layoutText).toMatch(/^\s*Hovedsikring\s+63 A\s*$/m);
    expect(layoutText).toMatch(/^\s*Faser\s+3-faset\s*$/m);
    expect(layoutText).toMatch(/^\s*Nettsystem\s+230 V IT\s*$/m);
    expect(layoutText).toMatch(/^\s*Tilknytningspunkt\s+Kabelskap KS-4204-0117\s*$/m);
    const text = flat(layoutText);
    expect(text).toContain('inngår du en tilknytningsavtale med Agder Nett AS');
    expect(text).toContain('følger våre standard tilknytningsvilkår');
  });

  it('gives the cost of the connection per main component, work and materials, without the fee or services', () => {
    const settlement = offerSettlement(input.calculation);
    expect(settlement.costComponents.length).toBe(9);
    for (const component of settlement.costComponents) {
      const figures = [component.workNetOre, component.materialNetOre, component.netOre].map(formatNokNumber).map(plain);
      const row = new RegExp(`^\\s*${component.label}\\s+${figures.map((f) => f.replace(/ /g, '\\s')).join('\\s+')}\\s*$`, 'm');
      expect(layoutText, component.label).toMatch(row);
    }
    // The same figures written out by hand, so a formatting or calculation fault cannot agree with itself.
    expect(layoutText).toMatch(/^\s*Kabel\s+3 103,75\s+6 142,50\s+9 246,25\s*$/m);
    expect(layoutText).toMatch(/^\s*Rør og dekkbord\s+0,00\s+2 056,28\s+2 056,28\s*$/m);
    expect(layoutText).toMatch(/^\s*Kostnad for tilknytningen\s+22 763,75\s+14 198,78\s+36 962,53\s*$/m);
    const costTable = layoutText.slice(layoutText.indexOf('Kostnad for tilknytningen fordelt'), layoutText.indexOf('Fra kostnad til'));
    expect(costTable).toContain('Hovedkomponent');
    expect(costTable).not.toMatch(/Gebyrer og tjenester|Tilknytning av nytt anlegg|Montering av måler/);
  });

  it('goes from the cost to the amount to pay in steps that are each the sum they claim, VAT per row', () => {
    // 36 962,53 − 2 300,00 = 34 662,53; + 2 300,00 + 1 790,00 = 38 752,53; VAT 447,50; 39 200,03 in all.
    const steps = [
      /^\s*Kostnad for tilknytningen\s+36 962,53\s+utenfor\s+0,00\s+36 962,53\s*$/m,
      /^\s*− Fradrag for tilknytningsgebyr\s+−2 300,00\s+utenfor\s+0,00\s+−2 300,00\s*$/m,
      /^\s*= Anleggsbidrag\s+34 662,53\s+utenfor\s+0,00\s+34 662,53\s*$/m,
      /^\s*\+ Tilknytning av nytt anlegg, direktemålt\s+2 300,00\s+utenfor\s+0,00\s+2 300,00\s*$/m,
      /^\s*\+ Montering av måler\s+1 790,00\s+25 %\s+447,50\s+2 237,50\s*$/m,
      /^\s*= Å betale\s+38 752,53\s+447,50\s+39 200,03\s*$/m,
    ];
    let from = 0;
    for (const step of steps) {
      const found = step.exec(layoutText.slice(from));
      expect(found, String(step)).not.toBeNull();
      from += found!.index + found![0].length;
    }
    expect(plain(formatNokNumber(input.calculation.contributionOre))).toBe('34 662,53');
    expect(plain(formatNokNumber(input.calculation.grossOre))).toBe('39 200,03');
    expect(flat(layoutText)).toContain(`til ${plain(formatNok(input.calculation.grossOre))} inkl. mva`);
    expect(flat(layoutText)).toContain('fratrukket tilknytningsgebyret, og er i dette tilbudet 34 662,53 kr');
    // Each line's own VAT: the service line carries 25 %; a contribution line is outside the VAT Act, with no rate.
    expect(layoutText).toMatch(/^\s*Montering av måler\s+1 stk\s+1 790,00\s+1 790,00\s+25\s?%\s+447,50\s+2 237,50\s*$/m);
    expect(layoutText).toMatch(/^\s*Dekkbord\s+32,5 m\s+14,37\s+467,03\s+utenfor\s+0,00\s+467,03\s*$/m);
    expect(flat(layoutText)).toContain('Anleggsbidraget er utenfor merverdiavgiftsloven');
    expect(layoutText).not.toMatch(/fritatt|(^|\s)0\s?%/im);
  });

  it('states the law exactly: §§ 16-1 and 16-2, the estimate and post-calculation under § 16-11, and RME', () => {
    const text = flat(layoutText);
    expect(text).toContain('etter forskrift om kontroll av nettvirksomhet (kontrollforskriften), FOR-1999-03-11-302 § 16-1.');
    expect(text).toContain('Etter § 16-2 skal vi gi deg hjemmelen for anleggsbidraget, vår praksis, det estimerte anleggsbidraget med beregningsgrunnlag');
    expect(text).toContain('det estimerte anleggsbidraget etter kontrollforskriften');
    expect(text).toContain('(etterberegning etter § 16-11)');
    expect(text).toContain('lavere enn det du har betalt, betaler vi tilbake forskjellen');
    // 15 % of 34 662,53 kr = 5 199,3795 kr → 5 199,38 kr.
    expect(text).toContain('høyst 15 prosent utover det estimerte anleggsbidraget – i dette tilbudet høyst 5 199,38 kr');
    expect(text).toContain('Grensen gjelder ikke dersom kostnadsoverskridelsen skyldes forhold på din side');
    expect(text).not.toMatch(/vesentlig dyrere|varsler vi deg/);
    expect(text).toContain('Reguleringsmyndigheten for energi (RME), Postboks 5091 Majorstuen, 0301 Oslo, e-post rme@nve.no');
  });

  it('states the practice, validity, acceptance and payment', () => {
    const text = flat(layoutText);
    expect(text).toContain(flat(input.letterhead.company.practice));
    expect(text).toContain('Tilbudet gjelder til 20. juni 2026.');
    expect(text).toContain('Oppgi saksnummer 2026-000417');
    expect(text).toContain('Betalingsfristen er 30 dager fra fakturadato');
    expect(text).toContain('Mona Tveit Saksbehandler · tlf. 38 10 20 47');
  });

  it("gives the owner the personal link and code to answer in the portal, the code on one line", () => {
    const text = flat(layoutText);
    expect(text).toContain('Gå til https://minside.agdernett.no/portal/tilbud/3f1c2a9e-5b7d-4e21-9c4a-8d2f6b0e7a15 og skriv inn koden K7M2Q-XR9TD');
    expect(layoutText).toMatch(/K7M2Q-XR9TD/);
  });

  it('is A4, and page 1 converts to a PNG at 80 dpi for a person to look at', () => {
    expect(execFileSync('pdfinfo', [PDF_FILE], { encoding: 'utf8' })).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', PDF_FILE, path.join(OUTPUT, 'offer-letter-page1')]);
    const png = readFileSync(path.join(OUTPUT, 'offer-letter-page1.png'));
    // IHDR: width and height at bytes 16–23. A4 (210 × 297 mm) at 80 dpi is about 662 × 935 pixels.
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(Math.abs(width - 662)).toBeLessThanOrEqual(1);
    expect(Math.abs(height - 935)).toBeLessThanOrEqual(1);
  });
});

describe('the offer letter as HTML', () => {
  it('escapes what people typed, so a name cannot become markup', () => {
    const letter = demoOfferLetterInput();
    const html = offerLetterHtml({ ...letter, owner: { ...letter.owner, name: 'Berg & <b>Sønn</b> AS' } });
    expect(html).toContain('Berg &amp; &lt;b&gt;Sønn&lt;/b&gt; AS');
    expect(html).not.toContain('<b>Sønn</b>');
  });

  it('fetches nothing: no remote or file references', () => {
    expect(offerLetterHtml(demoOfferLetterInput())).not.toMatch(/(src|href)\s*=|url\(|@import/i);
  });

  it('says the installer may start on acceptance where the company releases on acceptance', () => {
    const text = flat(offerLetterHtml({ ...demoOfferLetterInput(), startApprovalOn: 'accepted' }));
    expect(text).toContain('klarsignal til å starte arbeidet ved tilknytningspunktet når du har godtatt tilbudet');
    expect(flat(offerLetterHtml(demoOfferLetterInput()))).toContain('tilknytningspunktet når anleggsbidraget er betalt');
  });
});
