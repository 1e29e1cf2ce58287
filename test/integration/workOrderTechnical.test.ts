// A supervisor orders work with what the fitter needs — the cabinet, the cable, the short-circuit fuse, the
// framework agreement's item — and they are stored on the order, sent to the central service with it, and printed
// on the work order with its readable number. Out-of-range values are refused before anything is stored.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttachmentStore } from '../../core/attachments/attachmentStore';
import { fixedClock } from '../../core/clock';
import { createCore, type Core } from '../../core/createCore';
import { openLocalDatabase } from '../../core/db/openLocalDatabase';
import { seedDatabase } from '../../core/demo/seedDatabase';
import { ChromiumPdfRenderer } from '../../harness/chromiumPdfRenderer';
import type { OrderWorkResult } from '../../shared/contract';
import { ok } from '../support/apiResult';

const MIGRATIONS = path.resolve(__dirname, '../../db/local/migrations');
const TECHNICAL = {
  cabinetId: 'KS-4204-0815', cableType: 'TFXP 4x95 Al', cableCrossSectionMm2: 95, shortCircuitFuseA: 125,
  frameworkItem: 'Post 2.3 Tilkobling av stikkledning i kabelskap',
};

describe('work order facts for the fitter', () => {
  let directory: string;
  let renderer: ChromiumPdfRenderer;
  let supervisor: Core;

  beforeAll(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'work-order-technical-'));
    const file = path.join(directory, 'desk.sqlite');
    const seeded = openLocalDatabase({ file, migrationsFolder: MIGRATIONS });
    seedDatabase(seeded.sqlite, { cases: 30, seed: 5, today: '2026-11-27', attachmentStore: new AttachmentStore(path.join(directory, 'att')) });
    // A new house in Kristiansand whose installer may do no grid work: both works go to the area supplier.
    const { installer_id } = seeded.sqlite.prepare('SELECT installer_id FROM cases WHERE id = 1').get() as { installer_id: number };
    seeded.sqlite.prepare(`UPDATE cases SET request_type = 'new_installation', main_fuse_a = 40, has_production = 0,
      municipality_number = '4204', work_routing = '{}', status = 'paid' WHERE id = 1`).run();
    seeded.sqlite.prepare('DELETE FROM prequalifications WHERE installer_id = ?').run(installer_id);
    seeded.close();
    renderer = new ChromiumPdfRenderer();
    supervisor = createCore({
      databaseFile: file, migrationsFolder: MIGRATIONS, attachmentsDirectory: path.join(directory, 'att'),
      host: { openFile: async () => {} }, clock: fixedClock('2026-11-27T09:00:00Z'), userId: 'marit.rosseland', pdfRenderer: renderer,
    });
  });
  afterAll(async () => {
    await supervisor?.close();
    await renderer?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const sqlite = () => supervisor.database.sqlite;

  it('refuses a cross-section or a fuse out of range, storing nothing', async () => {
    for (const technical of [{ cableCrossSectionMm2: 0 }, { shortCircuitFuseA: 5000 }, { cabinetId: '' }, { colour: 'red' }]) {
      const result = await supervisor.dispatch('case.orderWork', { caseId: 1, workKind: 'service_cable_connection', technical });
      expect(result.ok, JSON.stringify(technical)).toBe(false);
    }
    expect(sqlite().prepare('SELECT count(*) AS n FROM work_orders').get()).toEqual({ n: 0 });
  });

  it('stores them on the order, sends them with it, and prints them on the letter with its number', async () => {
    const placed = ok<OrderWorkResult>(await supervisor.dispatch('case.orderWork', {
      caseId: 1, workKind: 'service_cable_connection', technical: TECHNICAL,
    }));
    expect(sqlite().prepare(`SELECT cabinet_id, cable_type, cable_cross_section_mm2, short_circuit_fuse_a, framework_item
      FROM work_orders WHERE id = ?`).get(placed.orderId)).toEqual({
      cabinet_id: 'KS-4204-0815', cable_type: 'TFXP 4x95 Al', cable_cross_section_mm2: 95, short_circuit_fuse_a: 125,
      framework_item: 'Post 2.3 Tilkobling av stikkledning i kabelskap',
    });
    const { args } = sqlite().prepare("SELECT args FROM outbox WHERE mutation = 'case.orderWork'").get() as { args: string };
    expect(JSON.parse(args)).toMatchObject({ technical: TECHNICAL });

    const { sha256 } = sqlite().prepare('SELECT sha256 FROM attachments WHERE id = ?').get(placed.pdfAttachmentId) as { sha256: string };
    const text = execFileSync('pdftotext', ['-layout', new AttachmentStore(path.join(directory, 'att')).pathOf(sha256), '-'], { encoding: 'utf8' })
      .replace(/\s+/g, ' ');
    const { case_number: caseNumber } = sqlite().prepare('SELECT case_number FROM cases WHERE id = 1').get() as { case_number: string };
    expect(text).toContain(`Arbeidsordre AO-${caseNumber} – Tilkobling av stikkledning`);
    expect(text).toContain('Kabelskap KS-4204-0815');
    expect(text).toContain('Kabel TFXP 4x95 Al, 95 mm²');
    expect(text).toContain('Kortslutningsvern 125 A');
    expect(text).toContain('Rammeavtalens post Post 2.3 Tilkobling av stikkledning i kabelskap');
    expect(text).toContain('avtales med driftssentralen');
  });

  it('numbers the case’s second order -2, and prints nothing for facts not given', async () => {
    // The ferdigmelding has come in: the meter mounting is released (rules/workRelease.ts).
    sqlite().prepare("UPDATE cases SET status = 'completion_reported' WHERE id = 1").run();
    sqlite().prepare(`INSERT INTO case_events (case_id, at, actor_id, kind, data)
      VALUES (1, '2026-11-26T10:00:00.000Z', 'system:import', 'status_changed', '{"from":"paid","to":"completion_reported"}')`).run();
    const placed = ok<OrderWorkResult>(await supervisor.dispatch('case.orderWork', { caseId: 1, workKind: 'direct_meter_mounting' }));
    const { sha256 } = sqlite().prepare('SELECT sha256 FROM attachments WHERE id = ?').get(placed.pdfAttachmentId) as { sha256: string };
    const text = execFileSync('pdftotext', ['-layout', new AttachmentStore(path.join(directory, 'att')).pathOf(sha256), '-'], { encoding: 'utf8' })
      .replace(/\s+/g, ' ');
    expect(text).toMatch(/Arbeidsordre AO-\d{4}-\d{6}-2 – Montering av direktemålt måler/);
    expect(text).not.toContain('Kabelskap');
    expect(text).not.toContain('Kortslutningsvern');
  });
});
