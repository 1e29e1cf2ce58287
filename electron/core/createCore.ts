// The core: every call of the contract implemented against the local database, with no Electron in sight.
// Main and the browser harness both call `dispatch`, which validates the input before any service sees it.
import { randomUUID } from 'node:crypto';
import { ZodError } from 'zod';
import {
  AppFailure,
  contract,
  type ApiName,
  type ApiResult,
  type AppError,
  type OutputOf,
  type ParsedInputOf,
  type UserSummary,
} from '../shared/contract';
import { AttachmentStore } from './attachments/attachmentStore';
import { CaseDetailService } from './cases/caseDetailService';
import { osloDate, systemClock, type Clock } from './clock';
import type { CoreContext } from './context';
import { openLocalDatabase, readMeta, type LocalDatabase } from './db/openLocalDatabase';
import { addNote, assign, setStatus } from './mutations/caseMutations';
import { runMutation } from './mutations/runMutation';
import { takeCase } from './mutations/takeCase';
import { QueueService } from './queue/queueService';

export interface CoreHost {
  /** Opens a stored attachment with the desktop's default application (or the harness's stand-in). */
  openFile(absolutePath: string, fileName: string, mimeType: string): Promise<void>;
}

export interface CoreOptions {
  databaseFile: string;
  migrationsFolder: string;
  attachmentsDirectory: string;
  host: CoreHost;
  clock?: Clock;
  nativeBinding?: string;
  /** Who is using the app; defaults to the user the database names as current (the demo's case handler). */
  userId?: string;
}

type Handlers = { [K in ApiName]: (input: ParsedInputOf<K>) => OutputOf<K> | Promise<OutputOf<K>> };

export interface Core {
  dispatch(name: string, rawInput: unknown): Promise<ApiResult<unknown>>;
  handlers: Handlers;
  database: LocalDatabase;
  context: CoreContext;
  close(): void;
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppFailure) return error.appError;
  if (error instanceof ZodError) {
    return {
      code: 'input.invalid',
      issues: error.issues.map((issue) => ({
        path: issue.path.join('.'),
        code: issue.code,
        ...('maximum' in issue ? { maximum: Number(issue.maximum) } : {}),
        ...('minimum' in issue ? { minimum: Number(issue.minimum) } : {}),
      })),
    };
  }
  return { code: 'internal' };
}

function loadUser(database: LocalDatabase, userId: string): UserSummary {
  const row = database.sqlite.prepare('SELECT id, display_name, role FROM users WHERE id = ?').get(userId) as
    | { id: string; display_name: string; role: UserSummary['role'] }
    | undefined;
  if (!row) throw new Error(`No such user in the local database: ${userId}`);
  return { id: row.id, displayName: row.display_name, role: row.role };
}

export function createCore(options: CoreOptions): Core {
  const database = openLocalDatabase({
    file: options.databaseFile,
    migrationsFolder: options.migrationsFolder,
    nativeBinding: options.nativeBinding,
  });
  const clock = options.clock ?? systemClock;
  const userId = options.userId ?? readMeta(database.sqlite, 'current_user_id');
  if (!userId) throw new Error('The local database names no current user: seed it first.');
  const user = loadUser(database, userId);
  const queue = new QueueService(database.sqlite);
  const context: CoreContext = {
    sqlite: database.sqlite,
    clientId: database.clientId,
    mode: 'standalone',
    clock,
    currentUser: () => user,
    casesChanged: (caseIds) => queue.casesChanged(caseIds),
  };
  const caseDetail = new CaseDetailService(database.sqlite);
  const attachments = new AttachmentStore(options.attachmentsDirectory);
  const today = (): string => osloDate(clock.now());
  const who = () => ({ userId: user.id, today: today() });

  const handlers: Handlers = {
    'session.get': () => ({ user, mode: context.mode, today: today() }),
    'reference.get': () => ({
      municipalities: database.sqlite.prepare('SELECT number, name FROM municipalities ORDER BY name').all() as Array<{
        number: string;
        name: string;
      }>,
      users: (
        database.sqlite
          .prepare('SELECT id, display_name, role FROM users WHERE active = 1 ORDER BY display_name')
          .all() as { id: string; display_name: string; role: UserSummary['role'] }[]
      ).map((row) => ({ id: row.id, displayName: row.display_name, role: row.role })),
    }),
    'queue.list': (input) => queue.list(input, who()),
    'queue.counts': (input) => queue.counts(input.filters, who()),
    'queue.fetchNext': () =>
      database.sqlite.transaction(() => {
        const caseId = queue.nextFreeCaseId();
        if (caseId === null) throw new AppFailure({ code: 'queue.nothingToFetch' });
        runMutation(context, takeCase, { caseId });
        const { case_number } = database.sqlite.prepare('SELECT case_number FROM cases WHERE id = ?').get(caseId) as {
          case_number: string;
        };
        return { caseId, caseNumber: case_number };
      })(),
    'case.get': (input) => caseDetail.get(input.caseId, user, today()),
    'case.addNote': (input) => runMutation(context, addNote, { ...input, noteId: randomUUID() }),
    'case.assign': (input) => runMutation(context, assign, input),
    'case.setStatus': (input) => runMutation(context, setStatus, input),
    'attachment.open': async (input) => {
      const stored = attachments.locate(database.sqlite, input.attachmentId);
      try {
        await options.host.openFile(stored.absolutePath, stored.fileName, stored.mimeType);
      } catch {
        throw new AppFailure({ code: 'attachment.openFailed', params: { fileName: stored.fileName } });
      }
      return { attachmentId: stored.id, fileName: stored.fileName };
    },
  };

  async function dispatch(name: string, rawInput: unknown): Promise<ApiResult<unknown>> {
    if (!Object.hasOwn(contract, name)) return { ok: false, error: { code: 'call.unknown', params: { name } } };
    const apiName = name as ApiName;
    const parsed = contract[apiName].input.safeParse(rawInput ?? {});
    if (!parsed.success) return { ok: false, error: toAppError(parsed.error) };
    try {
      const handler = handlers[apiName] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'internal') console.error(`[core] ${apiName} failed`, error);
      return { ok: false, error: appError };
    }
  }

  return {
    dispatch,
    handlers,
    database,
    context,
    close: () => database.close(),
  };
}
