// The letters per decision say what the recipient needs: the klarsignal who does each grid work and who signs it,
// never the building-permit word; the request for information its reply deadline and what follows it; the fuse
// change its new size and whether it costs; the construction-power confirmation its period, cabinet, rent and the
// readings at both ends. And the registry gives every (kind, request type) one file name of its own.
import { describe, expect, it } from 'vitest';
import { loadLetterhead } from '../../core/offers/letterhead';
import type { CaseLetterFacts } from '../../core/letters/caseLetterFacts';
import { constructionPowerLetterHtml } from '../../core/letters/constructionPowerLetter';
import { decisionLetterHtml } from '../../core/letters/decisionLetters';
import { fuseChangeLetterHtml } from '../../core/letters/fuseChangeLetter';
import { informationRequestLetterHtml, replyDeadline } from '../../core/letters/informationRequestLetter';
import { LETTER_KINDS, letterFiles } from '../../core/letters/letterKinds';
import { paragraphsOf } from '../../core/letters/letterParts';
import { startApprovalLetterHtml } from '../../core/letters/startApprovalLetter';
import { workOrderNumber } from '../../core/workOrders/workOrderLetter';
import { REQUEST_TYPES } from '../../shared/rules';

const facts: CaseLetterFacts = {
  letterhead: loadLetterhead(),
  today: '2026-12-04',
  caseHandler: { name: 'Kari Nordmann', email: 'kari.nordmann@agdernett.no' },
  caseId: 1,
  caseNumber: '2026-000123',
  requestType: 'fuse_change',
  place: { address: 'Storgata 1', postcode: '4611', postTown: 'Kristiansand S' },
  municipalityNumber: '4204',
  cadastralNumber: '4204-12/34',
  meteringPointId: '707057500041242750',
  meterNumber: '11990843',
  networkSystem: '400V_TN',
  phases: 3,
  mainFuseA: 63,
  owner: { name: 'Ola Eier', phone: null, postal: { address: 'Postboks 12', postcode: '4601', postTown: 'Kristiansand S' } },
  installer: { name: 'Sørlandet Elektro AS', organisationNumber: '923609016', contact: 'Per Holt', email: 'post@se.no', phone: null },
  approvalConditions: ['Inntaket på yttervegg.'],
  decisionReason: 'Effekten er for stor.',
  wantedStartDate: null,
  wantedConnectionDate: null,
  releaseOnAcceptance: false,
};
const text = (markup: string) => markup.replace(/<style>[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('klarsignal', () => {
  const letter = text(startApprovalLetterHtml(facts, {
    release: { by: 'approval', on: '2026-12-04' },
    work: [
      { kind: 'service_cable_connection', performer: 'area_supplier', name: 'Lister Energimontasje AS' },
      { kind: 'direct_meter_mounting', performer: 'installer', name: 'Sørlandet Elektro AS' },
    ],
  }));

  it('names who does each grid work, and asks for switching to be agreed when others than the installer work in the grid', () => {
    expect(letter).toContain('Tilkobling av stikkledning i nettselskapets skap Lister Energimontasje AS (områdeentreprenøren etter vår rammeavtale)');
    expect(letter).toContain('Montering av direktemålt måler Sørlandet Elektro AS (dere som installatør)');
    expect(letter).toContain('avtales med driftssentralen');
  });

  it('is signed by the company and the case handler by name, and never uses the building-permit word', () => {
    expect(letter).toMatch(/Med vennlig hilsen Agder Nett AS Kari Nordmann saksbehandler/);
    expect(letter.toLowerCase()).not.toContain('igangsettingstillatelse');
    expect(letter).toContain('Klarsignal');
  });
});

describe('the request for information', () => {
  it('gives a reply deadline 14 days on and says the case may be closed after it', () => {
    expect(replyDeadline('2026-12-04')).toBe('2026-12-18');
    expect(replyDeadline('2026-12-25')).toBe('2027-01-08');
    const letter = text(informationRequestLetterHtml(facts, ['Situasjonskart', 'Enlinjeskjema']));
    expect(letter).toContain('Svarfrist: 18. desember 2026');
    expect(letter).toContain('kan vi avslutte saken');
    expect(letter).toMatch(/<li>|Situasjonskart Enlinjeskjema/);
    expect(letter).not.toMatch(/\bHei\b/);
  });
});

describe('the decision letters', () => {
  it('list the approval conditions and quote the rejection reason, to the installer', () => {
    const approval = text(decisionLetterHtml(facts, { kind: 'approval', conditions: ['Inntaket på yttervegg.'], nextStep: 'go_ahead' }));
    expect(approval).toContain('Forhåndsmeldingen er godkjent');
    expect(approval).toContain('Inntaket på yttervegg.');
    expect(approval).not.toContain('Nettselskapet');
    const rejection = text(decisionLetterHtml(facts, { kind: 'rejection', reason: 'Effekten er for stor.' }));
    expect(rejection).toContain('«Effekten er for stor.»');
  });

  it('set a message text as paragraphs and lists, dropping its greeting and closing', () => {
    const markup = paragraphsOf('Hei,\n\nFørste linje\nfortsetter.\n\n- en\n- to\n\nMed vennlig hilsen\nNettselskapet').html;
    expect(markup).toBe('<p>Første linje fortsetter.</p><ul class="keep"><li>en</li><li>to</li></ul>');
  });
});

describe('fuse change and construction power', () => {
  it('the fuse change gives the new size and says when it costs nothing', () => {
    const free = text(fuseChangeLetterHtml(facts, { newFuseA: 63, phases: 3, cost: null }));
    expect(free).toContain('63 A, 3-fase');
    expect(free).toContain('koster deg ingenting');
    const paid = text(fuseChangeLetterHtml(facts, { newFuseA: 125, phases: 3, cost: { amount: '12 000,00 kr', what: 'Kabelen må forsterkes.' } }));
    expect(paid).toContain('Endringen koster 12 000,00 kr');
  });

  it("go to the owner's postal address, not the building site", () => {
    const letter = fuseChangeLetterHtml(facts, { newFuseA: 63, phases: 3, cost: null });
    const window = /data-role="recipient"[\s\S]*?<\/div>/.exec(letter)?.[0] ?? letter.slice(0, 0);
    expect(window).toContain('Postboks 12');
    expect(window).toContain('4601 Kristiansand S');
    expect(window).not.toContain('Storgata 1');
  });

  it('the construction-power confirmation gives period, cabinet, rent per day and the readings at both ends', () => {
    const letter = text(constructionPowerLetterHtml({ ...facts, requestType: 'temporary_installation' }, {
      periodFrom: '2026-12-07', periodTo: '2027-03-07', cabinetId: 'KS-4204-0123', rentPerDay: '45,00 kr',
      connectFee: '1 500,00 kr', disconnectFee: '1 000,00 kr',
    }));
    expect(letter).toContain('7. desember 2026 – 7. mars 2027');
    expect(letter).toContain('KS-4204-0123');
    expect(letter).toContain('45,00 kr per dag');
    expect(letter).toContain('leser av måleren den dagen skapet kobles til, og igjen den dagen det kobles fra');
    expect(letter).toContain('faktisk har vært tilkoblet');
  });
});

describe('the registry', () => {
  it('gives each (kind, request type) one file name, every request type an approval, a klarsignal and a withdrawal, and a work order where work is ordered', () => {
    const files = letterFiles().map((file) => file.fileName);
    expect(new Set(files).size).toBe(files.length);
    for (const kind of ['godkjenning', 'avslag', 'klarsignal', 'foresporsel-om-opplysninger', 'trukket']) {
      expect(files.filter((file) => file.startsWith(`${kind}-`))).toHaveLength(REQUEST_TYPES.length);
    }
    expect(files.filter((file) => file.startsWith('arbeidsordre-'))).toHaveLength(REQUEST_TYPES.length - 2);
    expect(files).not.toContain('arbeidsordre-endret-bruk.pdf');
    expect(files).toContain('kansellert-ny-installasjon.pdf');
    expect(files).toContain('ferdigmelding-avvist-endring-av-hovedsikring.pdf');
    expect(files).toContain('tilbud-ny-installasjon.pdf');
    expect(files).toContain('klarsignal-endring-av-hovedsikring.pdf');
    expect(files).toContain('ordrebekreftelse-byggestrom.pdf');
    expect(files).not.toContain('tilbud-endring-av-hovedsikring.pdf');
    expect(new Set(LETTER_KINDS.map((kind) => kind.kind)).size).toBe(LETTER_KINDS.length);
  });

  it('numbers work orders readably from the case number', () => {
    expect(workOrderNumber('2026-000123', 1)).toBe('AO-2026-000123');
    expect(workOrderNumber('2026-000123', 2)).toBe('AO-2026-000123-2');
  });
});
