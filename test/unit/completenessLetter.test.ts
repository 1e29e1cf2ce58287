import { describe, expect, it } from 'vitest';
import { informationRequestLetter, replyDeadline } from '../../shared/rules';

describe('the request for information letter (mangelbrev)', () => {
  const letter = informationRequestLetter({
    caseNumber: '2026-000197',
    address: 'Solbakken 29',
    postcode: '4635',
    postTown: 'Kristiansand S',
    missingItems: ['Effektberegning', 'Situasjonskart 1:500 med tilknytningsskap'],
    senderName: 'Kari Nordmann',
    replyBy: '2026-12-11',
  });

  it('names the case and the address in the subject', () => {
    expect(letter.subject).toBe('Mangler i melding 2026-000197 – Solbakken 29');
  });

  it('lists each missing item in words, in Norwegian, and is signed by the handler', () => {
    expect(letter.body).toContain('Takk for meldingen om Solbakken 29, 4635 Kristiansand S (saksnummer 2026-000197).');
    expect(letter.body).toContain(
      'Vi mangler følgende for å kunne behandle meldingen:\n- Effektberegning\n- Situasjonskart 1:500 med tilknytningsskap\n',
    );
    expect(letter.body.endsWith('Med vennlig hilsen\nKari Nordmann')).toBe(true);
  });

  it('gives the reply deadline and says what happens after it', () => {
    expect(letter.body).toContain('Svarfrist: 11. desember 2026. Har vi ikke fått opplysningene innen fristen, kan vi avslutte saken');
    expect(replyDeadline('2026-11-27')).toBe('2026-12-11');
  });
});
