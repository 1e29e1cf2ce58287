// Production and the contribution (issue 13, item 14): a plusskunde within the main fuse pays no anleggsbidrag, the
// 100 kW limit, no meter mounting for production alone, and a fuse change with no reinforcement costs nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findPriceList, mainFuseCapacityKw, plusskundeAssessment, plusskundeContributionRefusal, standardLinesFor,
  type PriceList, type ProductionFacts,
} from '../../shared/rules';

const demo: PriceList[] = JSON.parse(
  readFileSync(path.join(__dirname, '../../resources/pricelist/demo-price-list.json'), 'utf8'),
).priceLists;
const v2 = findPriceList(demo, 'agder-nett-standard', 2)!;

const solar = (extra: Partial<ProductionFacts>): ProductionFacts => ({
  requestType: 'production', hasProduction: true, productionKw: 10, mainFuseA: 63, networkSystem: '230V_IT', phases: 3, ...extra,
});

describe('what the main fuse carries', () => {
  it('is √3 × line voltage × current for three phases, voltage × current for one', () => {
    expect(mainFuseCapacityKw('230V_IT', 3, 63)).toBeCloseTo(25.10, 2); // √3 × 230 V × 63 A
    expect(mainFuseCapacityKw('400V_TN', 3, 40)).toBeCloseTo(27.71, 2); // √3 × 400 V × 40 A
    expect(mainFuseCapacityKw('230V_TN', 1, 32)).toBeCloseTo(7.36, 2); // 230 V × 32 A
    expect(mainFuseCapacityKw('230V_IT', 3, null)).toBeNull();
  });
});

describe('the plusskunde assessment', () => {
  it('is within the main fuse up to what the fuse carries, beyond it above', () => {
    expect(plusskundeAssessment(solar({ productionKw: 25 }))).toBe('within_main_fuse');
    expect(plusskundeAssessment(solar({ productionKw: 25.2 }))).toBe('beyond_main_fuse');
  });

  it('is no plusskunde above 100 kW of feed-in, whatever the fuse', () => {
    expect(plusskundeAssessment(solar({ productionKw: 100, mainFuseA: 400, networkSystem: '400V_TN' }))).toBe('within_main_fuse');
    expect(plusskundeAssessment(solar({ productionKw: 100.5, mainFuseA: 400, networkSystem: '400V_TN' }))).toBe('over_plusskunde_limit');
  });

  it('is unknown without the kW or the fuse, and nothing without production', () => {
    expect(plusskundeAssessment(solar({ productionKw: null }))).toBe('unknown');
    expect(plusskundeAssessment(solar({ mainFuseA: null }))).toBe('unknown');
    expect(plusskundeAssessment(solar({ requestType: 'new_installation', hasProduction: false }))).toBe('no_production');
  });
});

describe('standard lines for production', () => {
  it('gives a plusskunde within the main fuse no lines: no contribution', () => {
    expect(standardLinesFor('production', solar({}), v2).lines).toEqual([]);
  });

  it('keeps the assessment lines when feed-in is beyond the fuse or above 100 kW', () => {
    const codes = (facts: ProductionFacts) => standardLinesFor('production', facts, v2).lines.map((l) => l.source?.itemCode);
    expect(codes(solar({ productionKw: 40 }))).toEqual(['planning_hour', 'commissioning']);
    expect(codes(solar({ productionKw: 150, mainFuseA: 400, networkSystem: '400V_TN' }))).toEqual(['planning_hour', 'commissioning']);
  });

  it('has no meter mounting for production at the metering point: the smart meter measures both ways', () => {
    expect(standardLinesFor('metering_point_work', { ...solar({ requestType: 'metering_point_work' }) }, v2).lines).toEqual([]);
    expect(standardLinesFor('metering_point_work', { mainFuseA: 63 }, v2).lines.map((l) => l.source?.itemCode)).toEqual(['meter_mounting']);
  });

  it('costs a fuse change no contribution by default', () => {
    const standard = standardLinesFor('fuse_change', { mainFuseA: 50 }, v2);
    expect(standard.lines).toEqual([]);
    expect(standard.connectionFeeDeduction).toBeNull();
  });
});

describe('issuing an offer with a contribution', () => {
  it('is refused for a production request within the main fuse, allowed beyond it or without a contribution', () => {
    expect(plusskundeContributionRefusal(solar({}), 1)).toBe('offer.plusskundeContribution');
    expect(plusskundeContributionRefusal(solar({}), 0)).toBeNull();
    expect(plusskundeContributionRefusal(solar({ productionKw: 40 }), 500_000)).toBeNull();
    expect(plusskundeContributionRefusal(solar({ productionKw: 150, mainFuseA: 400, networkSystem: '400V_TN' }), 500_000)).toBeNull();
    // A new house with solar pays for its consumption connection as any other.
    expect(plusskundeContributionRefusal(solar({ requestType: 'new_installation' }), 2_760_000)).toBeNull();
  });
});
