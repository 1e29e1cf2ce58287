import { describe, expect, it } from 'vitest';
import { parseBillingFile } from '../../core/billing/billingFile';

const HEADER = 'hendelse_id;type;saksnummer;tilbudsversjon;beløp;dato;referanse';

describe('parseBillingFile: CSV', () => {
  it('reads payments, acceptances and invoices with Norwegian amounts and dates into øre', () => {
    const file = parseBillingFile('betalinger.csv', [
      HEADER,
      'F-1;betaling;2026-000123;2;12 345,50;01.12.2026;KID 123',
      'F-2;Aksept;2026-000124;1;;2026-11-30;',
      'F-3;faktura;2026-000125;1;"1.234,05";2026-11-29;FA-9',
    ].join('\n'));
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    expect(file.bad).toEqual([]);
    expect(file.rows.map(({ raw: _raw, ...row }) => row)).toEqual([
      { billingEventId: 'F-1', kind: 'payment', caseNumber: '2026-000123', offerVersion: 2, amountOre: 1_234_550, occurredOn: '2026-12-01', reference: 'KID 123', line: 2 },
      { billingEventId: 'F-2', kind: 'acceptance', caseNumber: '2026-000124', offerVersion: 1, amountOre: null, occurredOn: '2026-11-30', reference: null, line: 3 },
      { billingEventId: 'F-3', kind: 'invoice', caseNumber: '2026-000125', offerVersion: 1, amountOre: 123_405, occurredOn: '2026-11-29', reference: 'FA-9', line: 4 },
    ]);
  });

  it('accepts English column names and comma separators', () => {
    const file = parseBillingFile('b.csv', 'billing_event_id,kind,case_number,offer_version,amount,date\nX1,payment,2026-1,1,100.5,2026-12-01\n');
    expect(file.ok && file.rows[0]).toMatchObject({ billingEventId: 'X1', amountOre: 10_050 });
  });

  it('keeps a bad row whole with every reason in Norwegian, and the good rows beside it', () => {
    const file = parseBillingFile('b.csv', [
      HEADER,
      'F-9;refusjon;;null;12,345;31.02.2026;',
      'F-10;betaling;2026-000123;1;-5,00;2026-12-01;',
      'F-11;betaling;2026-000123;1;;2026-12-01;',
      'F-12;aksept;2026-000123;1;;2026-12-01;',
    ].join('\n'));
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    expect(file.rows.map((row) => row.billingEventId)).toEqual(['F-12']);
    const [first, negative, noAmount] = file.bad;
    expect(first.line).toBe(2);
    expect(first.reasons.map((r) => r.code)).toEqual(['billing.unknownKind', 'billing.missing', 'billing.badOfferVersion', 'billing.badAmount', 'billing.badDate']);
    expect(first.reasons[0].message).toBe('Ukjent type «refusjon»: bruk betaling, godtatt eller faktura.');
    expect(JSON.parse(first.raw)).toEqual([{ hendelse_id: 'F-9', type: 'refusjon', saksnummer: '', tilbudsversjon: 'null', beløp: '12,345', dato: '31.02.2026', referanse: '' }]);
    expect(negative.reasons.map((r) => r.code)).toEqual(['billing.negativeAmount']);
    expect(noAmount.reasons).toEqual([{ path: 'beløp', code: 'billing.missing', message: 'En betaling må ha beløp.' }]);
  });

  it('a quarantined row is a one-row JSON file that reads back the same', () => {
    const file = parseBillingFile('b.csv', `${HEADER}\nF-1;betaling;2026-000123;2;12 345,50;01.12.2026;KID 123`);
    if (!file.ok) throw new Error('expected rows');
    const again = parseBillingFile('fixed.json', file.rows[0].raw);
    expect(again.ok && again.rows[0]).toMatchObject({ billingEventId: 'F-1', amountOre: 1_234_550, occurredOn: '2026-12-01' });
  });
});

describe('parseBillingFile: JSON', () => {
  it('reads an array of objects, numbers as amounts too', () => {
    const file = parseBillingFile('b.json', JSON.stringify([
      { hendelse_id: 'J-1', type: 'betaling', saksnummer: '2026-000123', tilbudsversjon: 2, 'beløp': 12345.5, dato: '2026-12-01' },
      'not an object',
    ]));
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    expect(file.rows[0]).toMatchObject({ billingEventId: 'J-1', offerVersion: 2, amountOre: 1_234_550 });
    expect(file.bad[0].line).toBe(2);
    expect(file.bad[0].reasons[0].code).toBe('billing.notAnObject');
  });

  it('refuses a file that is not a JSON array as a whole', () => {
    expect(parseBillingFile('b.json', '{"a":1}')).toMatchObject({ ok: false, reasons: [{ code: 'billing.notArray' }] });
    expect(parseBillingFile('b.json', '[{')).toMatchObject({ ok: false, reasons: [{ code: 'billing.notJson' }] });
  });
});
