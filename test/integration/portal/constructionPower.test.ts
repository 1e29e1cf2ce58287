// Construction power on the firm's case page, against real PostgreSQL and the running service: the firm sees the
// cabinet's connection day and start reading with the days so far (no rent guessed while it stands); its
// ferdigmelding asks for termination; once the grid company has taken the cabinet down the firm sees the final
// reading, the days and the rent billed. Another request type shows none of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalCase } from '../../../shared/portalApi/cases';
import { meterMountingDueDate } from '../../../shared/rules';
import { useCentralDatabase } from '../../support/centralDatabase';
import { login, type RawClient } from '../../support/serviceClient';
import { constructionPowerCase } from './constructionPowerCase';
import { newInstallation, send } from './caseFixture';
import { firmWithAdmin, portalLogin, startPortalService, startSmtp, type TestSmtp } from './portalFixture';

const central = useCentralDatabase('portal_construction_power');
let smtp: TestSmtp;
let firm: { id: string; org: string };
let installer: RawClient;
let cabinet: string;
let house: string;

const openCase = async (caseNumber: string) => {
  const answer = await installer.get<PortalCase>(`/api/portal/cases/${caseNumber}`);
  expect(answer.status, answer.text).toBe(200);
  return answer.body;
};
/** Days from a date to the server's today (Oslo), both counted, as the rule counts them. */
const daysSince = (isoDate: string) => {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${isoDate}T00:00:00Z`)) / 86_400_000) + 1;
};

beforeAll(async () => {
  smtp = await startSmtp();
  const url = (await startPortalService(central.db, smtp)).url;
  const supervisor = await login(url, await central.db.createLogin('sup', 'supervisor'));
  firm = await firmWithAdmin(url, central.admin, supervisor, 'admin@byggestrom.test', 'Bygg Elektro AS');
  installer = await portalLogin(url, 'admin@byggestrom.test');
  cabinet = await constructionPowerCase(installer, firm, 'CP-PORTAL-1');
  house = await send(installer, newInstallation(firm, 'Husveien 3', '2026-11-03T09:00:00+01:00'));
});
afterAll(async () => {
  await smtp.close();
});

describe("construction power on the firm's case page", () => {
  it('shows nothing of it on another request type', async () => {
    expect((await openCase(house)).constructionPower).toBeNull();
  });

  it('shows the connection and start reading, and the days so far without a rent while the cabinet stands', async () => {
    await central.admin.query(
      "UPDATE cases SET status = 'connected', power_connected_on = '2026-11-02', start_meter_reading = 1520.5 WHERE case_number = $1",
      [cabinet],
    );
    const c = await openCase(cabinet);
    expect(c.constructionPower).toEqual({ connectedOn: '2026-11-02', startReading: 1520.5, disconnectedOn: null, finalReading: null,
      consumptionKwh: null, days: daysSince('2026-11-02'), running: true, rent: null });
    expect(c.acceptsCompletionNotice).toBe(true);
  });

  it("takes the firm's ferdigmelding as the request to end it", async () => {
    const answer = await installer.post('/api/portal/messages', {
      messageId: 'CP-PORTAL-1-END', kind: 'completion_notice', sentAt: new Date().toISOString(),
      sender: { role: 'installer', organisationNumber: firm.org, name: 'Elektro AS' },
      caseNumber: cabinet, completedOn: '2026-11-20',
    });
    expect(answer.status, answer.text).toBe(200);
    const c = await openCase(cabinet);
    expect(c.status).toBe('termination_requested');
    // Due to come down within the company's target (5 working days) from the day the notice arrived.
    expect(c.dueDate).toBe(meterMountingDueDate(new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' }), 5));
    expect(c.thread.filter((e) => e.type === 'status').map((e) => e.type === 'status' && `${e.from}→${e.to}`))
      .toContain('connected→termination_requested');
  });

  it('shows the final reading, the days and the rent billed once the cabinet is down', async () => {
    await central.admin.query(
      `UPDATE cases SET status = 'disconnected', power_disconnected_on = '2026-11-20', final_meter_reading = 4210,
         cabinet_rent_days = 19, cabinet_rent_rate_ore = 2200, cabinet_rent_net_ore = 41800 WHERE case_number = $1`,
      [cabinet],
    );
    expect((await openCase(cabinet)).constructionPower).toEqual({ connectedOn: '2026-11-02', startReading: 1520.5,
      disconnectedOn: '2026-11-20', finalReading: 4210, consumptionKwh: 2689.5, days: 19, running: false,
      rent: { rateOre: 2_200, netOre: 41_800, vatOre: 10_450, grossOre: 52_250 } });
  });
});
