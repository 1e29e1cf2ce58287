// What feeds the "Ny melding" form, against real PostgreSQL and the running service: the installation facts the grid
// company holds from earlier cases (portalLookupInstallation) — found by metering point ID or address for any firm,
// never with the owner's personal data, the sender or the case; only through portal_lookup_installation, which only
// portal_user may execute; rate limited per user — the rule set in force (portalCompletenessRules) and the standard
// attachments (portalListTemplates, portalGetTemplate).
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COMPLETENESS_RULE_SETS, gs1CheckDigit, REQUEST_TYPES } from '../../../shared/rules';
import { useCentralDatabase } from '../../support/centralDatabase';
import { login, RawClient } from '../../support/serviceClient';
import { firmWithAdmin, portalLogin, startPortalService, startSmtp, type TestSmtp } from './portalFixture';

const central = useCentralDatabase('portal_lookup');
let smtp: TestSmtp;
let url: string;
let firmA: { id: string; org: string };
let firmB: { id: string; org: string };
let installerA: RawClient;
let installerB: RawClient;
let service: pg.Client;

const meteringPoint = (serial: string) => {
  const first = `7070575000${serial.padStart(7, '0')}`;
  return `${first}${gs1CheckDigit(first)}`;
};
const KNOWN = meteringPoint('4242');
const UNKNOWN = meteringPoint('9999');
const PDF = Buffer.from('%PDF-1.4\n% situasjonskart\n%%EOF\n').toString('base64');
const OWNER = { name: 'Kari Nordmann', idKind: 'national_id', nationalId: '31129956715', email: 'kari@eier.test', phone: '+47 912 34 567' };

function request(firm: { org: string }, messageId: string, installation: Record<string, unknown>) {
  return {
    messageId, kind: 'request', sentAt: '2026-11-02T08:15:00+01:00',
    sender: { role: 'installer', organisationNumber: firm.org, name: 'A Elektro AS' },
    requestType: 'fuse_change',
    installation: {
      address: 'Strandveien 12', postcode: '4631', postTown: 'Kristiansand', municipalityNumber: '4204', gnr: 12, bnr: 34,
      buildingUse: 'house', networkSystem: '400V_TN', phases: 3, mainFuseA: 63, meteringPointIds: [KNOWN], meterNumbers: ['7359992'],
      ...installation,
    },
    owner: OWNER,
    installer: { organisationNumber: firm.org, name: 'A Elektro AS', contactPerson: 'Ola Elektriker' },
    freeText: 'Nøkkel ligger under matta',
    attachments: [{ kind: 'power_budget', fileName: 'effekt.pdf', mimeType: 'application/pdf', contentBase64: PDF }],
  };
}

beforeAll(async () => {
  smtp = await startSmtp();
  url = (await startPortalService(central.db, smtp)).url;
  const supervisor = await login(url, await central.db.createLogin('sup', 'supervisor'));
  firmA = await firmWithAdmin(url, central.admin, supervisor, 'admin@lookup-a.test', 'A Elektro AS');
  firmB = await firmWithAdmin(url, central.admin, supervisor, 'admin@lookup-b.test', 'B Elektro AS');
  installerA = await portalLogin(url, 'admin@lookup-a.test');
  installerB = await portalLogin(url, 'admin@lookup-b.test');
  // Firm A's earlier case, then a newer one at the same metering point after a fuse change; and one rejected.
  for (const [id, installation] of [['OLD', { mainFuseA: 40, networkSystem: '230V_IT', phases: 1 }], ['NEW', {}]] as const) {
    const sent = await installerA.post('/api/portal/messages', request(firmA, id, installation));
    expect(sent.status, sent.text).toBe(200);
  }
  await central.admin.query("UPDATE cases SET submitted_at = submitted_at - interval '1 year' WHERE message_id LIKE '%:OLD'");
  const rejected = await installerA.post('/api/portal/messages', request(firmA, 'REJ', { address: 'Bakken 1', meteringPointIds: [], mainFuseA: 25 }));
  expect(rejected.status, rejected.text).toBe(200);
  await central.admin.query("UPDATE cases SET status = 'rejected' WHERE message_id LIKE '%:REJ'");
  service = await central.connect(central.db.serviceUrl);
}, 60_000);

afterAll(async () => {
  await smtp?.close();
});

const EXPECTED = {
  address: 'Strandveien 12', postcode: '4631', postTown: 'Kristiansand', municipalityNumber: '4204', gnr: 12, bnr: 34,
  fnr: null, snr: null, buildingUse: 'house', networkSystem: '400V_TN', phases: 3, mainFuseA: 63,
  meterNumbers: ['7359992'], meteringPointIds: [KNOWN],
};

describe('GET /api/portal/installations', () => {
  it("answers another firm the newest facts of the installation by metering point ID, and nothing of the owner, sender or case", async () => {
    const answer = await installerB.get(`/api/portal/installations?meteringPointId=${KNOWN.replace(/(\d{6})/g, '$1 ').trim()}`);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toEqual({ installation: EXPECTED });
    const caseNumbers = (await central.admin.query<{ case_number: string }>('SELECT case_number FROM cases')).rows.map((r) => r.case_number);
    for (const secret of [OWNER.name, OWNER.nationalId, OWNER.email, OWNER.phone, 'Ola Elektriker', 'Nøkkel', firmA.org, 'OLD', 'NEW', ...caseNumbers]) {
      expect(answer.text).not.toContain(secret);
    }
  });

  it('finds the installation by address and postcode, whatever the case of the letters', async () => {
    const answer = await installerB.get('/api/portal/installations?address=strandveien%2012&postcode=4631');
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toEqual({ installation: EXPECTED });
  });

  it('answers null where the grid company knows nothing, and for what it rejected', async () => {
    expect((await installerB.get(`/api/portal/installations?meteringPointId=${UNKNOWN}`)).body).toEqual({ installation: null });
    expect((await installerB.get('/api/portal/installations?address=Bakken%201&postcode=4631')).body).toEqual({ installation: null });
    expect((await installerB.get('/api/portal/installations?address=Strandveien%2012&postcode=4630')).body).toEqual({ installation: null });
  });

  it('refuses a metering point ID or postcode that fails its check, a question without either, and no session', async () => {
    const wrongCheckDigit = `${KNOWN.slice(0, 17)}${(Number(KNOWN[17]) + 1) % 10}`;
    for (const query of [`meteringPointId=${wrongCheckDigit}`, 'address=Strandveien%2012&postcode=46', 'address=Strandveien%2012', '']) {
      expect((await installerB.get(`/api/portal/installations?${query}`)).status, query).toBe(400);
    }
    expect((await new RawClient(url).get(`/api/portal/installations?meteringPointId=${KNOWN}`)).status).toBe(401);
  });

  it('is rate limited per user', async () => {
    const limited = await startPortalService(central.db, smtp, { lookupsPerMinute: 3 });
    const a = await portalLogin(limited.url, 'admin@lookup-a.test');
    const b = await portalLogin(limited.url, 'admin@lookup-b.test');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await a.get(`/api/portal/installations?meteringPointId=${KNOWN}`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await b.get(`/api/portal/installations?meteringPointId=${KNOWN}`)).status).toBe(200);
  });
});

describe('portal_lookup_installation in PostgreSQL', () => {
  it('is the only way for firm B to the facts: its portal_user reads none of A’s cases itself', async () => {
    await service.query('BEGIN');
    try {
      await service.query("SELECT set_config('role', 'portal_user', true), set_config('portal.firm', $1, true), set_config('portal.user', $2, true)",
        [firmB.id, installerB.login]);
      expect((await service.query('SELECT id FROM cases')).rowCount).toBe(0);
      const { rows } = await service.query('SELECT * FROM portal_lookup_installation($1, NULL, NULL)', [KNOWN]);
      expect(rows).toHaveLength(1);
      expect(Object.keys(rows[0]).sort()).toEqual(['address', 'bnr', 'building_use', 'fnr', 'gnr', 'main_fuse_a', 'meter_numbers',
        'metering_point_ids', 'municipality_number', 'network_system', 'phases', 'post_town', 'postcode', 'snr']);
    } finally {
      await service.query('ROLLBACK');
    }
  });

  it('answers nothing without an approved firm acting, and may be executed by portal_user alone', async () => {
    await service.query('BEGIN');
    try {
      await service.query("SELECT set_config('role', 'portal_user', true)");
      expect((await service.query('SELECT * FROM portal_lookup_installation($1, NULL, NULL)', [KNOWN])).rowCount).toBe(0);
    } finally {
      await service.query('ROLLBACK');
    }
    const { rows } = await central.admin.query(`SELECT r AS role, has_function_privilege(r, 'portal_lookup_installation(text, text, text)', 'EXECUTE') AS x
      FROM unnest(ARRAY['portal_user', 'portal_submitter', 'case_handler', 'supervisor', 'reader', 'desk_service']) r ORDER BY 1`);
    // desk_service holds it only by taking the role (NOINHERIT): directly it may not.
    expect(Object.fromEntries(rows.map((r: { role: string; x: boolean }) => [r.role, r.x]))).toMatchObject({
      portal_user: true, portal_submitter: false, case_handler: false, supervisor: false, reader: false,
    });
    await expect(service.query('SELECT * FROM portal_lookup_installation($1, NULL, NULL)', [KNOWN])).rejects.toMatchObject({ code: '42501' });
  });
});

describe('GET /api/portal/completeness-rules', () => {
  it('answers every request type: the shipped default, or the rule set the grid company loaded', async () => {
    const custom = { items: [{ code: 'owner_phone', label: { nb: 'Telefonnummer til eier' }, requires: { fields: ['ownerPhone'] } }] };
    await central.admin.query("INSERT INTO completeness_rules (request_type, rules, version) VALUES ('fuse_change', $1, 0)", [JSON.stringify(custom)]);
    const answer = await installerB.get('/api/portal/completeness-rules');
    expect(answer.status, answer.text).toBe(200);
    expect(Object.keys(answer.body.ruleSets).sort()).toEqual([...REQUEST_TYPES].sort());
    expect(answer.body.ruleSets.fuse_change).toEqual(custom);
    expect(answer.body.sources.fuse_change).toBe('company');
    expect(answer.body.ruleSets.new_installation).toEqual(DEFAULT_COMPLETENESS_RULE_SETS.new_installation);
    expect(answer.body.sources.new_installation).toBe('default');
    expect((await new RawClient(url).get('/api/portal/completeness-rules')).status).toBe(401);
  });
});

describe('standard attachments', () => {
  it('lists the blank forms with the kind each is sent back as, and serves each as a PDF', async () => {
    const list = await new RawClient(url).get('/api/portal/templates');
    expect(list.status).toBe(200);
    expect(list.body.templates.map((t: { name: string; kind: string }) => [t.name, t.kind])).toEqual([
      ['effektberegning', 'power_budget'], ['bestilling-nettleie', 'grid_rental_order'], ['samtykke-sameiere', 'co_owner_consent'],
    ]);
    for (const template of list.body.templates as Array<{ name: string; bytes: number; fileName: string }>) {
      const response = await fetch(`${url}/api/portal/templates/${template.name}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${template.fileName}"`);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.length).toBe(template.bytes);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect((await new RawClient(url).get('/api/portal/templates/passwd')).status).toBe(400);
  });

  it('puts every route in the OpenAPI document with its operationId', async () => {
    const document = (await new RawClient(url).get('/api/openapi.json')).body as { paths: Record<string, Record<string, { operationId?: string }>> };
    expect(document.paths['/api/portal/installations'].get.operationId).toBe('portalLookupInstallation');
    expect(document.paths['/api/portal/completeness-rules'].get.operationId).toBe('portalCompletenessRules');
    expect(document.paths['/api/portal/templates'].get.operationId).toBe('portalListTemplates');
    expect(document.paths['/api/portal/templates/{name}'].get.operationId).toBe('portalGetTemplate');
  });
});
