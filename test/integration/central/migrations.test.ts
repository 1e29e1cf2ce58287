// The central migrations: they build everything on an empty database, a second run changes nothing, an edited
// migration is refused, and the app's roles own nothing (so every privilege, policy and trigger binds them).
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { CENTRAL_MIGRATIONS, CentralMigrationTamperedError, migrateCentral } from '../../../db/central/migrate';
import { SYNCED_TABLES } from '../../../core/sync/syncedTables';
import { useCentralDatabase } from '../../support/centralDatabase';
import { createTestDatabase } from '../../support/postgres';

let admin: pg.Client;

useCentralDatabase('migrations', {
  migrate: false,
  async setup(central) {
    admin = central.admin;
  },
});

const SHIPPED = (JSON.parse(readFileSync(path.join(CENTRAL_MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as {
  entries: { tag: string }[];
}).entries.map((entry) => entry.tag);

const names = async (sql: string): Promise<string[]> => (await admin.query<{ name: string }>(sql)).rows.map((r) => r.name);

describe('central migrations', () => {
  it('apply to an empty database and create the tables, functions, triggers and group roles', async () => {
    const { applied, total } = await migrateCentral(admin);
    // Everything shipped, in the journal's order, and nothing else.
    expect(applied).toEqual(SHIPPED);
    expect(applied.slice(0, 3)).toEqual(['0000_initial', '0001_versions', '0002_roles_and_privileges']);
    expect(total).toBe(SHIPPED.length);

    expect(await names("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).toEqual([
      'app_users', 'applied_mutations', 'area_supplier_municipalities', 'area_suppliers', 'assignment_rules', 'attachment_blobs',
      'attachments', 'billing_events', 'case_events', 'cases', 'company_settings', 'completeness_rules', 'dsb_register',
      'import_quarantine', 'incoming_messages', 'installers', 'message_deliveries', 'municipalities', 'notes', 'offers',
      'outgoing_messages', 'owner_offer_access', 'portal_drafts', 'portal_firms', 'portal_sessions', 'portal_support_requests', 'portal_user_tokens', 'portal_users',
      'prequalifications', 'price_lists', 'service_sessions', 'staff_credentials', 'sync_clock', 'work_orders',
    ]);
    expect(await names(`SELECT proname AS name FROM pg_proc WHERE pronamespace = 'public'::regnamespace
      AND proname IN ('claim_case', 'renew_claim', 'release_case', 'fetch_next_case', 'desk_next_version') ORDER BY 1`))
      .toEqual(['claim_case', 'desk_next_version', 'fetch_next_case', 'release_case', 'renew_claim']);
    expect(await names("SELECT rolname AS name FROM pg_roles WHERE rolname IN ('case_handler', 'supervisor', 'reader') AND NOT rolcanlogin ORDER BY 1"))
      .toEqual(['case_handler', 'reader', 'supervisor']);

    // Every synced table gets its version from the clock and announces commits.
    const versioned = await names(`SELECT DISTINCT c.relname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE t.tgname = c.relname || '_set_version' ORDER BY 1`);
    expect(versioned).toEqual(SYNCED_TABLES.map((table) => table.central).sort());
    const withVersionIndex = await names(`SELECT DISTINCT tablename AS name FROM pg_indexes
      WHERE schemaname = 'public' AND indexname = tablename || '_version' ORDER BY 1`);
    expect(withVersionIndex).toEqual(versioned);
  });

  it('apply nothing the second time', async () => {
    const before = await admin.query('SELECT count(*) FROM drizzle.__drizzle_migrations');
    expect(await migrateCentral(admin)).toEqual({ applied: [], total: SHIPPED.length });
    expect((await admin.query('SELECT count(*) FROM drizzle.__drizzle_migrations')).rows).toEqual(before.rows);
  });

  it('leave the app roles owning nothing, so that privileges and row-level security bind them', async () => {
    const owned = await admin.query(`SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
      WHERE c.relnamespace = 'public'::regnamespace AND r.rolname IN ('case_handler', 'supervisor', 'reader')`);
    expect(owned.rows).toEqual([]);
    const rls = await names(`SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace
      AND relrowsecurity ORDER BY 1`);
    expect(rls).toEqual(['applied_mutations', 'attachments', 'billing_events', 'case_events', 'cases', 'message_deliveries',
      'notes', 'offers', 'outgoing_messages', 'owner_offer_access', 'portal_drafts', 'portal_firms', 'portal_sessions', 'portal_support_requests', 'portal_user_tokens', 'portal_users',
      'work_orders']);
  });

  it('name the person by desk_actor(), never session_user, in every function, policy and default (0015)', async () => {
    // Only the two functions that decide who is acting may look at session_user.
    expect(await names(`SELECT proname AS name FROM pg_proc WHERE pronamespace = 'public'::regnamespace
      AND prosrc ~* 'session_user' ORDER BY 1`)).toEqual(['desk_actor', 'desk_acts_as']);
    expect(await names(`SELECT policyname AS name FROM pg_policies WHERE schemaname = 'public'
      AND (qual ~* 'session_user' OR with_check ~* 'session_user')`)).toEqual([]);
    expect(await names(`SELECT c.relname || '.' || a.attname AS name FROM pg_attrdef d
      JOIN pg_class c ON c.oid = d.adrelid JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
      WHERE c.relnamespace = 'public'::regnamespace AND pg_get_expr(d.adbin, d.adrelid) ~* 'session_user'`)).toEqual([]);
    // …and the defaults that named the writer name the actor now.
    expect(await names(`SELECT c.relname || '.' || a.attname AS name FROM pg_attrdef d
      JOIN pg_class c ON c.oid = d.adrelid JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
      WHERE c.relnamespace = 'public'::regnamespace AND pg_get_expr(d.adbin, d.adrelid) ~ 'desk_actor' ORDER BY 1`))
      .toEqual(['applied_mutations.actor', 'assignment_rules.updated_by', 'billing_events.recorded_by',
        'notes.author_id', 'offers.created_by', 'outgoing_messages.created_by', 'work_orders.ordered_by']);
  });

  it('make desk_service a login that acts only through its groups, and keep its tables from them', async () => {
    const { rows: [role] } = await admin.query(`SELECT rolcanlogin, rolinherit, rolsuper, rolcreaterole,
      rolbypassrls FROM pg_roles WHERE rolname = 'desk_service'`);
    expect(role).toEqual({ rolcanlogin: true, rolinherit: false, rolsuper: false, rolcreaterole: false, rolbypassrls: false });
    expect(await names(`SELECT g.rolname AS name FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
      JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = 'desk_service' ORDER BY 1`))
      .toEqual(['case_handler', 'portal_owner', 'portal_submitter', 'portal_user', 'reader', 'supervisor']);
    for (const group of ['case_handler', 'supervisor', 'reader']) {
      for (const table of ['staff_credentials', 'service_sessions']) {
        const { rows: [access] } = await admin.query(`SELECT has_table_privilege($1, $2, 'SELECT') AS r,
          has_table_privilege($1, $2, 'INSERT') AS w`, [group, table]);
        expect(access, `${group} on ${table}`).toEqual({ r: false, w: false });
      }
    }
    const { rows: [service] } = await admin.query(`SELECT has_table_privilege('desk_service', 'service_sessions', 'DELETE') AS s,
      has_table_privilege('desk_service', 'app_users', 'SELECT') AS u, has_table_privilege('desk_service', 'cases', 'SELECT') AS c`);
    expect(service).toEqual({ s: true, u: true, c: false });
  });

  it('refuse a database whose applied migration was edited afterwards', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'central-migrations-'));
    try {
      cpSync(CENTRAL_MIGRATIONS, directory, { recursive: true });
      appendFileSync(path.join(directory, '0003_audit_trail.sql'), '\n-- a harmless-looking edit\n');
      const error = await migrateCentral(admin, directory).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CentralMigrationTamperedError);
      expect((error as CentralMigrationTamperedError).tag).toBe('0003_audit_trail');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('can run on a second database in the same cluster: the group roles are shared, not created twice', async () => {
    const other = await createTestDatabase('migrations_again');
    await other.drop();
  });
});
