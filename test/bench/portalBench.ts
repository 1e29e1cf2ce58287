// The portal's figures (issue 12), against a central database seeded with `cases` demo cases, a service instance with
// the portal plugged in and a desk syncing through the shared instance (its live socket on, as in use):
//   portal.submit_to_desk_p95_ms  a complete new installation (a PDF and a JPEG) posted by an installer until the case
//                                 is in the other desk's cache (polled every millisecond), one at a time;
//   portal.submissions_per_s      installers of several firms posting complete requests at once over loopback, each
//                                 the next as soon as the last is answered; taken per second of the whole run;
//   portal.page_p95_ms            a portal page as the browser loads it after the app's files are cached: the page
//                                 (index.html) and its data — who am I, the firm's cases (first page), one case.
// A refused submission fails the bench: the figure would count the wrong thing.
import type pg from 'pg';
import { connectCentral } from '../../core/sync/centralConnection';
import { firmWithAdmin, portalLogin, startPortalService, startSmtp } from '../integration/portal/portalFixture';
import { createTestDatabase } from '../support/postgres';
import { login, type RawClient } from '../support/serviceClient';
import { closeServices } from '../support/serviceInstances';
import { eventually, removeClientFiles, seedCentral, startClient, type Client } from '../support/syncClients';
import { percentile, round, type BenchResult } from './stats';

const PDF = Buffer.from('%PDF-1.4\n% situasjonskart\n1 0 obj << >> endobj\n%%EOF\n').toString('base64');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0 målerskap')]).toString('base64');

const LATENCY_ROUNDS = 60;
const THROUGHPUT_FIRMS = 4;
const THROUGHPUT_SECONDS = 10;
const PAGE_ROUNDS = 200;

let sequence = 0;

/** A complete new installation from the firm, as the portal's form sends it. */
function completeRequest(org: string): Record<string, unknown> {
  sequence++;
  return {
    messageId: `BENK-${sequence}`,
    kind: 'request',
    sentAt: new Date().toISOString(),
    sender: { role: 'installer', organisationNumber: org, name: 'Benk Elektro AS' },
    requestType: 'new_installation',
    installation: {
      address: `Benkveien ${sequence}`, postcode: '4631', postTown: 'Kristiansand', municipalityNumber: '4204',
      buildingUse: 'house', networkSystem: '230V_IT', phases: 1, mainFuseA: 32, expectedPowerKw: 11,
    },
    owner: { name: `Eier ${sequence}`, idKind: 'national_id', nationalId: '01017012345' },
    installer: { organisationNumber: org, name: 'Benk Elektro AS', contactPerson: 'Ola Elektriker' },
    attachments: [
      { kind: 'site_map', fileName: 'situasjonskart.pdf', mimeType: 'application/pdf', contentBase64: PDF },
      { kind: 'photo', fileName: 'skap.jpg', mimeType: 'image/jpeg', contentBase64: JPEG },
    ],
  };
}

async function submit(installer: RawClient, org: string): Promise<string> {
  const answer = await installer.post<{ caseNumber: string }>('/api/portal/messages', completeRequest(org));
  if (answer.status !== 200) throw new Error(`submission answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  return answer.body.caseNumber;
}

export async function benchPortal(cases: number, report: (result: BenchResult) => void): Promise<void> {
  const db = await createTestDatabase('bench_portal');
  const smtp = await startSmtp();
  let desk: Client | null = null;
  let admin: pg.Client | null = null;
  try {
    console.log(`\nPortal: seeding ${cases} cases into ${db.databaseName} …`);
    await seedCentral(db, cases);
    admin = await connectCentral(db.adminUrl);
    const { url } = await startPortalService(db, smtp, { attemptsPerMinute: 1_000 });
    const supervisor = await login(url, await db.createLogin('benksjef', 'supervisor'));
    const firms: Array<{ org: string; installer: RawClient }> = [];
    for (let i = 0; i < THROUGHPUT_FIRMS; i++) {
      const email = `benk${i}@portal.test`;
      const { org } = await firmWithAdmin(url, admin, supervisor, email, `Benk Elektro ${i} AS`);
      firms.push({ org, installer: await portalLogin(url, email) });
    }
    console.log('  a desk pulls the central database …');
    desk = await startClient(db, 'benkpult', 'case_handler');
    const cached = desk.core.database.sqlite.prepare('SELECT 1 AS found FROM cases WHERE case_number = ?');
    const inCache = (caseNumber: string) => cached.get(caseNumber) !== undefined;
    const cachedCount = desk.core.database.sqlite.prepare('SELECT count(*) AS n FROM cases');
    await eventually(() => (cachedCount.get() as { n: number }).n >= cases, 300_000, 'the initial pull');

    const [first] = firms;
    const latencies: number[] = [];
    for (let round = 0; round < LATENCY_ROUNDS; round++) {
      const start = performance.now();
      const caseNumber = await submit(first.installer, first.org);
      while (!inCache(caseNumber)) {
        if (performance.now() - start > 10_000) throw new Error(`${caseNumber} did not reach the desk in 10 s`);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      latencies.push(performance.now() - start);
    }
    report({ name: 'portal.submit_to_desk_p95_ms', value: round(percentile(latencies, 95)), unit: 'ms' });

    let taken = 0;
    const until = performance.now() + THROUGHPUT_SECONDS * 1000;
    const started = performance.now();
    await Promise.all(firms.map(async ({ org, installer }) => {
      while (performance.now() < until) {
        await submit(installer, org);
        taken++;
      }
    }));
    report({ name: 'portal.submissions_per_s', value: round(taken / ((performance.now() - started) / 1000), 1), unit: 'submissions/s' });

    // The firm now has a few hundred cases: a page of its list and one case, as the browser asks for them.
    const pageOf = async (path: string) => {
      const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${first.installer.token}` } });
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      await response.arrayBuffer();
    };
    const list = await first.installer.get<{ cases: Array<{ caseNumber: string }> }>('/api/portal/cases');
    if (list.status !== 200 || list.body.cases.length === 0) throw new Error(`the case list answered ${list.status}: ${list.text.slice(0, 200)}`);
    const one = list.body.cases[0].caseNumber;
    const pages: number[] = [];
    for (let i = 0; i < PAGE_ROUNDS; i++) {
      const start = performance.now();
      await pageOf('/portal/cases');
      await Promise.all([pageOf('/api/portal/me'), pageOf('/api/portal/cases'), pageOf(`/api/portal/cases/${encodeURIComponent(one)}`)]);
      if (i >= 10) pages.push(performance.now() - start);
    }
    report({ name: 'portal.page_p95_ms', value: round(percentile(pages, 95)), unit: 'ms' });
  } finally {
    if (desk) {
      await desk.close();
      removeClientFiles(desk);
    }
    await admin?.end();
    await smtp.close();
    await closeServices(db);
    await db.drop();
  }
}
