// The central service a portal spec runs against: its own PostgreSQL database, a catching SMTP server, the service
// with the portal, an admin connection and a supervisor signed in — started before the spec's tests, torn down after.
import pg from 'pg';
import { startPortalService, startSmtp, type TestSmtp } from '../integration/portal/portalFixture';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { login, type RawClient } from '../support/serviceClient';
import { closeServices } from '../support/serviceInstances';
import { test } from './fixtures';

export interface PortalService {
  db: TestDatabase;
  smtp: TestSmtp;
  url: string;
  admin: pg.Client;
  supervisor: RawClient;
}

/** Registers the spec's beforeAll/afterAll; the fields are there once the first test runs. */
export function portalService(databaseName: string): PortalService {
  const service = {} as PortalService;
  test.beforeAll(async () => {
    service.db = await createTestDatabase(databaseName);
    service.smtp = await startSmtp();
    service.url = (await startPortalService(service.db, service.smtp)).url;
    service.admin = new pg.Client({ connectionString: service.db.adminUrl });
    await service.admin.connect();
    service.supervisor = await login(service.url, await service.db.createLogin('sup', 'supervisor'));
  });
  test.afterAll(async () => {
    await service.admin?.end();
    await service.smtp?.close();
    if (service.db) {
      await closeServices(service.db);
      await service.db.drop();
    }
  });
  return service;
}
