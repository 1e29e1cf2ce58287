// The portal's "Ny melding" form logic (portal/src/features/newMessage): the message its values make, the same
// completeness the importer's facts give, identifiers checked as typed, the importer's reasons put on the fields,
// and files sniffed from their first bytes.
import { describe, expect, it } from 'vitest';
import { requestCaseFields as importerCaseFields } from '../../core/import/caseFields';
import { RequestMessage } from '../../core/import/incomingMessage';
import { validateRecord } from '../../core/import/validateRecord';
import { PORTAL_MESSAGE_LIMITS } from '../../shared/portalApi/messages';
import { DEFAULT_COMPLETENESS_RULE_SETS, gs1CheckDigit, requestFacts } from '../../shared/rules';
import { refusalOf, sniffFileType, base64Of } from '../../portal/src/features/newMessage/attachmentFiles';
import { valuesFromInstallation } from '../../portal/src/features/newMessage/installationFacts';
import {
  completenessOf, emptyValues, fieldOfReason, fieldProblems, formKeyOfFact, requestFieldsOf, requestMessageOf, type FormValues,
} from '../../portal/src/features/newMessage/messageForm';
import { placeReasons } from '../../portal/src/features/newMessage/refusalReasons';

const FIRM = { organisationNumber: '923609016', name: 'Elektro AS' };
const mp = (() => {
  const first = '70705750000012345';
  return `${first}${gs1CheckDigit(first)}`;
})();

const filled = (extra: FormValues = {}): FormValues => ({
  ...emptyValues(),
  'installation.address': 'Strandveien 12', 'installation.postcode': '4631', 'installation.postTown': 'Kristiansand',
  'installation.municipalityNumber': '4204', 'installation.gnr': '12', 'installation.bnr': '34',
  'installation.networkSystem': '400V_TN', 'installation.phases': '3', 'installation.mainFuseA': '40',
  'installation.expectedPowerKw': '17,5', 'installation.meteringPointIds': `${mp.slice(0, 10)} ${mp.slice(10)}`,
  'owner.name': 'Kari Nordmann', 'owner.nationalId': '311299 56715', 'owner.email': 'kari@eier.test',
  'owner.organisationNumber': '974760673', 'installer.contactPerson': 'Ola', 'freeText': '  ',
  ...extra,
});

describe('the message the form makes', () => {
  it('is one the importer takes as it is, in the firm’s name, with numbers and identifiers normalised', () => {
    const message = requestMessageOf(filled(), 'new_installation', FIRM, 'm-1', new Date('2026-12-05T10:00:00Z'), []);
    const parsed = RequestMessage.parse(message);
    expect(parsed.installation).toMatchObject({ mainFuseA: 40, expectedPowerKw: 17.5, phases: 3, gnr: 12, meteringPointIds: [mp] });
    expect(parsed.owner).toEqual({ name: 'Kari Nordmann', idKind: 'national_id', nationalId: '31129956715', email: 'kari@eier.test' });
    expect(parsed.sender).toEqual({ role: 'installer', ...FIRM });
    expect(parsed.installer).toEqual({ ...FIRM, contactPerson: 'Ola' });
    expect(parsed.freeText).toBeUndefined();
    expect(validateRecord(message, new Set(['4204'])).ok).toBe(true);
  });

  it('sends an owner that is a business with its organisation number, not a national id', () => {
    const message = requestMessageOf(filled({ 'owner.idKind': 'organisation_number' }), 'new_installation', FIRM, 'm-2', new Date(), []);
    expect((message.owner as Record<string, unknown>).organisationNumber).toBe('974760673');
    expect((message.owner as Record<string, unknown>).nationalId).toBeUndefined();
  });

  it('gives the completeness rules the very facts the importer gives them', () => {
    const message = RequestMessage.parse(requestMessageOf(filled(), 'new_installation', FIRM, 'm-3', new Date(), []));
    const fromForm = requestFacts(requestFieldsOf(filled(), 'new_installation'), ['site_map']);
    const fromImporter = { ...importerCaseFields(message), attachmentKinds: ['site_map'] };
    for (const [fact, value] of Object.entries(fromImporter)) {
      expect(fromForm[fact as keyof typeof fromForm], fact).toEqual(value);
    }
  });
});

describe('completeness as the installer types', () => {
  const missing = (values: FormValues, kinds: Parameters<typeof completenessOf>[3] = ['site_map', 'grid_rental_order']) =>
    completenessOf(values, 'new_installation', DEFAULT_COMPLETENESS_RULE_SETS.new_installation, kinds)
      .items.filter((item) => !item.ok).map((item) => item.code);

  it('asks for the power budget once the main fuse goes over 40 A at 400 V, and says why', () => {
    expect(missing(filled())).toEqual([]);
    expect(missing(filled({ 'installation.mainFuseA': '50' }))).toEqual(['power_budget']);
    const item = completenessOf(filled({ 'installation.mainFuseA': '50' }), 'new_installation',
      DEFAULT_COMPLETENESS_RULE_SETS.new_installation, ['site_map']).items.find((i) => i.code === 'power_budget');
    expect(item?.reason?.params).toEqual({ attachment: 'power_budget', facts: { networkSystem: '400V_TN', mainFuseA: 50 } });
    expect(missing(filled({ 'installation.mainFuseA': '50' }), ['site_map', 'grid_rental_order', 'power_budget'])).toEqual([]);
    // At 230 V the threshold is 63 A.
    expect(missing(filled({ 'installation.mainFuseA': '50', 'installation.networkSystem': '230V_IT' }))).toEqual([]);
  });

  it('asks for the co-owners\' consent once the installer ticks a shared service line, and a battery\'s single-line diagram', () => {
    expect(missing(filled({ 'installation.sharedServiceLine': true }))).toEqual(['shared_service_line_consent']);
    expect(missing(filled({ 'installation.sharedServiceLine': true }), ['site_map', 'grid_rental_order', 'co_owner_consent']))
      .toEqual([]);
    expect(missing(filled({ hasProduction: true, 'production.productionKw': '8', 'production.inverter': 'SMA',
      'production.batteryKwh': '10' }), ['site_map', 'grid_rental_order', 'production_declaration', 'inverter_certificate']))
      .toEqual(['battery_single_line_diagram']);
  });

  it('construction power: the period and the cabinet ID of a company cabinet, fields only that type shows and sends', () => {
    const rules = DEFAULT_COMPLETENESS_RULE_SETS.temporary_installation;
    const base = filled({ 'owner.phone': '+4791234567', wantedStartDate: '2027-01-04' });
    const missingFor = (values: FormValues) => completenessOf(values, 'temporary_installation', rules, ['site_map'])
      .items.filter((item) => !item.ok).map((item) => item.code);
    expect(missingFor({ ...base, 'installation.companyCabinet': true })).toEqual(['construction_power_period', 'cabinet_id']);
    const complete = { ...base, 'installation.companyCabinet': true, 'installation.cabinetId': 'BS-0412', wantedEndDate: '2027-06-30' };
    expect(missingFor(complete)).toEqual([]);
    const message = RequestMessage.parse(requestMessageOf(complete, 'temporary_installation', FIRM, 'm-9', new Date(), []));
    expect(message.installation).toMatchObject({ companyCabinet: true, cabinetId: 'BS-0412' });
    expect(message.wantedEndDate).toBe('2027-06-30');
    // A fuse change neither shows nor sends them.
    const other = RequestMessage.parse(requestMessageOf(complete, 'fuse_change', FIRM, 'm-10', new Date(), []));
    expect(other.installation).toMatchObject({ companyCabinet: false });
    expect(other.installation.cabinetId).toBeUndefined();
    expect(other.wantedEndDate).toBeUndefined();
  });

  it('lists the missing fields and attachments of an empty form, and production items only with production', () => {
    expect(missing(emptyValues(), [])).toEqual(['owner_email', 'cadastral_number', 'main_fuse', 'expected_power', 'site_map',
      'grid_rental_order']);
    expect(missing(filled({ hasProduction: true }))).toEqual(['production_kw', 'production_declaration', 'inverter_certificate']);
  });

  it('names the form field of each fact the rules name', () => {
    expect(['mainFuseA', 'ownerEmail', 'productionKw', 'installerContact', 'wantedStartDate', 'meteringPointIds'].map(formKeyOfFact))
      .toEqual(['installation.mainFuseA', 'owner.email', 'production.productionKw', 'installer.contactPerson', 'wantedStartDate',
        'installation.meteringPointIds']);
  });
});

describe('identifiers checked on the spot', () => {
  it('finds a wrong metering point ID check digit, a short postcode, a wrong fødselsnummer and missing required fields', () => {
    const wrongMp = `${mp.slice(0, 17)}${(Number(mp[17]) + 1) % 10}`;
    expect(fieldProblems(filled({
      'installation.meteringPointIds': `${mp}\n${wrongMp}`, 'installation.postcode': '463', 'owner.nationalId': '31129956716',
      'installation.address': ' ', 'installation.mainFuseA': '40.5', 'owner.email': 'kari@',
    }), 'new_installation')).toEqual({
      'installation.meteringPointIds': 'identifier.checkDigit', 'installation.postcode': 'identifier.wrongLength',
      'owner.nationalId': 'identifier.checkDigit', 'installation.address': 'required', 'installation.mainFuseA': 'number',
      'owner.email': 'email',
    });
  });

  it('checks the organisation number of an owner that is a business (required then), and production only with production', () => {
    expect(fieldProblems(filled({ 'owner.idKind': 'organisation_number', 'owner.organisationNumber': '974760674' }), 'new_installation'))
      .toEqual({ 'owner.organisationNumber': 'identifier.checkDigit' });
    expect(fieldProblems(filled({ 'owner.idKind': 'organisation_number', 'owner.organisationNumber': '' }), 'new_installation'))
      .toEqual({ 'owner.organisationNumber': 'required' });
    expect(fieldProblems(filled(), 'production')).toEqual({ 'production.productionKw': 'required' });
  });
});

describe("the importer's reasons on the form", () => {
  it('puts each reason on its field or attachment, the rest in a list, in words of the form', () => {
    expect(fieldOfReason('installation.meteringPointIds.1')).toBe('installation.meteringPointIds');
    expect(placeReasons([
      { path: 'installation.meteringPointIds.0', code: 'meteringPointId.checkDigit', message: '…' },
      { path: 'installation.municipalityNumber', code: 'municipality.unknown', message: '…' },
      { path: 'attachments.1.contentBase64', code: 'attachment.type', message: '…' },
      { path: 'messageId', code: 'message.contentDiffers', message: '…' },
    ])).toEqual({
      fields: {
        'installation.meteringPointIds': 'problem.identifier.checkDigit',
        'installation.municipalityNumber': 'problem.identifier.unknownMunicipality',
      },
      attachments: { 1: 'send.attachmentRefused' },
      other: [{ path: 'messageId', key: 'send.notAccepted' }],
    });
  });
});

describe('attachments in the browser', () => {
  it('sniffs PDF, JPEG and PNG from the first bytes and nothing else', () => {
    expect(sniffFileType(new TextEncoder().encode('%PDF-1.7'))).toBe('application/pdf');
    expect(sniffFileType(new Uint8Array([0xff, 0xd8, 0xff, 0xe1]))).toBe('image/jpeg');
    expect(sniffFileType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(sniffFileType(new TextEncoder().encode('<html>'))).toBeNull();
    expect(sniffFileType(new TextEncoder().encode('MZ\x90'))).toBeNull();
  });

  it('refuses an empty, unknown, too large file, or one past the message limit', () => {
    const { attachmentBytes, messageBytes } = PORTAL_MESSAGE_LIMITS;
    expect(refusalOf('application/pdf', 100, 0)).toBeNull();
    expect(refusalOf('application/pdf', 0, 0)).toBe('empty');
    expect(refusalOf(null, 100, 0)).toBe('type');
    expect(refusalOf('image/png', attachmentBytes + 1, 0)).toBe('tooLarge');
    expect(refusalOf('image/png', attachmentBytes, messageBytes - attachmentBytes + 1)).toBe('tooMuch');
  });

  it('encodes content in base64 as the message carries it', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => i % 256);
    expect(base64Of(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});

describe('installation facts from the grid company', () => {
  it('become the form values of the installation fields, nulls empty', () => {
    expect(valuesFromInstallation({
      address: 'Strandveien 12', postcode: '4631', postTown: 'Kristiansand', municipalityNumber: '4204', gnr: 12, bnr: 34,
      fnr: null, snr: null, buildingUse: 'house', networkSystem: '400V_TN', phases: 3, mainFuseA: null,
      meterNumbers: ['1', '2'], meteringPointIds: [mp],
    })).toMatchObject({ 'installation.gnr': '12', 'installation.fnr': '', 'installation.mainFuseA': '', 'installation.phases': '3',
      'installation.meterNumbers': '1\n2', 'installation.meteringPointIds': mp });
  });
});
