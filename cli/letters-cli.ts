// Renders every letter the grid company prints, one PDF per letter kind and request type, from a fresh demo
// database seeded as `npm start` seeds it, and prints the list:
//   npm run letters -- --out <dir> [--today 2026-11-28]
// The database lives in a temporary folder and is removed afterwards; only the PDFs are kept, with letters.json
// naming each file's kind, request type, case and addressee (what the letters test checks the window against).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AttachmentStore } from '../core/attachments/attachmentStore';
import { fixedClock } from '../core/clock';
import { createCore } from '../core/createCore';
import { openLocalDatabase } from '../core/db/openLocalDatabase';
import {
  SAMPLE_APPROVAL_CONDITIONS, SAMPLE_MISSING_ITEMS_FALLBACK, SAMPLE_REJECTION_REASON, sampleWorkOrderTechnical,
} from '../core/demo/letterSamples';
import { DEFAULT_DEMO_TODAY, seedDatabase } from '../core/demo/seedDatabase';
import { letterFiles } from '../core/letters/letterKinds';
import { LetterSource } from '../core/letters/letterSource';
import { loadLetterhead } from '../core/offers/letterhead';
import { recipientLinesOf } from '../core/offers/letterLayout';
import { ChromiumPdfRenderer } from '../harness/chromiumPdfRenderer';
import { DEMO_CASES, DEMO_SEED } from '../core/standalone';

/** How many cases of a request type to try, newest first, before giving up on a letter (no supplier covers it, …). */
const CANDIDATES_PER_TYPE = 25;

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    today: { type: 'string', default: DEFAULT_DEMO_TODAY },
  },
});
if (!values.out) throw new Error('Say where the letters go: npm run letters -- --out <dir>');
if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new Error(`--today must be YYYY-MM-DD: ${values.today}`);
const today = values.today;
const out = path.resolve(values.out);
mkdirSync(out, { recursive: true });

const work = mkdtempSync(path.join(os.tmpdir(), 'letters-'));
const databaseFile = path.join(work, 'desk.sqlite');
const migrationsFolder = path.resolve(__dirname, '../db/local/migrations');
const attachments = new AttachmentStore(path.join(work, 'attachments'));
const renderer = new ChromiumPdfRenderer();

async function main(): Promise<void> {
  const seeding = openLocalDatabase({ file: databaseFile, migrationsFolder });
  try {
    seedDatabase(seeding.sqlite, { cases: DEMO_CASES, seed: DEMO_SEED, today, attachmentStore: attachments });
  } finally {
    seeding.close();
  }
  const core = createCore({
    databaseFile, migrationsFolder, attachmentsDirectory: path.join(work, 'attachments'),
    host: { openFile: async () => undefined }, clock: fixedClock(`${today}T10:00:00Z`), pdfRenderer: renderer,
  });
  try {
    const source = new LetterSource(core.context, { attachments, renderer: () => renderer, letterhead: loadLetterhead(), today }, {
      approvalConditions: SAMPLE_APPROVAL_CONDITIONS,
      rejectionReason: SAMPLE_REJECTION_REASON,
      missingItems: SAMPLE_MISSING_ITEMS_FALLBACK,
      workOrderTechnical: (facts, kind, siteMap) => sampleWorkOrderTechnical(facts.municipalityNumber, facts.caseNumber, kind, siteMap),
    });
    const candidates = core.context.sqlite.prepare(
      `SELECT id, case_number FROM cases WHERE request_type = ? AND installer_id IS NOT NULL ORDER BY id DESC LIMIT ${CANDIDATES_PER_TYPE}`,
    );
    const missing: string[] = [];
    const manifest: Array<{ file: string; kind: string; requestType: string; caseNumber: string; recipient: string[] }> = [];
    for (const { letter, requestType, fileName } of letterFiles()) {
      const cases = candidates.all(requestType) as Array<{ id: number; case_number: string }>;
      let made: { c: (typeof cases)[number]; html: string } | null = null;
      for (const c of cases) {
        const html = letter.html(source, c.id);
        if (html !== null) {
          made = { c, html };
          break;
        }
      }
      if (!made) {
        missing.push(fileName);
        continue;
      }
      writeFileSync(path.join(out, fileName), await renderer.render(made.html));
      manifest.push({
        file: fileName, kind: letter.kind, requestType, caseNumber: made.c.case_number, recipient: recipientLinesOf(made.html),
      });
      console.log(`${fileName.padEnd(58)} ${letter.label}, sak ${made.c.case_number}`);
    }
    writeFileSync(path.join(out, 'letters.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    if (missing.length > 0) {
      console.error(`No demo case could carry: ${missing.join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    await core.close();
  }
}

main()
  .finally(async () => {
    await renderer.close();
    rmSync(work, { recursive: true, force: true });
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
