// The quarantine in standalone mode, against a real SQLite file: a bad incoming record is listed with its
// reasons; a fix re-imported becomes a case and the row is marked imported; a fix that is still broken keeps
// the one row with its new reasons; a discard keeps the row with who and why. Nothing is ever deleted.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importIntoLocal } from '../../core/import/importService';
import { NO_QUEUE_FILTERS, type QuarantineDetail, type QuarantineList, type QuarantineReimportResult } from '../../shared/contract';
import { requestMessage } from '../fixtures/import/buildMessages';
import { startInProcessHarness, type InProcessHarness } from '../../harness/inProcessHarness';

let harness: InProcessHarness;
beforeEach(() => {
  harness = startInProcessHarness({ cases: 20 });
});
afterEach(() => harness.dispose());

const sqlite = () => harness.core.database.sqlite;
const dispatch = (name: string, input: unknown) => harness.core.dispatch(name, input);
async function ok<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatch(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}
const count = (sql: string, ...params: unknown[]) => (sqlite().prepare(sql).get(...params) as { n: number }).n;

/** A record through the real importer, as `npm run import` would bring it. */
function importFile(records: unknown, source = 'nettmeldinger-2026-03-02.json') {
  return importIntoLocal(harness.core.context, path.join(harness.dataDirectory, 'attachments'), JSON.stringify(records), source);
}

const BAD_ORG = '123456789';
function quarantineOne(): { id: string; record: Record<string, unknown> } {
  const record = requestMessage(501, {});
  (record.installer as Record<string, unknown>).organisationNumber = BAD_ORG;
  (record.installation as Record<string, unknown>).mainFuseA = 'femti';
  const outcome = importFile([record]);
  expect(outcome).toMatchObject({ imported: 0, quarantined: 1 });
  return { id: outcome.quarantineIds[0], record };
}

describe('the quarantine list', () => {
  it('shows a quarantined record with its source, message id and every reason; get adds the raw text', async () => {
    const { id } = quarantineOne();
    const list = await ok<QuarantineList>('quarantine.list', {});
    expect(list.openCount).toBe(1);
    expect(list.items).toHaveLength(1);
    const [item] = list.items;
    expect(item).toMatchObject({ id, source: 'nettmeldinger-2026-03-02.json', messageId: 'ELS-9000501', state: 'open', pending: false });
    expect(item.reasons.map((r) => r.path)).toContain('installation.mainFuseA');
    expect(item.reasons.find((r) => r.path === 'installation.mainFuseA')?.code).toBe('invalid_type');
    expect(item).not.toHaveProperty('raw');

    const detail = await ok<QuarantineDetail>('quarantine.get', { id });
    expect(JSON.parse(detail.raw)).toMatchObject({ messageId: 'ELS-9000501', installation: { mainFuseA: 'femti' } });
  });

  it('filters by state and refuses an unknown id or a state it does not know', async () => {
    const { id } = quarantineOne();
    expect((await ok<QuarantineList>('quarantine.list', { states: ['imported', 'discarded'] })).items).toEqual([]);
    expect((await ok<QuarantineList>('quarantine.list', { states: ['open'] })).items.map((i) => i.id)).toEqual([id]);
    const unknown = await dispatch('quarantine.get', { id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'quarantine.notFound' } });
    expect(await dispatch('quarantine.list', { states: ['deleted'] })).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
  });
});

describe('fixing and re-importing', () => {
  it('saves a fix without importing it, then re-imports it into a case and marks the row imported', async () => {
    const { id, record } = quarantineOne();
    const casesBefore = count('SELECT count(*) AS n FROM cases');
    const halfFixed = { ...record, installation: { ...(record.installation as object), mainFuseA: 50 } };
    await ok('quarantine.save', { id, raw: JSON.stringify(halfFixed, null, 2) });
    expect(JSON.parse((await ok<QuarantineDetail>('quarantine.get', { id })).raw).installation.mainFuseA).toBe(50);
    expect(count('SELECT count(*) AS n FROM cases')).toBe(casesBefore);

    const fixed = { ...halfFixed, installer: requestMessage(501).installer };
    const result = await ok<QuarantineReimportResult>('quarantine.reimport', { id, raw: JSON.stringify(fixed) });
    expect(result.outcome).toBe('imported');
    const caseIds = result.outcome === 'imported' ? result.caseIds : [];
    expect(caseIds).toHaveLength(1);
    expect(sqlite().prepare('SELECT message_id FROM cases WHERE id = ?').get(caseIds[0])).toEqual({ message_id: 'ELS-9000501' });
    expect(count('SELECT count(*) AS n FROM cases')).toBe(casesBefore + 1);

    const row = sqlite().prepare('SELECT state, resolved_by, resolved_at FROM import_quarantine WHERE id = ?').get(id);
    expect(row).toMatchObject({ state: 'imported', resolved_by: harness.core.context.currentUser().id });
    expect((await ok<QuarantineList>('quarantine.list', {})).openCount).toBe(0);
    // The new case is in the queue the handler works from.
    const queue = await ok<{ rows: Array<{ id: number }> }>('queue.list', {
      filters: NO_QUEUE_FILTERS,
      limit: 500,
    });
    expect(queue.rows.map((r) => r.id)).toContain(caseIds[0]);
    // A record once imported cannot be re-imported or discarded.
    expect(await dispatch('quarantine.discard', { id, reason: 'dobbel' })).toMatchObject({
      ok: false,
      error: { code: 'quarantine.resolved', params: { state: 'imported' } },
    });
  });

  it('keeps one row with the new reasons when the fix is still broken', async () => {
    const { id, record } = quarantineOne();
    const stillBroken = { ...record, installation: { ...(record.installation as object), mainFuseA: 50, postcode: '46' } };
    const result = await ok<QuarantineReimportResult>('quarantine.reimport', { id, raw: JSON.stringify(stillBroken) });
    expect(result.outcome).toBe('stillInvalid');
    expect(count('SELECT count(*) AS n FROM import_quarantine')).toBe(1);
    const detail = await ok<QuarantineDetail>('quarantine.get', { id });
    expect(detail.state).toBe('open');
    const paths = detail.reasons.map((r) => r.path);
    expect(paths).toContain('installation.postcode');
    expect(paths).toContain('installer.organisationNumber');
    expect(paths).not.toContain('installation.mainFuseA');
    expect(JSON.parse(detail.raw).installation.postcode).toBe('46');
  });

  it('re-imports text that is not JSON at all as still broken, keeping what was typed', async () => {
    const { id } = quarantineOne();
    const typed = '{ "messageId": "ELS-9000501", ';
    const result = await ok<QuarantineReimportResult>('quarantine.reimport', { id, raw: typed });
    expect(result).toMatchObject({ outcome: 'stillInvalid', reasons: [{ code: 'invalidJson' }] });
    expect((await ok<QuarantineDetail>('quarantine.get', { id })).raw).toBe(typed);
    expect(count('SELECT count(*) AS n FROM import_quarantine')).toBe(1);
  });

  it('refuses a record over 5 MB with a clear error and keeps the stored text', async () => {
    const { id } = quarantineOne();
    const before = (await ok<QuarantineDetail>('quarantine.get', { id })).raw;
    // 2 million "ø" are 2 M characters but 4 MB … and 3 million are 6 MB: the limit counts bytes.
    const huge = `"${'ø'.repeat(3_000_000)}"`;
    const refused = await dispatch('quarantine.save', { id, raw: huge });
    expect(refused).toMatchObject({ ok: false, error: { code: 'input.invalid', issues: [{ path: 'raw', code: 'too_big' }] } });
    expect((await ok<QuarantineDetail>('quarantine.get', { id })).raw).toBe(before);
  });
});

describe('discarding', () => {
  it('keeps the row, marked discarded with who, when and why; the reason is in the audit log too', async () => {
    const { id } = quarantineOne();
    expect(await dispatch('quarantine.discard', { id, reason: '   ' })).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    const item = await ok<{ state: string; resolvedBy: string }>('quarantine.discard', { id, reason: 'Sendt to ganger; den andre er importert' });
    expect(item).toMatchObject({
      state: 'discarded',
      resolvedBy: harness.core.context.currentUser().id,
      resolutionNote: 'Sendt to ganger; den andre er importert',
    });
    expect(count('SELECT count(*) AS n FROM import_quarantine WHERE id = ?', id)).toBe(1);
    const audit = sqlite().prepare("SELECT args, actor_id FROM outbox WHERE mutation = 'quarantine.update'").all() as { args: string }[];
    expect(audit.map((a) => JSON.parse(a.args))).toContainEqual({ id, state: 'discarded', reason: 'Sendt to ganger; den andre er importert' });
    expect((await ok<QuarantineList>('quarantine.list', {})).items).toEqual([]);
    expect((await ok<QuarantineList>('quarantine.list', { states: ['discarded'] })).items.map((i) => i.id)).toEqual([id]);
    expect(await dispatch('quarantine.reimport', { id, raw: '{}' })).toMatchObject({ ok: false, error: { code: 'quarantine.resolved' } });
  });
});
