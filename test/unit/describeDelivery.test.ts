// A message's delivery in the desk's words (renderer/src/features/case/describeDelivery.ts): only what the service
// recorded, the first moment in full and later ones on the same day by their time; a failing e-mail with its reason
// and the next try; standalone and not-yet-pushed said plainly.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { MessageDeliveryView } from '../../shared/contract';
import { describeDelivery } from '../../renderer/src/features/case/describeDelivery';
import en from '../../renderer/src/i18n/en.json';
import nb from '../../renderer/src/i18n/nb.json';

const i18n = i18next.createInstance();
void i18n.init({ lng: 'nb', resources: { nb: { translation: nb }, en: { translation: en } }, initAsync: false, interpolation: { escapeValue: false } });
const t = i18n.getFixedT('nb');
const tEn = i18n.getFixedT('en');

const email = (over: Partial<NonNullable<MessageDeliveryView['email']>>): MessageDeliveryView['email'] => ({
  state: 'queued', recipient: 'post@firma.no', sentAt: null, attempts: 0, lastError: null, nextAttemptAt: null, ...over,
});

describe('describeDelivery', () => {
  it('says delivered in the portal, the e-mail sent and the reading, later moments of the day by their time (Oslo time)', () => {
    const view: MessageDeliveryView = {
      stage: 'atService',
      portal: { deliveredAt: '2026-03-12T13:02:00Z', readAt: '2026-03-12T14:10:00Z' },
      email: email({ state: 'sent', sentAt: '2026-03-12T13:03:00Z', attempts: 1 }),
    };
    expect(describeDelivery(t, view)).toEqual({ text: 'Levert i portalen 12.03.2026 14:02 · E-post sendt 14:03 · Lest 15:10', problem: false });
    expect(describeDelivery(tEn, view).text).toBe('Delivered in the portal 12.03.2026 14:02 · E-mail sent 14:03 · Read 15:10');
  });

  it('gives a reading on a later day its date, and says when it is not read yet', () => {
    const portal = { deliveredAt: '2026-03-12T13:02:00Z', readAt: '2026-03-13T07:30:00Z' };
    expect(describeDelivery(t, { stage: 'atService', portal, email: null }).text).toBe('Levert i portalen 12.03.2026 14:02 · Lest 13.03.2026 08:30');
    expect(describeDelivery(t, { stage: 'atService', portal: { ...portal, readAt: null }, email: null }).text)
      .toBe('Levert i portalen 12.03.2026 14:02 · Ikke lest ennå');
  });

  it('shows a failing e-mail as a problem, with the reason and when it is tried again, and one that gave up', () => {
    const retrying = describeDelivery(t, {
      stage: 'atService', portal: null,
      email: email({ attempts: 2, lastError: 'connect ECONNREFUSED', nextAttemptAt: '2026-03-12T13:10:00Z' }),
    });
    expect(retrying).toEqual({ text: 'E-post feilet: connect ECONNREFUSED, prøver igjen kl. 14:10', problem: true });
    const failed = describeDelivery(t, { stage: 'atService', portal: null, email: email({ state: 'failed', attempts: 8, lastError: '550 mailbox unavailable' }) });
    expect(failed).toEqual({ text: 'E-post feilet: 550 mailbox unavailable – ga opp etter 8 forsøk', problem: true });
    expect(describeDelivery(t, { stage: 'atService', portal: null, email: email({}) }).text).toBe('E-post i kø');
  });

  it('never claims a delivery the service did not record', () => {
    expect(describeDelivery(t, { stage: 'standalone', portal: null, email: null }).text).toBe('Ikke sendt – frittstående (ingen sentral tjeneste)');
    expect(describeDelivery(t, { stage: 'pending', portal: null, email: null }).text).toBe('Ikke sendt ennå – venter på sentralen');
    expect(describeDelivery(t, { stage: 'atService', portal: null, email: null }))
      .toEqual({ text: 'Ikke levert – mottakeren er ikke i portalen og har ingen e-postadresse hos oss', problem: true });
  });
});
