// The queue's indexes (bitsets, kept sort orders, the in-memory word index, SQL while loading) against the plainest
// possible answer: every case read into an array, filtered, counted and sorted in a loop. Random filters, searches,
// sorts and pages over the demo cases, then again after random changes to random cases; every kind of question
// must have been asked at least once, so a generator that stopped producing one cannot hide a broken path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_QUEUE_FILTERS, QUEUE_SORT_KEYS, type QueueFilters, type QueueSortKey } from '../../shared/contract';
import { CASE_STATUSES, CLOCK_RUNNING_STATUSES, CLOSURE_REASONS, REQUEST_TYPES } from '../../shared/rules';
import { ColdQueue, coldAnswers } from '../../core/queue/coldQueue';
import { QueueIndex, type QueueSelection } from '../../core/queue/queueIndex';
import { SearchHits } from '../../core/queue/searchHits';
import { SearchIndex } from '../../core/queue/searchIndex';
import { searchTerms } from '../../core/queue/searchQuery';
import { HARNESS_NOW, startHarnessCore, type HarnessCore } from '../../harness/harnessCore';

let harness: HarnessCore;
const TODAY = HARNESS_NOW.slice(0, 10);
beforeAll(() => {
  harness = startHarnessCore({ cases: 1_500 });
});
afterAll(() => harness.dispose());

interface PlainCase {
  id: number;
  status: string;
  type: string;
  municipality: string;
  assignee: string | null;
  assigneeName: string | null;
  due: string | null;
  submitted: string;
  address: string;
  installer: string;
  closure: string | null;
  offerValidUntil: string | null;
  flagged: number;
  text: string;
}

const PLAIN_SQL = `SELECT c.id, c.status, c.request_type AS type, c.municipality_number AS municipality, c.assignee_id AS assignee,
  coalesce(u.display_name, c.assignee_id) AS assigneeName, c.due_date AS due, c.submitted_at AS submitted, c.address,
  coalesce(i.name, '') AS installer, c.closure_reason AS closure,
  (SELECT max(o.valid_until) FROM offers o WHERE o.case_id = c.id AND o.state = 'issued') AS offerValidUntil,
  EXISTS (SELECT 1 FROM billing_events b WHERE b.case_id = c.id AND b.outcome = 'flagged' AND b.resolved_at IS NULL) AS flagged,
  c.case_number || ' ' || c.address || ' ' || c.postcode || ' ' || c.post_town || ' ' || coalesce(m.name, '') || ' ' ||
    coalesce(c.owner_name, '') || ' ' || coalesce(i.name, '') || ' ' || c.metering_point_ids || ' ' || c.meter_numbers AS text
  FROM cases c LEFT JOIN installers i ON i.id = c.installer_id LEFT JOIN users u ON u.id = c.assignee_id
  LEFT JOIN municipalities m ON m.number = c.municipality_number`;

const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });
const clockRunning = new Set<string>(CLOCK_RUNNING_STATUSES);
const wordsOf = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** The answer by brute force. */
function plainSelect(
  cases: PlainCase[],
  filters: QueueFilters,
  sort: { key: QueueSortKey; direction: 'asc' | 'desc' },
  offset: number,
  limit: number,
  userId: string,
  terms: string[] | null,
): QueueSelection {
  const overdue = (c: PlainCase) => c.due !== null && c.due.slice(0, 10) < TODAY && clockRunning.has(c.status);
  const expired = (c: PlainCase) =>
    c.status === 'offer_sent' && c.offerValidUntil !== null && c.offerValidUntil.slice(0, 10) < TODAY;
  const base = cases.filter(
    (c) =>
      (terms === null || terms.every((t) => wordsOf(c.text).some((w) => w.startsWith(t)))) &&
      (filters.types.length === 0 || (filters.types as string[]).includes(c.type)) &&
      (filters.closureReasons.length === 0 || (filters.closureReasons as string[]).includes(c.closure ?? '')) &&
      (filters.municipalities.length === 0 || filters.municipalities.includes(c.municipality)) &&
      (filters.assignment !== 'mine' || c.assignee === userId) &&
      (filters.assignment !== 'unassigned' || c.assignee === null),
  );
  const flagged = base.filter(
    (c) =>
      (!filters.overdueOnly || overdue(c)) &&
      (!filters.waitingOnly || c.status === 'waiting_for_info') &&
      (!filters.offersExpiredOnly || expired(c)) &&
      (!filters.billingFlaggedOnly || c.flagged === 1),
  );
  const byStatus = Object.fromEntries(CASE_STATUSES.map((s) => [s, flagged.filter((c) => c.status === s).length]));
  const listed = flagged.filter((c) => filters.statuses.length === 0 || (filters.statuses as string[]).includes(c.status));
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const value = (c: PlainCase): string | number | null => {
    switch (sort.key) {
      case 'due':
        return c.due === null ? null : c.due.slice(0, 10);
      case 'assignee':
        return c.assigneeName;
      default:
        return 0;
    }
  };
  const primary = (a: PlainCase, b: PlainCase): number => {
    switch (sort.key) {
      case 'received':
        return text(a.submitted, b.submitted);
      case 'type':
        return REQUEST_TYPES.indexOf(a.type as never) - REQUEST_TYPES.indexOf(b.type as never) || text(a.submitted, b.submitted);
      case 'status':
        return CASE_STATUSES.indexOf(a.status as never) - CASE_STATUSES.indexOf(b.status as never) || text(a.submitted, b.submitted);
      case 'address':
        return collator.compare(a.address, b.address);
      case 'installer':
        return collator.compare(a.installer, b.installer);
      case 'due':
        return text(value(a) as string, value(b) as string);
      case 'assignee':
        return collator.compare(value(a) as string, value(b) as string);
    }
  };
  const withValue = listed.filter((c) => value(c) !== null).sort((a, b) => primary(a, b) || a.id - b.id);
  const without = listed.filter((c) => value(c) === null).sort((a, b) => a.id - b.id);
  if (sort.direction === 'desc') withValue.reverse();
  const ordered = [...withValue, ...without];
  return {
    total: listed.length,
    pageIds: ordered.slice(offset, offset + limit).map((c) => c.id),
    byStatus: byStatus as QueueSelection['byStatus'],
    overdue: base.filter(overdue).length,
    waiting: base.filter((c) => c.status === 'waiting_for_info').length,
    offersExpired: base.filter(expired).length,
    billingFlagged: base.filter((c) => c.flagged === 1).length,
  };
}

/** A small deterministic random generator (mulberry32). */
function randomFrom(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(values: readonly T[]): T => values[int(values.length)];
  const some = <T,>(values: readonly T[], most = 3): T[] => [...new Set(Array.from({ length: 1 + int(most) }, () => pick(values)))];
  return { chance: (p: number) => next() < p, int, pick, some };
}

describe('the queue indexes against a plain scan', () => {
  it('give the same pages, totals and counts for random questions, before and after random changes', () => {
    const sqlite = harness.core.database.sqlite;
    const random = randomFrom(15);
    const installerName = sqlite.prepare('SELECT name FROM installers WHERE id = ?').pluck();
    const userName = sqlite.prepare('SELECT display_name FROM users WHERE id = ?').pluck();
    const names = {
      installer: (id: number) => String(installerName.get(id) ?? ''),
      user: (id: string) => (userName.get(id) as string | undefined) ?? id,
    };
    // Small chunks, so that loading in steps is what runs.
    const index = new QueueIndex(sqlite, names, 97);
    const searchIndex = new SearchIndex(sqlite, 89);
    const search = new SearchHits(sqlite, searchIndex);
    const cold = new ColdQueue(sqlite);
    const users = sqlite.prepare('SELECT id FROM users').pluck().all() as string[];
    const userId = sqlite
      .prepare('SELECT assignee_id FROM cases WHERE assignee_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1')
      .pluck()
      .get() as string;
    const municipalities = [...(sqlite.prepare('SELECT DISTINCT municipality_number FROM cases').pluck().all() as string[]), '9999'];
    let cases = sqlite.prepare(PLAIN_SQL).all() as PlainCase[];
    const ran = new Map<string, number>();
    const ranA = (kind: string) => ran.set(kind, (ran.get(kind) ?? 0) + 1);

    const randomSearch = (): string => {
      const words = wordsOf(random.pick(cases).text);
      const cut = (word: string) => word.slice(0, 2 + random.int(Math.max(1, word.length - 1)));
      switch (random.int(6)) {
        case 0: {
          const word = random.pick(words.filter((w) => /\p{L}/u.test(w)));
          ranA('search: a word');
          return cut(word);
        }
        case 1: {
          const number = random.pick(words.filter((w) => /^\d+$/.test(w)));
          ranA(number.length > 4 ? 'search: an identifier' : 'search: a short number');
          return cut(number);
        }
        case 2:
          ranA('search: two words');
          return `${cut(random.pick(words))} ${random.pick(words).slice(0, 1)}`;
        case 3: {
          const id = words.find((w) => w.startsWith('7070575000'));
          ranA('search: a metering point ID');
          return id ? id.slice(0, 11 + random.int(8)) : '7070575000';
        }
        case 4:
          ranA('search: nothing found');
          return 'qqzx';
        default:
          ranA('search: common prefix');
          return random.pick(['kr', 'kristiansand', 'elektro', 'el', 'ar', '20', '46', '4']);
      }
    };

    const randomFilters = (): QueueFilters => {
      const filters: QueueFilters = { ...NO_QUEUE_FILTERS };
      if (random.chance(0.4)) filters.statuses = random.some(CASE_STATUSES);
      if (random.chance(0.3)) filters.types = random.some(REQUEST_TYPES);
      if (random.chance(0.15)) filters.closureReasons = random.some(CLOSURE_REASONS, 2);
      if (random.chance(0.3)) filters.municipalities = random.some(municipalities, 4);
      if (random.chance(0.3)) filters.assignment = random.pick(['mine', 'unassigned'] as const);
      filters.overdueOnly = random.chance(0.15);
      filters.waitingOnly = random.chance(0.1);
      filters.offersExpiredOnly = random.chance(0.1);
      filters.billingFlaggedOnly = random.chance(0.1);
      if (random.chance(0.4)) filters.search = randomSearch();
      for (const [kind, on] of Object.entries({
        statuses: filters.statuses.length > 0,
        types: filters.types.length > 0,
        closureReasons: filters.closureReasons.length > 0,
        municipalities: filters.municipalities.length > 0,
        mine: filters.assignment === 'mine',
        unassigned: filters.assignment === 'unassigned',
        overdueOnly: filters.overdueOnly,
        waitingOnly: filters.waitingOnly,
        offersExpiredOnly: filters.offersExpiredOnly,
        billingFlaggedOnly: filters.billingFlaggedOnly,
      }))
        if (on) ranA(`filter: ${kind}`);
      return filters;
    };

    // Which of the cold queue's ways a question goes (coldQueue.ts): by the indexes of cases in work alone, or with
    // closed and rejected cases counted from the overview's counts, or by a pass over the table.
    const coldWay = (filters: QueueFilters): string => {
      if (filters.overdueOnly || filters.waitingOnly) return 'cold: in work only';
      const byTypeAlone = filters.municipalities.length === 0 && filters.closureReasons.length === 0 && filters.assignment === 'all';
      return byTypeAlone ? 'cold: ended counted from the overview' : 'cold: ended counted by a pass';
    };

    const ask = (when: string, coldAsked = when === 'while loading') => {
      const filters = randomFilters();
      const sort = { key: random.pick(QUEUE_SORT_KEYS), direction: random.pick(['asc', 'desc'] as const) };
      if (coldAsked) {
        // What the first page asks before the index is in: SQL answers it.
        Object.assign(filters, { search: '', offersExpiredOnly: false, billingFlaggedOnly: false });
        sort.key = 'received';
      }
      const offset = random.chance(0.3) ? random.int(400) : 0;
      const limit = 1 + random.int(150);
      // What the typed text means (which words count) is searchQuery.ts's; how cases are found is the index's.
      const expected = plainSelect(cases, filters, sort, offset, limit, userId, searchTerms(filters.search));
      const query = { filters, sort, offset, limit, userId, today: TODAY };
      const label = JSON.stringify({ when, ...query });
      if ((coldAsked || !index.isLoaded) && coldAnswers(query)) {
        const { total, pageIds } = cold.page({ ...query, searchHits: null });
        expect({ ...cold.counts(query), total, pageIds }, label).toEqual(expected);
        ranA(`answered by SQL ${when}`);
        ranA(coldWay(filters));
        if (filters.statuses.length > 0 && filters.statuses.every((status) => status !== 'closed' && status !== 'rejected')) {
          ranA('cold: a page of cases in work');
        }
        if (random.chance(0.5)) index.loadStep();
        return;
      }
      if (!searchIndex.isLoaded) searchIndex.loadStep();
      ranA(searchIndex.isLoaded ? 'search from memory' : 'search from FTS while loading');
      expect(index.select({ ...query, searchHits: search.hitsFor(filters.search) }), label).toEqual(expected);
      search.invalidate(); // the loading above may have finished: ask again next time
      ranA(`sort: ${sort.key} ${sort.direction}`);
      if (offset > 0) ranA('a later page');
      ranA(when);
    };

    while (!index.isLoaded) ask('while loading');
    for (let i = 0; i < 150; i++) ask('before any change');
    const change = sqlite.prepare(
      `UPDATE cases SET status = @status, assignee_id = @assignee, due_date = @due, address = @address,
         submitted_at = coalesce(@submitted, submitted_at) WHERE id = @id`,
    );
    for (let round = 0; round < 6; round++) {
      const changed = [...new Set(Array.from({ length: 1 + random.int(40) }, () => random.pick(cases).id))];
      for (const id of changed) {
        change.run({
          id,
          status: random.pick(CASE_STATUSES),
          assignee: random.chance(0.4) ? null : random.pick([...users, userId]),
          due: random.chance(0.2) ? null : `2026-${String(1 + random.int(12)).padStart(2, '0')}-${String(1 + random.int(28)).padStart(2, '0')}`,
          address: random.chance(0.5) ? `Qvartsveien ${random.int(300)}` : random.pick(cases).address,
          submitted: random.chance(0.2) ? `2025-0${1 + random.int(9)}-1${random.int(10)}T08:00:00Z` : null,
        });
      }
      index.refresh(changed);
      searchIndex.refresh(changed);
      search.invalidate();
      cases = sqlite.prepare(PLAIN_SQL).all() as PlainCase[];
      for (let i = 0; i < 60; i++) ask('after changes');
      // The cold queue's counts of closed cases come partly from the overview's counts, which triggers keep.
      for (let i = 0; i < 20; i++) ask('after changes', true);
    }

    const kinds = [
      ...['statuses', 'types', 'closureReasons', 'municipalities', 'mine', 'unassigned', 'overdueOnly', 'waitingOnly',
        'offersExpiredOnly', 'billingFlaggedOnly'].map((k) => `filter: ${k}`),
      ...['a word', 'an identifier', 'a short number', 'two words', 'a metering point ID', 'nothing found', 'common prefix'].map(
        (k) => `search: ${k}`,
      ),
      ...QUEUE_SORT_KEYS.flatMap((key) => [`sort: ${key} asc`, `sort: ${key} desc`]),
      'answered by SQL while loading', 'answered by SQL after changes', 'cold: in work only',
      'cold: ended counted from the overview', 'cold: ended counted by a pass', 'cold: a page of cases in work',
      'search from FTS while loading', 'search from memory', 'a later page',
      'before any change', 'after changes',
    ];
    const never = kinds.filter((kind) => !ran.get(kind));
    expect(never, JSON.stringify(Object.fromEntries(ran))).toEqual([]);
  });
});
