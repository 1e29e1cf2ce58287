// Company practice in standalone mode, against a real SQLite file: everyone reads the settings (the shipped
// defaults until someone changes them); a supervisor saves them, they are read back and the casework uses them
// (the importer's due date, readCompanySetting); a case handler is refused before anything is written; values out
// of range are refused as input.invalid.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dueWorkingDays, meterMountingWorkingDays, readCompanySetting } from '../../core/casework/companySettings';
import { importIntoLocal } from '../../core/import/importService';
import type { CompanySettingsView } from '../../shared/contract';
import { addWorkingDays } from '../../shared/rules';
import { requestMessage } from '../fixtures/import/buildMessages';
import { startInProcessHarness, type InProcessHarness } from '../../harness/inProcessHarness';

const SUPERVISOR = 'marit.rosseland';
const DEFAULTS = { dueWorkingDays: 15, meterMountingWorkingDays: 5, autoApproveMeteringPointWork: false, developerProjectMinUnits: 10, releaseOnAcceptance: false };

let harness: InProcessHarness | null = null;
afterEach(async () => {
  await harness?.dispose();
  harness = null;
});

function start(userId?: string): InProcessHarness {
  harness = startInProcessHarness({ cases: 20, userId });
  return harness;
}

async function ok<T>(h: InProcessHarness, name: string, input: unknown): Promise<T> {
  const result = await h.core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const storedSettings = (h: InProcessHarness) =>
  h.core.database.sqlite.prepare('SELECT key, value FROM company_settings ORDER BY key').all() as { key: string; value: string }[];
const outboxCount = (h: InProcessHarness) =>
  (h.core.database.sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE mutation = 'companySettings.update'").get() as { n: number }).n;

describe('companySettings.get', () => {
  it('shows the shipped defaults, and a case handler may not edit', async () => {
    const h = start();
    const view = await ok<CompanySettingsView>(h, 'companySettings.get', {});
    expect(view).toEqual({ values: DEFAULTS, defaults: DEFAULTS, canEdit: false, pending: false });
  });

  it('shows a supervisor that they may edit', async () => {
    const h = start(SUPERVISOR);
    expect(await ok<CompanySettingsView>(h, 'companySettings.get', {})).toMatchObject({ values: DEFAULTS, canEdit: true });
  });
});

describe('companySettings.save', () => {
  it('a supervisor saves; the values are read back, stored by key, audited in the outbox and used by the importer', async () => {
    const h = start(SUPERVISOR);
    const values = { dueWorkingDays: 20, meterMountingWorkingDays: 7, autoApproveMeteringPointWork: true, developerProjectMinUnits: 25, releaseOnAcceptance: true };
    const saved = await ok<CompanySettingsView>(h, 'companySettings.save', values);
    expect(saved).toEqual({ values, defaults: DEFAULTS, canEdit: true, pending: false });
    expect(await ok<CompanySettingsView>(h, 'companySettings.get', {})).toMatchObject({ values });

    const { sqlite } = h.core.database;
    expect(storedSettings(h)).toEqual([
      { key: 'auto_approve_metering_point_work', value: 'true' },
      { key: 'developer_project_min_units', value: '25' },
      { key: 'due_working_days', value: '20' },
      { key: 'meter_mounting_working_days', value: '7' },
      { key: 'release_on_acceptance', value: 'true' },
    ]);
    // Standalone the outbox is the audit log: who changed it, to what, from what.
    const audit = sqlite
      .prepare("SELECT actor_id, state, case_id, args, precondition FROM outbox WHERE mutation = 'companySettings.update'")
      .get() as { actor_id: string; state: string; case_id: number | null; args: string; precondition: string };
    expect(audit).toMatchObject({ actor_id: SUPERVISOR, state: 'applied', case_id: null });
    expect(JSON.parse(audit.args)).toEqual({
      values: { due_working_days: 20, meter_mounting_working_days: 7, auto_approve_metering_point_work: true, developer_project_min_units: 25, release_on_acceptance: true },
    });
    expect(JSON.parse(audit.precondition).previous).toMatchObject({ due_working_days: '15' });

    // The casework reads them: the completeness due date and the importer's.
    expect(dueWorkingDays(sqlite)).toBe(20);
    expect(meterMountingWorkingDays(sqlite)).toBe(7);
    expect(readCompanySetting(sqlite, 'auto_approve_metering_point_work', false)).toBe(true);
    const outcome = importIntoLocal(
      h.core.context,
      path.join(h.dataDirectory, 'attachments'),
      JSON.stringify([requestMessage(7001)]),
      'innboks.json',
    );
    expect(outcome).toMatchObject({ imported: 1, quarantined: 0 });
    const made = sqlite.prepare("SELECT due_date FROM cases WHERE message_id = 'ELS-9007001'").get() as { due_date: string };
    expect(made.due_date).toBe(addWorkingDays('2026-03-02', 20));
    expect(made.due_date).not.toBe(addWorkingDays('2026-03-02', 15));
  });

  it('a case handler is refused with permission.denied and nothing changes', async () => {
    const h = start();
    const before = storedSettings(h);
    const result = await h.core.dispatch('companySettings.save', {
      dueWorkingDays: 30,
      autoApproveMeteringPointWork: true,
      developerProjectMinUnits: 5,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'permission.denied' } });
    expect(storedSettings(h)).toEqual(before);
    expect(outboxCount(h)).toBe(0);
    expect((await ok<CompanySettingsView>(h, 'companySettings.get', {})).values).toEqual(DEFAULTS);
  });

  it('refuses values out of range, fractions and wrong types as input.invalid, naming the field', async () => {
    const h = start(SUPERVISOR);
    const good = { dueWorkingDays: 15, autoApproveMeteringPointWork: false, developerProjectMinUnits: 10 };
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ dueWorkingDays: 0 }, 'dueWorkingDays', 'too_small'],
      [{ dueWorkingDays: 61 }, 'dueWorkingDays', 'too_big'],
      [{ dueWorkingDays: 2.5 }, 'dueWorkingDays', 'invalid_type'],
      [{ meterMountingWorkingDays: 0 }, 'meterMountingWorkingDays', 'too_small'],
      [{ meterMountingWorkingDays: 61 }, 'meterMountingWorkingDays', 'too_big'],
      [{ meterMountingWorkingDays: 1.5 }, 'meterMountingWorkingDays', 'invalid_type'],
      [{ developerProjectMinUnits: 1 }, 'developerProjectMinUnits', 'too_small'],
      [{ developerProjectMinUnits: 1001 }, 'developerProjectMinUnits', 'too_big'],
      [{ autoApproveMeteringPointWork: 'ja' }, 'autoApproveMeteringPointWork', 'invalid_type'],
    ];
    for (const [patch, path, code] of cases) {
      const result = await h.core.dispatch('companySettings.save', { ...good, ...patch });
      expect(result, JSON.stringify(patch)).toMatchObject({ ok: false, error: { code: 'input.invalid', issues: [{ path, code }] } });
    }
    expect(await h.core.dispatch('companySettings.save', { ...good, extra: 1 })).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    expect(await h.core.dispatch('companySettings.save', { dueWorkingDays: 20 })).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    // The edges are allowed.
    await ok(h, 'companySettings.save', { dueWorkingDays: 60, autoApproveMeteringPointWork: false, developerProjectMinUnits: 2 });
    await ok(h, 'companySettings.save', { dueWorkingDays: 1, autoApproveMeteringPointWork: false, developerProjectMinUnits: 1000 });
    expect(outboxCount(h)).toBe(2);
    expect((await ok<CompanySettingsView>(h, 'companySettings.get', {})).values).toEqual({
      dueWorkingDays: 1,
      meterMountingWorkingDays: 5,
      autoApproveMeteringPointWork: false,
      developerProjectMinUnits: 1000,
      releaseOnAcceptance: false,
    });
  });
});
