// The core: every call of the contract implemented against the local database, with no Electron in sight.
// Main and the browser harness both call `dispatch`, which validates the input before any service sees it.
// Standalone, the local database is the truth; with a central server it is a cache kept by the sync engine.
import path from 'node:path';
import { ZodError } from 'zod';
import {
  AppFailure,
  contract,
  type ApiName,
  type ApiResult,
  type AppError,
  type ChangeListener,
  CASE_TABLES,
  type UserSummary,
} from '../shared/contract';
import { AttachmentStore } from './attachments/attachmentStore';
import { ChangeFeed } from './changes/changeFeed';
import { CaseDetailOnDemand } from './sync/caseDetailOnDemand';
import { CHANGES_BY_CALL, caseIdOf } from './changes/callChanges';
import { CaseDetailService } from './cases/caseDetailService';
import { osloDate, systemClock, type Clock } from './clock';
import type { CoreContext } from './context';
import { openLocalDatabase, readMeta, type LocalDatabase } from './db/openLocalDatabase';
import { OutboxService } from './mutations/outboxService';
import { CompanySettingsService } from './casework/companySettingsService';
import { QuarantineService } from './import/quarantineService';
import { QueueService } from './queue/queueService';
import { CentralSettingsService } from './settings/centralSettingsService';
import { memorySettingsHost, type SettingsHost } from './settings/settingsHost';
import { CentralSession, type CentralOptions } from './sync/centralSession';
import { withStoredFiles } from './sync/withStoredFiles';
import { PriceListService } from './pricing/priceListService';
import { loadLetterhead, type Letterhead } from './offers/letterhead';
import { AreaSupplierRegisterService } from './areaSuppliers/areaSupplierRegisterService';
import { WorkOrderService } from './workOrders/workOrderService';
import { OfferService } from './offers/offerService';
import { OverviewService } from './overview/overviewService';
import type { AttachmentOutputHost } from './attachments/attachmentOutput';
import { noPdfRenderer, type PdfRenderer } from './offers/pdfRenderer';
import type { RunningCore } from './runningCore';
import { AssignmentRulesService } from './workload/assignmentRulesService';
import { WorkloadService } from './workload/workloadService';
import { PortalFirmsService } from './portal/portalFirmsService';
import { SupportRequestsService } from './portal/supportRequestsService';
import { coreHandlers, type Handlers } from './handlers';

export type { CentralOptions };

export interface CoreHost extends AttachmentOutputHost {
  /** Opens a stored attachment with the desktop's default application (or the harness's stand-in). */
  openFile(absolutePath: string, fileName: string, mimeType: string): Promise<void>;
  /** The central server's settings; in memory only when the shell provides none. */
  settings?: SettingsHost;
  /**
   * Opens a URL in the system browser, for the sign-in through the company's identity provider (Electron's
   * shell.openExternal, for vetted URLs only). Absent in the browser harness: that sign-in needs the desktop app.
   */
  openExternal?: (url: string) => Promise<void>;
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
  /** A central server: the local database becomes its cache. */
  central?: CentralOptions;
  /**
   * Renders offer letters to PDF, given by the host (Electron's printToPDF in main, the harness's Chromium
   * elsewhere) and closed by it. Without one, issuing a letter fails with a clear error.
   */
  pdfRenderer?: PdfRenderer;
  /** resources/letterhead of the app; defaults to the source tree's or the build's. */
  letterheadDirectory?: string;
}

export interface Core extends RunningCore {
  handlers: Handlers;
  database: LocalDatabase;
  context: CoreContext;
  central: CentralSession | null;
  /** The change stream: one batch per tick after commits that change what a screen shows. */
  onChange(listener: ChangeListener): () => void;
  /** The queue, for the bench to wait until its indexes are loaded. */
  queue: QueueService;
  close(): Promise<void>;
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

/** The person using the app, from the users table (in central mode, once the first pull has brought it). */
/** Who works at this desk, read from the local database each time (a renamed user shows at once). */
export function userLookup(database: LocalDatabase, userId: string, mode: 'standalone' | 'central'): () => UserSummary {
  const statement = database.sqlite.prepare('SELECT id, display_name, role FROM users WHERE id = ?');
  return () => {
    const row = statement.get(userId) as { id: string; display_name: string; role: UserSummary['role'] } | undefined;
    if (row) return { id: row.id, displayName: row.display_name, role: row.role };
    if (mode === 'central') return { id: userId, displayName: userId, role: 'reader' };
    throw new Error(`No such user in the local database: ${userId}`);
  };
}

export function createCore(options: CoreOptions): Core {
  const database = openLocalDatabase({
    file: options.databaseFile,
    migrationsFolder: options.migrationsFolder,
    nativeBinding: options.nativeBinding,
    enforceForeignKeys: !options.central,
  });
  const mode = options.central ? 'central' : 'standalone';
  const clock = options.clock ?? systemClock;
  const userId = options.central?.userId ?? options.userId ?? readMeta(database.sqlite, 'current_user_id');
  if (!userId) throw new Error('The local database names no current user: seed it first.');
  const currentUser = userLookup(database, userId, mode);
  const queue = new QueueService(database.sqlite);
  const changes = new ChangeFeed();
  const context: CoreContext = {
    sqlite: database.sqlite,
    clientId: database.clientId,
    mode,
    clock,
    currentUser,
    casesChanged: (caseIds) => {
      queue.casesChanged(caseIds);
      changes.publish({ tables: [...CASE_TABLES, 'outbox', 'syncStatus'], caseIds });
    },
    publishChange: (change) => changes.publish(change),
  };
  const caseDetail = new CaseDetailService(database.sqlite, mode);
  const attachments = new AttachmentStore(options.attachmentsDirectory);
  const outbox = new OutboxService(context);
  const quarantine = new QuarantineService(context, options.attachmentsDirectory);
  const companySettings = new CompanySettingsService(context);
  const priceLists = new PriceListService(context);
  const assignmentRules = new AssignmentRulesService(context);
  const workload = new WorkloadService(database.sqlite, assignmentRules);
  const settings = new CentralSettingsService(options.host.settings ?? memorySettingsHost(), undefined, { openExternal: options.host.openExternal });
  const central = options.central ? new CentralSession(context, withStoredFiles(options.central, attachments), queue) : null;
  const detailOnDemand = new CaseDetailOnDemand(context, central);
  const renderer = (): PdfRenderer => options.pdfRenderer ?? noPdfRenderer;
  let letterhead: Letterhead | null = null;
  const offers = new OfferService({
    context,
    attachments,
    renderer,
    letterhead: () => (letterhead ??= loadLetterhead(options.letterheadDirectory)),
  });
  const areaSupplierRegister = new AreaSupplierRegisterService(context);
  const workOrders = new WorkOrderService({
    context,
    attachments,
    renderer,
    letterhead: () => (letterhead ??= loadLetterhead(options.letterheadDirectory)),
  });
  const overview = new OverviewService(database.sqlite);
  const portalFirms = new PortalFirmsService({ sqlite: database.sqlite, central: central?.engine ?? null, currentUser, now: () => clock.now() });
  const supportRequests = new SupportRequestsService({
    sqlite: database.sqlite, central: central?.engine ?? null, currentUser, now: () => clock.now(),
    filesDirectory: path.join(options.attachmentsDirectory, 'support'), openFile: (...file) => options.host.openFile(...file),
  });
  const today = (): string => osloDate(clock.now());
  overview.startCatchUp(() => currentUser().role, today, () => changes.publish({ tables: ['overviewFacts'] }));
  const who = () => ({ userId, today: today() });
  /** A local change; with a central server, the engine is told to ship it now. */
  const mutate = <T>(apply: () => T): T => {
    const result = apply();
    central?.engine.nudge();
    return result;
  };

  const handlers = coreHandlers({
    database, context, mode, clock, host: options.host, currentUser, today, who, mutate, central, queue, caseDetail, detailOnDemand, attachments,
    outbox, settings, quarantine, companySettings, priceLists, offers, areaSupplierRegister, workOrders, workload, assignmentRules,
    overview, portalFirms, supportRequests,
  });

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
    } finally {
      // Also after a refusal: it may have been refused because the rows moved on, and the screen should show why.
      publishCallChanges(apiName, parsed.data);
    }
  }

  function publishCallChanges(name: ApiName, input: unknown): void {
    const tables = CHANGES_BY_CALL[name];
    if (tables.length === 0) return;
    const caseId = caseIdOf(input);
    changes.publish({ tables, caseIds: caseId === null ? [] : [caseId] });
  }

  changes.subscribe((batch) => {
    if (batch.tables.includes('syncStatus')) detailOnDemand.connectionChanged();
  });
  central?.engine.start();
  return {
    dispatch,
    onChange: (listener) => changes.subscribe(listener),
    handlers,
    database,
    context,
    central,
    queue,
    async close() {
      changes.close();
      overview.stopCatchUp();
      queue.stop();
      central?.stop();
      await central?.engine.stop();
      database.close();
    },
  };
}
