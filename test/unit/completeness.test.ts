import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CompletenessRuleSetSchema, CompletenessRulesFileSchema } from '../../shared/contract';
import {
  ATTACHMENT_KINDS,
  DEFAULT_COMPLETENESS_RULE_SETS,
  OPTIONAL_COMPLETENESS_ITEMS,
  REQUEST_TYPES,
  conditionHolds,
  defaultCompletenessRules,
  evaluateCompleteness,
  type AttachmentKind,
  type CaseFacts,
  type RequestType,
} from '../../shared/rules';

/** A request with every field and attachment a rule set can ask for: complete under every default rule set. */
function fullFacts(overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    requestType: 'new_installation',
    buildingUse: 'house',
    networkSystem: '230V_IT',
    phases: 1,
    mainFuseA: 25,
    meterFuseA: null,
    expectedPowerKw: 12,
    expectedEnergyKwh: 20_000,
    evChargingA: null,
    unitCount: 1,
    meteringPointIds: ['707057500012345675'],
    meterNumbers: ['6970631400123456'],
    hasProduction: false,
    productionKw: 8,
    inverter: 'Fronius Primo 8.2',
    batteryKwh: null,
    ownerName: 'Kari Nordmann',
    ownerIdKind: 'national_id',
    ownerNationalId: null,
    ownerOrganisationNumber: null,
    ownerEmail: 'kari@example.no',
    ownerPhone: '+4791234567',
    address: 'Storgata 1',
    postcode: '4611',
    municipalityNumber: '4204',
    gnr: 12,
    bnr: 34,
    fnr: null,
    snr: null,
    installerContact: 'Ola Elektriker',
    wantedStartDate: '2026-12-01',
    wantedConnectionDate: null,
    sharedServiceLine: false,
    wantedEndDate: '2027-06-30',
    companyCabinet: true,
    cabinetId: 'BS-0412',
    freeText: 'Garasjen blir bolig.',
    attachmentKinds: [...ATTACHMENT_KINDS],
    ...overrides,
  };
}

const missingCodes = (facts: CaseFacts, type: RequestType = facts.requestType): string[] =>
  evaluateCompleteness(facts, defaultCompletenessRules(type), {}).items.filter((i) => !i.ok).map((i) => i.code);
const requiredCodes = (facts: CaseFacts): string[] =>
  evaluateCompleteness(facts, defaultCompletenessRules(facts.requestType), {}).items.map((i) => i.code);
const without = (...kinds: AttachmentKind[]): AttachmentKind[] => ATTACHMENT_KINDS.filter((k) => !kinds.includes(k));

describe('the power budget threshold (effektberegning)', () => {
  const needsBudget = (networkSystem: CaseFacts['networkSystem'], mainFuseA: number | null) =>
    requiredCodes(fullFacts({ networkSystem, mainFuseA })).includes('power_budget');

  it('at 400 V TN: not at exactly 40 A, from 41 A', () => {
    expect(needsBudget('400V_TN', 35)).toBe(false);
    expect(needsBudget('400V_TN', 40)).toBe(false);
    expect(needsBudget('400V_TN', 41)).toBe(true);
    expect(needsBudget('400V_TN', 63)).toBe(true);
  });

  it('at 230 V (IT and TN): not at exactly 63 A, from 64 A', () => {
    for (const system of ['230V_IT', '230V_TN'] as const) {
      expect(needsBudget(system, 50)).toBe(false);
      expect(needsBudget(system, 63)).toBe(false);
      expect(needsBudget(system, 64)).toBe(true);
      expect(needsBudget(system, 80)).toBe(true);
    }
  });

  it('is not asked for when the main fuse is unknown (that field is missing instead)', () => {
    const facts = fullFacts({ networkSystem: '400V_TN', mainFuseA: null });
    expect(requiredCodes(facts)).not.toContain('power_budget');
    expect(missingCodes(facts)).toContain('main_fuse');
  });

  it('says which facts made it required', () => {
    const facts = fullFacts({ networkSystem: '400V_TN', mainFuseA: 50, attachmentKinds: without('power_budget') });
    const item = evaluateCompleteness(facts, defaultCompletenessRules('new_installation'), {}).items.find(
      (i) => i.code === 'power_budget',
    );
    expect(item).toMatchObject({
      ok: false,
      overridden: false,
      reason: { code: 'attachment.missing', params: { attachment: 'power_budget', facts: { networkSystem: '400V_TN', mainFuseA: 50 } } },
    });
  });
});

describe('the default rule set of each request type', () => {
  it('has one for every request type, and each is valid by the rules schema', () => {
    for (const type of REQUEST_TYPES) {
      expect(CompletenessRuleSetSchema.safeParse(defaultCompletenessRules(type)).success, type).toBe(true);
    }
  });

  it('finds a request with everything complete, for every type', () => {
    for (const type of REQUEST_TYPES) {
      const result = evaluateCompleteness(fullFacts({ requestType: type }), defaultCompletenessRules(type), {});
      expect(result.complete, type).toBe(true);
      expect(result.items.length, type).toBeGreaterThan(0);
    }
  });

  it('new installation: site map, cadastre, owner email, main fuse, expected power', () => {
    const facts = fullFacts({
      attachmentKinds: without('site_map'),
      gnr: null,
      ownerEmail: '  ',
      mainFuseA: null,
      expectedPowerKw: null,
    });
    expect(missingCodes(facts).sort()).toEqual(
      ['cadastral_number', 'expected_power', 'main_fuse', 'owner_email', 'site_map'].sort(),
    );
  });

  it('new installation: single-line diagram only with more than one unit', () => {
    const noDiagram = without('single_line_diagram');
    expect(missingCodes(fullFacts({ unitCount: 1, attachmentKinds: noDiagram }))).toEqual([]);
    expect(missingCodes(fullFacts({ unitCount: 2, attachmentKinds: noDiagram }))).toEqual(['single_line_diagram']);
  });

  it('production items only for a request with production, all three then', () => {
    const bare = without('production_declaration', 'inverter_certificate');
    for (const type of ['new_installation', 'new_metering_point', 'fuse_change', 'metering_point_work'] as const) {
      expect(missingCodes(fullFacts({ requestType: type, attachmentKinds: bare })), type).toEqual([]);
      expect(
        missingCodes(fullFacts({ requestType: type, attachmentKinds: bare, hasProduction: true, productionKw: null })).sort(),
        type,
      ).toEqual(['inverter_certificate', 'production_declaration', 'production_kw']);
    }
  });

  it('production (plusskunde): declaration, certificate and kW always, whatever the flag says', () => {
    const facts = fullFacts({
      requestType: 'production',
      hasProduction: false,
      productionKw: null,
      attachmentKinds: without('production_declaration', 'inverter_certificate'),
    });
    expect(missingCodes(facts).sort()).toEqual(['inverter_certificate', 'production_declaration', 'production_kw']);
  });

  it('new metering point: site map; single-line diagram with several units; power budget above the threshold', () => {
    const facts = fullFacts({ requestType: 'new_metering_point', networkSystem: '400V_TN', mainFuseA: 50, attachmentKinds: [] });
    expect(missingCodes(facts).sort()).toEqual(['grid_rental_order', 'power_budget', 'site_map']);
    expect(missingCodes({ ...facts, unitCount: 2 }).sort()).toEqual(['grid_rental_order', 'power_budget',
      'single_line_diagram', 'site_map']);
  });

  it('temporary installation (construction power): site map and owner phone', () => {
    const facts = fullFacts({ requestType: 'temporary_installation', ownerPhone: null, attachmentKinds: [] });
    expect(missingCodes(facts).sort()).toEqual(['owner_phone', 'site_map']);
  });

  it('construction power: the period from and to, the cadastral number, the cabinet ID of a company cabinet', () => {
    const facts = fullFacts({ requestType: 'temporary_installation', wantedEndDate: null, gnr: null, cabinetId: null });
    expect(missingCodes(facts).sort()).toEqual(['cabinet_id', 'cadastral_number', 'construction_power_period']);
    expect(missingCodes({ ...facts, wantedStartDate: null, wantedEndDate: '2027-06-30' })).toContain('construction_power_period');
    // The builder's own cabinet has no number of ours to give.
    expect(missingCodes({ ...facts, companyCabinet: false })).not.toContain('cabinet_id');
  });

  it('fuse change: metering point id, and co-owner consent only with several units or a shared service line', () => {
    const base = { requestType: 'fuse_change' as const, meteringPointIds: [], attachmentKinds: without('co_owner_consent') };
    expect(missingCodes(fullFacts({ ...base, unitCount: 1 }))).toEqual(['metering_point_id']);
    expect(missingCodes(fullFacts({ ...base, unitCount: 4 })).sort()).toEqual(['co_owner_consent', 'metering_point_id']);
    expect(missingCodes(fullFacts({ ...base, unitCount: 1, sharedServiceLine: true })).sort())
      .toEqual(['co_owner_consent', 'metering_point_id']);
  });

  it('fuse change: the meter number of the meter that is there', () => {
    expect(missingCodes(fullFacts({ requestType: 'fuse_change', meterNumbers: [] }))).toEqual(['meter_number']);
  });

  it('fuse change to 80 A at 230 V needs a power budget', () => {
    const facts = fullFacts({ requestType: 'fuse_change', networkSystem: '230V_IT', mainFuseA: 80, attachmentKinds: [] });
    expect(missingCodes(facts)).toEqual(['power_budget']);
  });

  it('work at a metering point: metering point id and meter number, no attachments', () => {
    const facts = fullFacts({ requestType: 'metering_point_work', meteringPointIds: [], meterNumbers: [], attachmentKinds: [] });
    expect(missingCodes(facts).sort()).toEqual(['meter_number', 'metering_point_id']);
  });

  it('joining or splitting: metering point id; single-line diagram when more than one unit results', () => {
    const facts = fullFacts({ requestType: 'join_split', meteringPointIds: [], attachmentKinds: [] });
    expect(missingCodes(facts)).toEqual(['metering_point_id']);
    expect(missingCodes({ ...facts, unitCount: 2 }).sort()).toEqual(['metering_point_id', 'single_line_diagram']);
  });

  it('the optional items a company may add (start date, co-owner consent) are valid rules', () => {
    const result = CompletenessRuleSetSchema.safeParse({ items: OPTIONAL_COMPLETENESS_ITEMS });
    expect(result.success).toBe(true);
    expect(OPTIONAL_COMPLETENESS_ITEMS.map((i) => i.code)).toEqual(['wanted_start_date', 'co_owner_consent']);
  });

  it('a new installation or metering point needs the grid rental order signed by the owner; a fuse change does not', () => {
    const noOrder = without('grid_rental_order');
    for (const type of ['new_installation', 'new_metering_point'] as const) {
      expect(missingCodes(fullFacts({ requestType: type, attachmentKinds: noOrder })), type).toEqual(['grid_rental_order']);
    }
    expect(missingCodes(fullFacts({ requestType: 'fuse_change', attachmentKinds: noOrder }))).toEqual([]);
  });

  it('a shared service line needs the consent of the co-owners, sameie or borettslag, wherever the line is touched', () => {
    const noConsent = without('co_owner_consent');
    for (const type of ['new_installation', 'new_metering_point', 'join_split', 'permanent_disconnection',
      'service_line_move'] as const) {
      expect(missingCodes(fullFacts({ requestType: type, attachmentKinds: noConsent })), type).toEqual([]);
      expect(missingCodes(fullFacts({ requestType: type, attachmentKinds: noConsent, sharedServiceLine: true })), type)
        .toEqual(['shared_service_line_consent']);
    }
  });

  it('a battery needs a single-line diagram, on every type that can carry one; no battery, no diagram', () => {
    const noDiagram = without('single_line_diagram');
    for (const type of ['new_installation', 'new_metering_point', 'fuse_change', 'metering_point_work', 'production'] as const) {
      const facts = fullFacts({ requestType: type, hasProduction: true, attachmentKinds: noDiagram });
      expect(missingCodes(facts), type).toEqual([]);
      expect(missingCodes({ ...facts, batteryKwh: 10 }), type).toEqual(['battery_single_line_diagram']);
    }
  });

  it('change of use, reported to the electrical inspection: which installation, and what changes', () => {
    const facts = fullFacts({ requestType: 'change_of_use', meteringPointIds: [], freeText: '  ', attachmentKinds: [] });
    expect(missingCodes(facts).sort()).toEqual(['change_description', 'metering_point_id']);
  });

  it('permanent disconnection or demolition: metering point, meter number and the date to disconnect', () => {
    const facts = fullFacts({ requestType: 'permanent_disconnection', meterNumbers: [], wantedStartDate: null,
      attachmentKinds: [] });
    expect(missingCodes(facts).sort()).toEqual(['disconnection_date', 'meter_number']);
  });

  it('moving the service line or intake: metering point and a site map of where it goes', () => {
    const facts = fullFacts({ requestType: 'service_line_move', meteringPointIds: [], attachmentKinds: [] });
    expect(missingCodes(facts).sort()).toEqual(['metering_point_id', 'site_map']);
  });

  it('street lighting: site map and cadastre', () => {
    const facts = fullFacts({ requestType: 'street_lighting', bnr: null, attachmentKinds: [] });
    expect(missingCodes(facts).sort()).toEqual(['cadastral_number', 'site_map']);
  });

  it('names the missing fields of a two-field item', () => {
    const facts = fullFacts({ gnr: null, bnr: null });
    const item = evaluateCompleteness(facts, defaultCompletenessRules('new_installation'), {}).items.find(
      (i) => i.code === 'cadastral_number',
    );
    expect(item?.reason).toEqual({ code: 'field.missing', params: { fields: ['gnr', 'bnr'], facts: {} } });
  });
});

describe('overrides', () => {
  const facts = fullFacts({ attachmentKinds: without('site_map'), ownerEmail: null });
  const rules = defaultCompletenessRules('new_installation');

  it('an overridden missing item counts, but stays marked as not met', () => {
    const partly = evaluateCompleteness(facts, rules, { site_map: { reason: 'Kart i vedlagt tegning' } });
    expect(partly.complete).toBe(false);
    expect(partly.items.find((i) => i.code === 'site_map')).toMatchObject({ ok: false, overridden: true });
    const both = evaluateCompleteness(facts, rules, { site_map: { reason: 'x' }, owner_email: { reason: 'y' } });
    expect(both.complete).toBe(true);
  });

  it('an override of an item the facts meet changes nothing, and one of an unknown code is ignored', () => {
    const result = evaluateCompleteness(facts, rules, { main_fuse: { reason: 'x' }, no_such_item: { reason: 'y' } });
    expect(result.items.find((i) => i.code === 'main_fuse')).toMatchObject({ ok: true, overridden: false });
    expect(result.complete).toBe(false);
  });
});

describe('the condition language', () => {
  const facts = fullFacts({ networkSystem: '400V_TN', mainFuseA: 40, ownerEmail: null, meterNumbers: [] });

  it('compares numbers at their bounds', () => {
    expect(conditionHolds({ field: 'mainFuseA', gt: 40 }, facts)).toBe(false);
    expect(conditionHolds({ field: 'mainFuseA', gte: 40 }, facts)).toBe(true);
    expect(conditionHolds({ field: 'mainFuseA', lt: 40 }, facts)).toBe(false);
    expect(conditionHolds({ field: 'mainFuseA', lte: 40 }, facts)).toBe(true);
    expect(conditionHolds({ field: 'mainFuseA', gte: 32, lte: 63 }, facts)).toBe(true);
  });

  it('tests equality and membership', () => {
    expect(conditionHolds({ field: 'networkSystem', eq: '400V_TN' }, facts)).toBe(true);
    expect(conditionHolds({ field: 'networkSystem', ne: '400V_TN' }, facts)).toBe(false);
    expect(conditionHolds({ field: 'networkSystem', in: ['230V_IT', '230V_TN'] }, facts)).toBe(false);
    expect(conditionHolds({ field: 'networkSystem', notIn: ['230V_IT', '230V_TN'] }, facts)).toBe(true);
  });

  it('a missing value fails every comparison, and `present` tests for it', () => {
    expect(conditionHolds({ field: 'ownerEmail', ne: 'x' }, facts)).toBe(false);
    expect(conditionHolds({ field: 'ownerEmail', present: false }, facts)).toBe(true);
    expect(conditionHolds({ field: 'meterNumbers', present: true }, facts)).toBe(false);
    expect(conditionHolds({ field: 'expectedPowerKw', present: true }, facts)).toBe(true);
  });

  it('combines with all, any and not', () => {
    const big = { field: 'mainFuseA', gt: 63 } as const;
    const tn = { field: 'networkSystem', eq: '400V_TN' } as const;
    expect(conditionHolds({ all: [tn, big] }, facts)).toBe(false);
    expect(conditionHolds({ any: [tn, big] }, facts)).toBe(true);
    expect(conditionHolds({ not: { any: [tn, big] } }, facts)).toBe(false);
  });
});

describe('the rules as data a grid company edits', () => {
  it('resources/rules/completeness.json is the shipped default, and valid', () => {
    const file = JSON.parse(readFileSync(path.join(__dirname, '../../resources/rules/completeness.json'), 'utf8'));
    const parsed = CompletenessRulesFileSchema.parse(file);
    expect(parsed.ruleSets).toEqual(DEFAULT_COMPLETENESS_RULE_SETS);
  });

  it('refuses a bad edit with the path of what is wrong', () => {
    const refusal = (items: unknown) => {
      const result = CompletenessRuleSetSchema.safeParse({ items });
      return result.success ? null : result.error.issues.map((i) => `${i.path.join('.')}`);
    };
    const label = { nb: 'Kart' };
    expect(refusal([{ code: 'kart', label, requires: { attachment: 'site_map' } }])).toBeNull();
    expect(refusal([{ code: 'kart', label, requires: { attachment: 'map' } }])).toEqual(['items.0.requires']);
    expect(refusal([{ code: 'kart', label, requires: { fields: ['mainFuse'] } }])).toEqual(['items.0.requires']);
    expect(refusal([{ code: 'kart', label, requires: { attachment: 'site_map' }, when: { field: 'mainFuseA', gt: '40' } }])).toEqual([
      'items.0.when',
    ]);
    expect(refusal([{ code: 'kart', label, requires: { attachment: 'site_map' }, when: { field: 'mainFuseA' } }])).toEqual([
      'items.0.when',
    ]);
    expect(refusal([{ code: 'Kart!', label, requires: { attachment: 'site_map' } }])).toEqual(['items.0.code']);
    expect(
      refusal([
        { code: 'kart', label, requires: { attachment: 'site_map' } },
        { code: 'kart', label, requires: { attachment: 'photo' } },
      ]),
    ).toEqual(['items.1.code']);
  });

  it('a rule set a company wrote is evaluated as written (thresholds are data)', () => {
    const stricter = CompletenessRuleSetSchema.parse({
      items: [
        {
          code: 'power_budget',
          label: { nb: 'Effektberegning' },
          requires: { attachment: 'power_budget' },
          when: { field: 'mainFuseA', gt: 32 },
        },
      ],
    });
    expect(evaluateCompleteness(fullFacts({ mainFuseA: 35, attachmentKinds: [] }), stricter, {}).complete).toBe(false);
    expect(evaluateCompleteness(fullFacts({ mainFuseA: 32, attachmentKinds: [] }), stricter, {}).complete).toBe(true);
  });
});
