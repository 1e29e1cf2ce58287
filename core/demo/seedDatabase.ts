// Fills an empty local database with a deterministic demo: the same seed, size and "today" always give
// the same rows. Rows are written directly with prepared statements in large transactions, not through
// runMutation: seeding is not a user's action and must not fill the outbox.
import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AGDER_MUNICIPALITIES, DEFAULT_COMPLETENESS_RULE_SETS } from '../../shared/rules';
import type { AttachmentStore } from '../attachments/attachmentStore';
import { storeCompanySettingDefaults } from '../casework/companySettings';
import { storeCompletenessRules } from '../casework/completenessService';
import { writeMeta } from '../db/openLocalDatabase';
import { demoPriceLists } from '../pricing/demoPriceList';
import { storePriceLists } from '../pricing/priceListStore';
import { generateAreaSuppliers } from './areaSuppliers';
import { SAMPLE_FILES, type SampleFile } from './caseAttachments';
import { CaseRowFactory, type CaseRows, type StoredSample } from './caseRows';
import { DemoCalendar, dayOfIso } from './demoCalendar';
import { DemoOfferMaker } from './demoOffers';
import { generateInstallers, generatePrequalifications, installerCountFor, installerPicker } from './installers';
import { Random } from './random';
import { loadDsbRegisterIntoSqlite } from '../registers/dsbRegisterStore';
import { dropSeedStaging, prepareSeedStatements, type SeedStatements } from './seedStatements';
import { CURRENT_DEMO_USER_ID, DEMO_USERS, userEmail } from './staff';
import { HISTORY_DAYS, NOW_LOCAL_SECOND, SubmissionSchedule } from './submissionSchedule';

export const DEFAULT_DEMO_TODAY = '2026-11-28';
const STAGING_CHUNK = 1_000;

export interface SeedOptions {
  cases: number;
  seed: number;
  /** The demo's "today" (YYYY-MM-DD); cases are submitted over the two years before it. */
  today?: string;
  attachmentStore: AttachmentStore;
  /** Where the sample attachment files are; by default resources/demo-attachments of the source tree or build. */
  sampleFilesDirectory?: string;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export class DatabaseNotEmptyError extends Error {
  constructor(readonly existingCases: number) {
    super(`The database already holds data (${existingCases} cases): seed an empty database file.`);
    this.name = 'DatabaseNotEmptyError';
  }
}

/** The sample files ship in resources/; where that is depends on whether we run from source or a build. */
function findSampleFilesDirectory(explicit: string | undefined): string {
  const candidates = explicit ? [explicit] : [
    path.resolve(__dirname, '../../resources/demo-attachments'),
    path.resolve(__dirname, '../../resources/demo-attachments'),
    path.resolve('resources', 'demo-attachments'),
  ];
  const found = candidates.find((directory) => existsSync(path.join(directory, SAMPLE_FILES.site_map.file)));
  if (!found) throw new Error(`No demo attachment files found; looked in ${candidates.join(', ')}`);
  return found;
}

function storeSamples(store: AttachmentStore, directory: string): Record<SampleFile, StoredSample> {
  const stored = {} as Record<SampleFile, StoredSample>;
  for (const [sample, { file }] of Object.entries(SAMPLE_FILES) as [SampleFile, { file: string }][]) {
    stored[sample] = store.put(path.join(directory, file));
  }
  return stored;
}

function insertReferenceData(statements: SeedStatements, random: Random, caseCount: number, today: string) {
  for (const m of AGDER_MUNICIPALITIES) statements.municipality.run(m.number, m.name);
  for (const u of DEMO_USERS) statements.user.run(u.id, u.displayName, u.role, userEmail(u), u.active ? 1 : 0);
  const installers = generateInstallers(random.fork('installers'), installerCountFor(caseCount));
  for (const i of installers) {
    statements.installer.run(i.id, i.organisationNumber, i.name, i.dsbRegistrationId, i.dsbStatus, i.email, i.phone,
      i.contactPerson);
  }
  for (const p of generatePrequalifications(random.fork('prequalifications'), installers, today)) {
    statements.prequalification.run(p.installerId, p.category, p.validFrom, p.validTo);
  }
  for (const s of generateAreaSuppliers(random.fork('areaSuppliers'))) {
    statements.areaSupplier.run(s.id, s.organisationNumber, s.name, s.contactPerson, s.email, s.phone,
      JSON.stringify(s.agreementWork));
    for (const m of s.municipalityNumbers) statements.areaSupplierMunicipality.run(s.id, m);
  }
  return installers;
}

export function seedDatabase(sqlite: Database.Database, options: SeedOptions): { cases: number; ms: number } {
  const started = performance.now();
  const today = options.today ?? DEFAULT_DEMO_TODAY;
  const batchSize = options.batchSize ?? 5_000;
  const { n: existing } = sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number };
  const { n: installersPresent } = sqlite.prepare('SELECT count(*) AS n FROM installers').get() as { n: number };
  if (existing > 0 || installersPresent > 0) throw new DatabaseNotEmptyError(existing);

  const samples = storeSamples(options.attachmentStore, findSampleFilesDirectory(options.sampleFilesDirectory));
  const random = new Random(options.seed);
  const statements = prepareSeedStatements(sqlite);
  try {
    const todayDay = dayOfIso(today);
    const calendar = new DemoCalendar(todayDay - HISTORY_DAYS - 7, todayDay + 400);
    const now = calendar.toMs(todayDay, NOW_LOCAL_SECOND);
    const installers = sqlite.transaction(() => {
      const generated = insertReferenceData(statements, random.fork('reference'), options.cases, today);
      // DSB's register as of today, agreeing with each installer's status; a firm without one is not in it.
      loadDsbRegisterIntoSqlite(sqlite, generated.flatMap((i) => (i.dsbStatus === null ? [] : [{
        organisationNumber: i.organisationNumber, name: i.name, registrationId: i.dsbRegistrationId, status: i.dsbStatus,
        asOf: today, line: i.id }])));
      // Company practice as data: the shipped completeness rules and settings, for the company to change.
      storeCompletenessRules(sqlite, { ruleSets: DEFAULT_COMPLETENESS_RULE_SETS }, new Date(now).toISOString());
      storeCompanySettingDefaults(sqlite);
      storePriceLists(sqlite, demoPriceLists(), new Date(now).toISOString());
      writeMeta(sqlite, 'current_user_id', CURRENT_DEMO_USER_ID);
      writeMeta(sqlite, 'demo_seed', JSON.stringify({ seed: options.seed, cases: options.cases, today }));
      return generated;
    })();
    const schedule = new SubmissionSchedule(calendar, random.fork('submissions'), options.cases, todayDay);
    const factory = new CaseRowFactory(random.fork('cases'), calendar, now, todayDay,
      SubmissionSchedule.yearStartOffset(options.cases, todayDay - HISTORY_DAYS), installerPicker(installers), samples,
      new DemoOfferMaker(demoPriceLists(), options.attachmentStore));
    // Cases go through the staging table a thousand at a time: fewer rows held in memory, less garbage.
    const writeChunk = (from: number, to: number) => {
      const details: CaseRows[] = [];
      for (let n = from; n < to; n++) {
        const rows = factory.build(n + 1, schedule.next(n));
        statements.stageCase.run(rows.caseRow);
        details.push(rows);
      }
      statements.moveStagedCases.run();
      statements.clearStagedCases.run();
      for (const rows of details) {
        for (const event of rows.events) statements.event.run(event);
        for (const note of rows.notes) statements.note.run(note);
        for (const attachment of rows.attachments) statements.attachment.run(attachment);
        for (const offer of rows.offers) statements.offer.run(offer);
        for (const billing of rows.billing) statements.billingEvent.run([...billing, 'applied']);
      }
    };
    const writeBatch = sqlite.transaction((from: number, to: number) => {
      for (let chunk = from; chunk < to; chunk += STAGING_CHUNK) writeChunk(chunk, Math.min(to, chunk + STAGING_CHUNK));
    });
    for (let from = 0; from < options.cases; from += batchSize) {
      const to = Math.min(options.cases, from + batchSize);
      writeBatch(from, to);
      options.onProgress?.(to, options.cases);
    }
  } finally {
    dropSeedStaging(sqlite);
  }
  // After a bulk load: merge the search index into one segment and give the planner fresh statistics.
  sqlite.exec("INSERT INTO case_search (case_search) VALUES ('optimize')");
  sqlite.exec('ANALYZE');
  return { cases: options.cases, ms: Math.round(performance.now() - started) };
}
