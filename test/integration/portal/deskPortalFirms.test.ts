// The desk's Installatørfirmaer calls (portalFirm.list / approve / refuse) through a real core signed in to a running
// service with the portal: a supervisor sees the applications with the firm's DSB status from the desk's cache,
// decides them, and is told in codes when it was decided already; a case handler and a standalone desk get nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError, PortalFirmDecision, PortalFirmsView, SyncStatusView } from '../../../shared/contract';
import { portalPlugin } from '../../../service/portal';
import { signInToService } from '../../../harness/centralUrl';
import { startInProcessHarness, type InProcessHarness } from '../../../harness/inProcessHarness';
import { useCentralDatabase } from '../../support/centralDatabase';
import { TEST_PASSWORD } from '../../support/postgres';
import { RawClient } from '../../support/serviceClient';
import { startService } from '../../support/serviceInstances';
import { organisationNumber, PASSWORD, PORTAL_URL, registerInDsb } from './portalFixture';

const central = useCentralDatabase('portal_desk');
const cores: InProcessHarness[] = [];
let url: string;
let supervisorLogin: string;
let supervisor: InProcessHarness;
let caseHandler: InProcessHarness;
const firms: Record<string, { id: string; org: string }> = {};

async function connected(harness: InProcessHarness): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const status = await harness.core.dispatch('sync.status', {});
    if (status.ok && (status.value as SyncStatusView).mode === 'central' && (status.value as { state: string }).state === 'connected') return;
    if (Date.now() > deadline) throw new Error(`not connected: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function desk(login: string): Promise<InProcessHarness> {
  const harness = startInProcessHarness({ central: await signInToService(url, login, TEST_PASSWORD), cases: 0 });
  cores.push(harness);
  await connected(harness);
  return harness;
}

async function apply(n: number, name: string): Promise<void> {
  const org = organisationNumber(71, n);
  await registerInDsb(central.admin, org, name);
  const answer = await new RawClient(url).post<{ id: string }>('/api/portal/firms', {
    organisationNumber: org, contactEmail: `post@${org}.test`, user: { email: `admin@${org}.test`, name: 'Kari Admin', password: PASSWORD },
  });
  if (answer.status !== 200) throw new Error(`application answered ${answer.status}: ${answer.text}`);
  firms[name] = { id: answer.body.id, org };
}

const ok = async <T>(harness: InProcessHarness, name: string, input: unknown): Promise<T> => {
  const result = await harness.core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
};
const failure = async (harness: InProcessHarness, name: string, input: unknown): Promise<AppError> => {
  const result = await harness.core.dispatch(name, input);
  if (result.ok) throw new Error(`${name} answered ${JSON.stringify(result.value)}`);
  return result.error;
};

beforeAll(async () => {
  url = (await startService(central.db, { plugins: [portalPlugin({ portalUrl: PORTAL_URL, applicationsPerHour: 200 })] })).url;
  // The firms are in DSB's register before the desks' first download, so their cache has the rows.
  await apply(1, 'Lys og Varme AS');
  await apply(2, 'Kabel og Kontakt AS');
  supervisorLogin = await central.db.createLogin('sara', 'supervisor');
  supervisor = await desk(supervisorLogin);
  caseHandler = await desk(await central.db.createLogin('henrik', 'case_handler'));
});

afterAll(async () => {
  await Promise.all(cores.map((harness) => harness.dispose()));
});

describe('a supervisor on a connected desk', () => {
  it('lists the open applications oldest first, with the DSB status from the desk’s copy of the register', async () => {
    const view = await ok<PortalFirmsView>(supervisor, 'portalFirm.list', {});
    expect(view.decided).toEqual([]);
    expect(view.applied.map((f) => f.name)).toEqual(['Lys og Varme AS', 'Kabel og Kontakt AS']);
    const [first] = view.applied;
    expect(first).toMatchObject({
      id: firms['Lys og Varme AS'].id,
      organisationNumber: firms['Lys og Varme AS'].org,
      contactEmail: `post@${firms['Lys og Varme AS'].org}.test`,
      firstUser: { name: 'Kari Admin', email: `admin@${firms['Lys og Varme AS'].org}.test` },
      state: 'applied',
      dsb: { status: 'active', asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
      decidedAt: null,
      decidedBy: null,
      refusalReason: null,
    });
  });

  it('approves one and refuses the other with the reason, then lists both as decided by them', async () => {
    const approved = await ok<PortalFirmDecision>(supervisor, 'portalFirm.approve', { firmId: firms['Lys og Varme AS'].id });
    expect(approved).toEqual({ firmId: firms['Lys og Varme AS'].id, state: 'approved' });
    const reason = 'Firmaet er ikke prekvalifisert hos oss. Søk om prekvalifisering først.';
    const refused = await ok<PortalFirmDecision>(supervisor, 'portalFirm.refuse', { firmId: firms['Kabel og Kontakt AS'].id, reason: `  ${reason} ` });
    expect(refused.state).toBe('refused');

    const view = await ok<PortalFirmsView>(supervisor, 'portalFirm.list', {});
    expect(view.applied).toEqual([]);
    expect(view.decided.map((f) => [f.name, f.state, f.refusalReason, f.decidedBy?.id])).toEqual(
      expect.arrayContaining([
        ['Lys og Varme AS', 'approved', null, supervisorLogin],
        ['Kabel og Kontakt AS', 'refused', reason, supervisorLogin],
      ]),
    );
    expect(view.decided.every((f) => f.decidedAt !== null)).toBe(true);
  });

  it('is told in codes when the application was decided already, or is unknown', async () => {
    expect(await failure(supervisor, 'portalFirm.approve', { firmId: firms['Lys og Varme AS'].id }))
      .toEqual({ code: 'central.refused', params: { reason: 'portalAlreadyDecided' } });
    expect(await failure(supervisor, 'portalFirm.refuse', { firmId: '00000000-0000-4000-8000-000000000000', reason: 'Nei.' }))
      .toEqual({ code: 'central.refused', params: { reason: 'portalFirmMissing' } });
  });

  it('needs a reason in words to refuse, and a firm id, before the service is asked', async () => {
    const blank = await failure(supervisor, 'portalFirm.refuse', { firmId: firms['Lys og Varme AS'].id, reason: '   ' });
    expect(blank.code).toBe('input.invalid');
    expect(blank.issues?.[0]?.path).toBe('reason');
    expect((await failure(supervisor, 'portalFirm.approve', { firmId: 'x; DROP TABLE' })).code).toBe('input.invalid');
  });
});

describe('anyone else', () => {
  it('a case handler gets permission.denied', async () => {
    expect(await failure(caseHandler, 'portalFirm.list', {})).toEqual({ code: 'permission.denied' });
    expect(await failure(caseHandler, 'portalFirm.approve', { firmId: firms['Kabel og Kontakt AS'].id })).toEqual({ code: 'permission.denied' });
  });

  it('a standalone desk is told it needs the central service', async () => {
    const standalone = startInProcessHarness({ cases: 0 });
    cores.push(standalone);
    expect(await failure(standalone, 'portalFirm.list', {})).toEqual({ code: 'central.offline', params: { reason: 'standalone' } });
  });
});
