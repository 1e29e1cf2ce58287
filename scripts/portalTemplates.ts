// Writes the portal's standard attachments (resources/portal-templates/*.pdf) with the offers' Chromium renderer:
// blank forms in Norwegian that an installer downloads, fills in (or has the owner sign) and sends back.
//   npx tsx scripts/portalTemplates.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ChromiumPdfRenderer } from '../harness/chromiumPdfRenderer';

const STYLE = `
  @page { size: A4; margin: 20mm 18mm; }
  body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10.5pt; color: #111; }
  h1 { font-size: 17pt; margin: 0 0 4mm; }
  p.lead { margin: 0 0 6mm; }
  table { width: 100%; border-collapse: collapse; margin: 0 0 6mm; }
  th, td { border: 1px solid #555; padding: 2.2mm 2.5mm; text-align: left; vertical-align: top; }
  th { background: #eee; width: 42%; font-weight: 600; }
  td { height: 6mm; }
  .sign td { height: 14mm; }
  small { color: #444; }`;

const rows = (labels: string[]) => labels.map((label) => `<tr><th>${label}</th><td></td></tr>`).join('');

function page(title: string, lead: string, body: string): string {
  return `<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>${title}</title><style>${STYLE}</style></head>
<body><h1>${title}</h1><p class="lead">${lead}</p>${body}
<p><small>Skjemaet lastes opp i Installatørportalen som vedlegg til meldingen.</small></p></body></html>`;
}

const INSTALLATION = ['Anleggsadresse', 'Postnummer og poststed', 'Gårds- og bruksnummer (gnr/bnr)', 'Målepunkt-ID (hvis kjent)'];

const TEMPLATES: Record<string, string> = {
  effektberegning: page('Effektberegning',
    'Kreves normalt når hovedsikringen er over 40 A ved 400 V TN eller over 63 A ved 230 V. Fylles ut av installatøren.',
    `<table>${rows(INSTALLATION)}</table>
     <table><tr><th>Kurs / last</th><td><b>Installert effekt (kW)</b></td><td><b>Samtidighet</b></td><td><b>Maks effekt (kW)</b></td></tr>
     ${['Oppvarming', 'Varmtvann', 'Komfyr og kjøkken', 'Elbillading', 'Varmepumpe', 'Annet'].map((l) => `<tr><th>${l}</th><td></td><td></td><td></td></tr>`).join('')}
     <tr><th>Sum maksimal effekt (kW)</th><td colspan="3"></td></tr></table>
     <table>${rows(['Nettsystem (230 V IT, 230 V TN, 400 V TN)', 'Hovedsikring (A)', 'Installatør (firma og org.nr.)'])}</table>
     <table class="sign">${rows(['Dato og underskrift, installatør'])}</table>`),
  'bestilling-nettleie': page('Bestilling av nettleie',
    'Eieren av anlegget bestiller nettleie fra tilknytningen. Skjemaet signeres av eieren.',
    `<table>${rows(INSTALLATION)}</table>
     <table>${rows(['Eiers navn', 'Fødselsnummer eller organisasjonsnummer', 'Fakturaadresse', 'E-post', 'Telefon', 'Ønsket oppstartsdato'])}</table>
     <table class="sign">${rows(['Dato og underskrift, eier'])}</table>`),
  'samtykke-sameiere': page('Samtykke fra sameiere',
    'Når anlegget har flere eiere eller enheter, samtykker sameierne i at arbeidet meldes til nettselskapet.',
    `<table>${rows(INSTALLATION)}</table>
     <p>Vi samtykker i at installatøren melder arbeidet på anlegget til nettselskapet.</p>
     <table><tr><th>Sameiers navn</th><td><b>Seksjon / enhet</b></td><td><b>Dato og underskrift</b></td></tr>
     ${Array.from({ length: 6 }, () => '<tr class="sign"><th></th><td></td><td></td></tr>').join('')}</table>`),
};

async function main(): Promise<void> {
  const renderer = new ChromiumPdfRenderer();
  try {
    for (const [name, html] of Object.entries(TEMPLATES)) {
      const file = path.resolve('resources/portal-templates', `${name}.pdf`);
      writeFileSync(file, await renderer.render(html));
      console.log(file);
    }
  } finally {
    await renderer.close();
  }
}

void main();
