// Writes a read prequalification register file into a database. The file is the grid company's whole register as
// of its date, per installer: for every installer in the file, its prequalifications become exactly the file's rows
// for it — a period already stored is kept, one whose dates changed is updated in place (same category), new ones
// are added, and the ones the file no longer has are removed (centrally marked deleted = true, so synced caches drop
// them). Installers not in the file are not touched. An organisation number the desk has no installer for is added
// as an installer when the file gives a name (its DSB status taken from dsb_register when that has it), and
// otherwise reported, its rows left out.
import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { PrequalificationCategory } from '../../shared/rules';
import type { PrequalificationEntry } from './prequalificationFile';

export interface UnknownInstaller {
  organisationNumber: string;
  /** The file lines (or JSON positions) of its rows, none of which were loaded. */
  lines: number[];
}

export interface PrequalificationLoadSummary {
  /** Installers whose prequalifications the file set (including the ones added). */
  installers: number;
  installersAdded: number;
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Organisation numbers with no installer and no name in the file to add one by. */
  unknownInstallers: UnknownInstaller[];
}

interface Period {
  category: PrequalificationCategory;
  validFrom: string;
  validTo: string;
}

interface StoredPeriod extends Period {
  id: number;
}

interface InstallerRows {
  organisationNumber: string;
  name: string | null;
  lines: number[];
  periods: Period[];
}

const periodKey = (p: Period) => `${p.category}/${p.validFrom}/${p.validTo}`;

/** The file's rows per organisation number, in file order; the same period twice counts once; the first name wins. */
function byInstaller(entries: readonly PrequalificationEntry[]): InstallerRows[] {
  const groups = new Map<string, InstallerRows & { keys: Set<string> }>();
  for (const entry of entries) {
    let group = groups.get(entry.organisationNumber);
    if (!group) {
      group = { organisationNumber: entry.organisationNumber, name: null, lines: [], periods: [], keys: new Set() };
      groups.set(entry.organisationNumber, group);
    }
    group.name ??= entry.name;
    group.lines.push(entry.line);
    const period = { category: entry.category, validFrom: entry.validFrom, validTo: entry.validTo };
    if (!group.keys.has(periodKey(period))) {
      group.keys.add(periodKey(period));
      group.periods.push(period);
    }
  }
  return [...groups.values()].map(({ keys: _keys, ...group }) => group);
}

interface Plan {
  unchanged: number;
  update: Array<{ id: number; period: Period }>;
  insert: Period[];
  remove: number[];
}

/** What turns the stored periods into the wanted ones, keeping ids where it can (a renewal updates the row). */
export function planReplacement(stored: readonly StoredPeriod[], wanted: readonly Period[]): Plan {
  const left = [...stored].sort((a, b) => a.id - b.id);
  const take = (match: (p: StoredPeriod) => boolean): StoredPeriod | undefined => {
    const index = left.findIndex(match);
    return index < 0 ? undefined : left.splice(index, 1)[0];
  };
  let unchanged = 0;
  const rest: Period[] = [];
  for (const period of wanted) {
    if (take((s) => periodKey(s) === periodKey(period))) unchanged += 1;
    else rest.push(period);
  }
  const update: Plan['update'] = [];
  const insert: Period[] = [];
  for (const period of rest) {
    const same = take((s) => s.category === period.category);
    if (same) update.push({ id: same.id, period });
    else insert.push(period);
  }
  return { unchanged, update, insert, remove: left.map((s) => s.id) };
}

const emptySummary = (): PrequalificationLoadSummary => ({
  installers: 0,
  installersAdded: 0,
  added: 0,
  updated: 0,
  unchanged: 0,
  removed: 0,
  unknownInstallers: [],
});

function count(summary: PrequalificationLoadSummary, plan: Plan): void {
  summary.installers += 1;
  summary.unchanged += plan.unchanged;
  summary.updated += plan.update.length;
  summary.added += plan.insert.length;
  summary.removed += plan.remove.length;
}

export function loadPrequalificationsIntoSqlite(
  sqlite: Database.Database,
  entries: readonly PrequalificationEntry[],
): PrequalificationLoadSummary {
  const summary = emptySummary();
  const installerId = sqlite.prepare('SELECT id FROM installers WHERE organisation_number = ?').pluck();
  const addInstaller = sqlite.prepare(
    `INSERT INTO installers (organisation_number, name, dsb_registration_id, dsb_status)
     VALUES (@organisationNumber, @name,
       (SELECT registration_id FROM dsb_register WHERE organisation_number = @organisationNumber),
       (SELECT status FROM dsb_register WHERE organisation_number = @organisationNumber))`,
  );
  const stored = sqlite.prepare(
    'SELECT id, category, valid_from AS validFrom, valid_to AS validTo FROM prequalifications WHERE installer_id = ?',
  );
  const update = sqlite.prepare('UPDATE prequalifications SET valid_from = @validFrom, valid_to = @validTo WHERE id = @id');
  const insert = sqlite.prepare(
    'INSERT INTO prequalifications (installer_id, category, valid_from, valid_to) VALUES (@installerId, @category, @validFrom, @validTo)',
  );
  const remove = sqlite.prepare('DELETE FROM prequalifications WHERE id = ?');
  sqlite.transaction(() => {
    for (const group of byInstaller(entries)) {
      let id = installerId.get(group.organisationNumber) as number | undefined;
      if (id === undefined) {
        if (group.name === null) {
          summary.unknownInstallers.push({ organisationNumber: group.organisationNumber, lines: group.lines });
          continue;
        }
        id = Number(addInstaller.run({ organisationNumber: group.organisationNumber, name: group.name }).lastInsertRowid);
        summary.installersAdded += 1;
      }
      const plan = planReplacement(stored.all(id) as StoredPeriod[], group.periods);
      for (const { id: rowId, period } of plan.update) update.run({ id: rowId, validFrom: period.validFrom, validTo: period.validTo });
      for (const period of plan.insert) insert.run({ installerId: id, ...period });
      for (const rowId of plan.remove) remove.run(rowId);
      count(summary, plan);
    }
  })();
  return summary;
}

/**
 * The same on the central database, as its owner (the app's roles may only read the register), in one transaction.
 * Removed periods become tombstones (deleted = true); every write takes a new version, so caches pull it.
 */
export async function loadPrequalificationsIntoCentral(
  client: pg.ClientBase,
  entries: readonly PrequalificationEntry[],
): Promise<PrequalificationLoadSummary> {
  const summary = emptySummary();
  await client.query('BEGIN');
  try {
    for (const group of byInstaller(entries)) {
      const found = await client.query<{ id: string }>('SELECT id FROM installers WHERE organisation_number = $1 FOR UPDATE', [
        group.organisationNumber,
      ]);
      let id = found.rows[0]?.id;
      if (id === undefined) {
        if (group.name === null) {
          summary.unknownInstallers.push({ organisationNumber: group.organisationNumber, lines: group.lines });
          continue;
        }
        const added = await client.query<{ id: string }>(
          `INSERT INTO installers (organisation_number, name, dsb_registration_id, dsb_status)
           VALUES ($1, $2, (SELECT registration_id FROM dsb_register WHERE organisation_number = $1),
             (SELECT status FROM dsb_register WHERE organisation_number = $1))
           RETURNING id`,
          [group.organisationNumber, group.name],
        );
        id = added.rows[0].id;
        summary.installersAdded += 1;
      }
      const { rows } = await client.query<{ id: string; category: PrequalificationCategory; validFrom: string; validTo: string }>(
        `SELECT id, category, valid_from::text AS "validFrom", valid_to::text AS "validTo"
         FROM prequalifications WHERE installer_id = $1 AND NOT deleted FOR UPDATE`,
        [id],
      );
      const plan = planReplacement(
        rows.map((row) => ({ ...row, id: Number(row.id) })),
        group.periods,
      );
      for (const { id: rowId, period } of plan.update) {
        await client.query('UPDATE prequalifications SET valid_from = $2, valid_to = $3 WHERE id = $1', [rowId, period.validFrom, period.validTo]);
      }
      for (const period of plan.insert) {
        await client.query('INSERT INTO prequalifications (installer_id, category, valid_from, valid_to) VALUES ($1, $2, $3, $4)', [
          id,
          period.category,
          period.validFrom,
          period.validTo,
        ]);
      }
      if (plan.remove.length > 0) {
        await client.query('UPDATE prequalifications SET deleted = true WHERE id = ANY($1::bigint[])', [plan.remove]);
      }
      count(summary, plan);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  return summary;
}
