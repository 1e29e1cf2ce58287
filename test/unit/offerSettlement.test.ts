// The offer's steps as the owner reads them (issue 13, item 12). The standard new-installation draft by the demo
// price list 2026 was the example of the fault: lines summing to 32 200, a contribution of 27 600 in the text and
// 29 900 to pay with nothing between. Every step here is checked to be the sum it claims, in figures written by hand.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  calculateOffer, findPriceList, offerSettlement, postCalculationCapOre, standardLinesFor, standardFee, vatRateWordNb,
  type OfferLine, type PriceList, type SettlementStep,
} from '../../shared/rules';

const demo: PriceList[] = JSON.parse(
  readFileSync(path.join(__dirname, '../../resources/pricelist/demo-price-list.json'), 'utf8'),
).priceLists;
const v2 = findPriceList(demo, 'agder-nett-standard', 2)!;

function standardDraft(extra: OfferLine[] = []) {
  const standard = standardLinesFor('new_installation', { mainFuseA: 63 }, v2);
  return calculateOffer({ lines: [...standard.lines, ...extra], connectionFeeDeduction: standard.connectionFeeDeduction });
}

const brief = (steps: SettlementStep[]) => steps.map((s) => [s.operator, s.label, s.netOre, s.vatOre, s.grossOre]);

describe('the settlement steps of the standard new-installation draft', () => {
  it('go cost 29 900 → minus the fee 2 300 → contribution 27 600 → plus the fee 2 300 → 29 900 to pay', () => {
    const settlement = offerSettlement(standardDraft());
    expect(brief(settlement.steps)).toEqual([
      ['', 'Kostnad for tilknytningen', 2_990_000, 0, 2_990_000],
      ['−', 'Fradrag for tilknytningsgebyr', -230_000, 0, -230_000],
      ['=', 'Anleggsbidrag', 2_760_000, 0, 2_760_000],
      ['+', 'Tilknytning av nytt anlegg, direktemålt', 230_000, 0, 230_000],
      ['=', 'Å betale', 2_990_000, 0, 2_990_000],
    ]);
  });

  it('has a cost table whose rows add up to the cost of the connection, without the fee', () => {
    const settlement = offerSettlement(standardDraft());
    const sum = settlement.costComponents.reduce((total, c) => total + c.netOre, 0);
    expect(sum).toBe(2_990_000);
    expect(settlement.connectionCost.netOre).toBe(2_990_000);
    expect(settlement.connectionCost.workNetOre + settlement.connectionCost.materialNetOre).toBe(2_990_000);
    for (const row of settlement.costComponents) expect(row.workNetOre + row.materialNetOre).toBe(row.netOre);
    expect(settlement.costComponents.map((c) => c.component)).not.toContain('fee');
  });

  it('adds a taxed service with its own VAT, and the amount to pay is the sum of the steps above it', () => {
    const mounting = standardFee(v2, 'meter_mounting')!;
    const service: OfferLine = {
      id: 'svc', component: 'fee', kind: 'work', description: mounting.description, quantityMilli: 1000, unit: mounting.unit,
      unitPriceOre: mounting.unitPriceOre, vatCode: mounting.vatCode, source: null,
    };
    const calculation = standardDraft([service]);
    const { steps } = offerSettlement(calculation);
    expect(brief(steps).slice(3)).toEqual([
      ['+', 'Tilknytning av nytt anlegg, direktemålt', 230_000, 0, 230_000],
      ['+', 'Montering av måler', 175_000, 43_750, 218_750],
      ['=', 'Å betale', 3_165_000, 43_750, 3_208_750],
    ]);
    // Each "=" is the running sum of the steps before it, in net, VAT and gross.
    let net = 0;
    let vat = 0;
    for (const step of steps) {
      if (step.operator === '=') {
        expect([step.netOre, step.vatOre, step.grossOre]).toEqual([net, vat, net + vat]);
      } else {
        net += step.netOre;
        vat += step.vatOre;
      }
    }
    expect(steps.at(-1)!.grossOre).toBe(calculation.grossOre);
    expect(steps.find((s) => s.code === 'contribution')!.netOre).toBe(calculation.contributionOre);
  });

  it('without a connection fee goes straight from the cost to the contribution', () => {
    const calculation = calculateOffer({
      lines: [{ id: 'c', component: 'cable', kind: 'material', description: 'Kabel', quantityMilli: 10_000, unit: 'm', unitPriceOre: 8_900, vatCode: 'exempt', source: null }],
      connectionFeeDeduction: null,
    });
    expect(brief(offerSettlement(calculation).steps)).toEqual([
      ['', 'Kostnad for tilknytningen', 89_000, 0, 89_000],
      ['=', 'Anleggsbidrag', 89_000, 0, 89_000],
      ['=', 'Å betale', 89_000, 0, 89_000],
    ]);
  });
});

describe('VAT words', () => {
  it('says "utenfor" for the contribution, never 0 % or fritatt', () => {
    expect(vatRateWordNb('exempt')).toBe('utenfor');
    expect(vatRateWordNb('standard')).toBe('25 %');
  });
});

describe('post-calculation under kontrollforskriften § 16-11', () => {
  it('caps the extra charge at 15 % of the estimated contribution', () => {
    expect(postCalculationCapOre(2_760_000)).toBe(414_000); // 15 % of 27 600,00 kr = 4 140,00 kr
    expect(postCalculationCapOre(3_333)).toBe(500); // 499,95 øre rounded half-up
    expect(postCalculationCapOre(0)).toBe(0);
  });
});

describe('an offer of services alone', () => {
  it('lists the services and their sum, with no contribution steps', () => {
    const calculation = calculateOffer({
      lines: [
        { id: 'on', component: 'fee', kind: 'work', description: 'Tilkobling av byggestrøm', quantityMilli: 1000, unit: 'stk', unitPriceOre: 328_000, vatCode: 'standard', source: null },
        { id: 'rent', component: 'fee', kind: 'work', description: 'Leie av byggestrømskap', quantityMilli: 30_000, unit: 'dag', unitPriceOre: 2_200, vatCode: 'standard', source: null },
      ],
      connectionFeeDeduction: null,
    });
    expect(brief(offerSettlement(calculation).steps)).toEqual([
      ['+', 'Tilkobling av byggestrøm', 328_000, 82_000, 410_000],
      ['+', 'Leie av byggestrømskap', 66_000, 16_500, 82_500],
      ['=', 'Å betale', 394_000, 98_500, 492_500],
    ]);
  });
});
