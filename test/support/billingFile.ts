// The billing system's file as `npm run import-payments` reads it (docs/payment-import-format.md): the owner's
// acceptance, the invoice and the payment of an offer's exact total, one row each.
export function paidInFullFile(caseNumber: string, offerVersion: number, grossOre: number, eventPrefix: string, date = '27.11.2026'): string {
  const kroner = `${Math.floor(grossOre / 100)},${String(grossOre % 100).padStart(2, '0')}`;
  return [
    'hendelse_id;type;saksnummer;tilbudsversjon;beløp;dato;referanse',
    `${eventPrefix}-1;aksept;${caseNumber};${offerVersion};${kroner};${date};`,
    `${eventPrefix}-2;faktura;${caseNumber};${offerVersion};${kroner};${date};F-100`,
    `${eventPrefix}-3;betaling;${caseNumber};${offerVersion};${kroner};${date};KID 100`,
  ].join('\n');
}
