// The core: every call of the contract implemented against the local database, with no Electron in sight.
// Main and the browser harness both call `dispatch`, which validates the input before any service sees it.
// Standalone, the local database is the truth; with a central server it is a cache kept by the sync engine.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
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
import { mutationForAction } from './mutations/caseActions';
import { withDeskIds } from './mutations/offerSteps';
import { resolveBillingFlag } from './mutations/resolveBillingFlag';
import { caseBillingView } from './billing/caseBillingService';
import { releaseClaim, requestClaim } from './mutations/claimMutations';
import { OutboxService } from './mutations/outboxService';
import { runMutation } from './mutations/runMutation';
import { takeCase } from './mutations/takeCase';
import { decideRouting } from './mutations/routingMutations';
import { installerCheckFor } from './casework/installerCheckService';
import { completenessView } from './casework/completenessService';
import { CompanySettingsService } from './casework/companySettingsService';
import { informationRequestDraft } from './casework/informationRequestDraft';
import { overrideCompletenessItem } from './mutations/completenessMutations';
import { correctOwnerParty } from './mutations/ownerPartyCorrection';
import { recordGridAssessment } from './mutations/gridAssessmentRecord';
import { requestInformation } from './mutations/informationRequest';
import { QuarantineService } from './import/quarantineService';
import { QueueService } from './queue/queueService';
import { CentralSettingsService } from './settings/centralSettingsService';
import { memorySettingsHost, type SettingsHost } from './settings/settingsHost';
import { CentralSession, type CentralOptions } from './sync/centralSession';
import { withStoredFiles } from './sync/withStoredFiles';
import { fetchMissingFile } from './sync/centralFiles';
import { PriceListService } from './pricing/priceListService';
import { loadLetterhead, type Letterhead } from './offers/letterhead';
import { AreaSupplierRegisterService } from './areaSuppliers/areaSupplierRegisterService';
import { WorkOrderService } from './workOrders/workOrderService';
import { OfferService } from './offers/offerService';
import { OverviewService } from './overview/overviewService';
import { offerCatalogue } from './offers/offerCatalogue';
import { printAttachment, saveAttachmentCopy, type AttachmentOutputHost } from './attachments/attachmentOutput';
import { ChromiumPdfRenderer, type PdfRenderer } from './offers/pdfRenderer';
import { AssignmentRulesService } from './workload/assignmentRulesService';
import { WorkloadService } from './workload/workloadService';
import { assignMany } from './workload/assignMany';
import { PortalFirmsService } from './portal/portalFirmsService';
import { SupportRequestsService } from './portal/supportRequestsService';

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
  /** Renders offer letters to PDF; defaults to a ChromiumPdfRenderer started on first use and closed with the core. */
  pdfRenderer?: PdfRenderer;
  /** resources/letterhead of the app; defaults to the source tree's or the build's. */
  letterheadDirectory?: string;
}

type Handlers = { [K in ApiName]: (input: ParsedInputOf<K>) => OutputOf<K> | Promise<OutputOf<K>> };

export interface Core {
  dispatch(name: string, rawInput: unknown): Promise<ApiResult<unknown>>;
  handlers: Handlers;
  database: LocalDatabase;
  context: CoreContext;
  central: CentralSession | null;
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
function userLookup(database: LocalDatabase, userId: string, mode: 'standalone' | 'central'): () => UserSummary {
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
  const context: CoreContext = {
    sqlite: database.sqlite,
    clientId: database.clientId,
    mode,
    clock,
    currentUser,
    casesChanged: (caseIds) => queue.casesChanged(caseIds),
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
  let ownRenderer: ChromiumPdfRenderer | null = null;
  const renderer = (): PdfRenderer => options.pdfRenderer ?? (ownRenderer ??= new ChromiumPdfRenderer());
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
  overview.startCatchUp(() => currentUser().role, today);
  const who = () => ({ userId, today: today() });
  /** A local change; with a central server, the engine is told to ship it now. */
  const mutate = <T>(apply: () => T): T => {
    const result = apply();
    central?.engine.nudge();
    return result;
  };

  const handlers: Handlers = {
    'session.get': () => ({ user: currentUser(), mode, today: today() }),
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
    'queue.fetchNext': () => {
      if (central) return central.fetchNext();
      return database.sqlite.transaction(() => {
        const caseId = queue.nextFreeCaseId();
        if (caseId === null) throw new AppFailure({ code: 'queue.nothingToFetch' });
        runMutation(context, takeCase, { caseId });
        const { case_number } = database.sqlite.prepare('SELECT case_number FROM cases WHERE id = ?').get(caseId) as {
          case_number: string;
        };
        return { caseId, caseNumber: case_number };
      })();
    },
    'case.get': (input) => caseDetail.get(input.caseId, currentUser(), today(), clock.now().toISOString()),
    'case.addNote': (input) => mutate(() => runMutation(context, addNote, { ...input, noteId: randomUUID() })),
    'case.assign': (input) => mutate(() => runMutation(context, assign, input)),
    'case.setStatus': (input) => mutate(() => runMutation(context, setStatus, input)),
    'case.act': ({ action, ...args }) => mutate(() => runMutation(context, mutationForAction(action), withDeskIds(action, args))),
    'case.claim': (input) => (central ? central.claim(input.caseId) : mutate(() => runMutation(context, requestClaim, input))),
    'case.release': (input) => mutate(() => runMutation(context, releaseClaim, input)),
    'case.installerCheck': (input) => installerCheckFor(database.sqlite, input.caseId, today()),
    'case.decideRouting': (input) => mutate(() => runMutation(context, decideRouting, input)),
    'case.completeness': (input) => completenessView(database.sqlite, input.caseId),
    'case.overrideCompletenessItem': (input) => mutate(() => runMutation(context, overrideCompletenessItem, input)),
    'case.correctOwnerParty': (input) => mutate(() => runMutation(context, correctOwnerParty, input)),
    'case.recordGridAssessment': (input) => mutate(() => runMutation(context, recordGridAssessment, input)),
    'case.informationRequestDraft': (input) =>
      informationRequestDraft(database.sqlite, input.caseId, input.items, currentUser().displayName, today()),
    'case.requestInformation': (input) =>
      mutate(() => runMutation(context, requestInformation, { ...input, messageId: randomUUID() })),
    'attachment.open': async (input) => {
      await fetchMissingFile(database.sqlite, attachments, central, input.attachmentId);
      const stored = attachments.locate(database.sqlite, input.attachmentId);
      try {
        await options.host.openFile(stored.absolutePath, stored.fileName, stored.mimeType);
      } catch {
        throw new AppFailure({ code: 'attachment.openFailed', params: { fileName: stored.fileName } });
      }
      return { attachmentId: stored.id, fileName: stored.fileName };
    },
    'sync.status': () => (central ? central.statusView(outbox.refusedCount()) : { mode: 'standalone' }),
    'outbox.refused': () => outbox.refused(),
    'outbox.reapply': (input) => mutate(() => outbox.reapply(input.seq)),
    'outbox.dismiss': (input) => outbox.dismiss(input.seq),
    ...settings.handlers(),
    'quarantine.list': (input) => quarantine.list(input.states),
    'quarantine.get': (input) => quarantine.get(input.id),
    'quarantine.save': (input) => mutate(() => quarantine.save(input.id, input.raw)),
    'quarantine.reimport': (input) => mutate(() => quarantine.reimport(input.id, input.raw)),
    'quarantine.discard': (input) => mutate(() => quarantine.discard(input.id, input.reason)),
    'companySettings.get': () => companySettings.get(),
    'companySettings.save': (input) => mutate(() => companySettings.save(input)),
    'priceList.list': () => priceLists.overview(),
    'priceList.get': (input) => priceLists.get(input.id, input.version),
    'priceList.publish': (input) => mutate(() => priceLists.publish(input.priceList)),
    'offer.list': (input) => offers.list(input.caseId),
    'offer.get': (input) => offers.get(input.offerId),
    'case.createOfferDraft': (input) => mutate(() => offers.createDraft(input.caseId)),
    'case.saveOfferDraft': (input) => mutate(() => offers.save(input)),
    'case.reviseOffer': (input) => mutate(() => offers.revise(input.fromOfferId)),
    'areaSupplier.list': () => areaSupplierRegister.list(),
    'areaSupplier.save': (input) => mutate(() => areaSupplierRegister.save(input)),
    'case.workOrders': (input) => workOrders.panel(input.caseId),
    'case.orderWork': async (input) => {
      const result = await workOrders.order(input.caseId, input.workKind, input.technical);
      central?.engine.nudge();
      return result;
    },
    'case.advanceWorkOrder': (input) => mutate(() => workOrders.advance(input.orderId, input.to)),
    'case.issueOffer': async (input) => {
      const result = await offers.issue(input.offerId);
      central?.engine.nudge();
      return result;
    },
    'offer.catalogue': (input) => offerCatalogue(context, input.offerId),
    'attachment.print': async (input) => {
      await fetchMissingFile(database.sqlite, attachments, central, input.attachmentId);
      return printAttachment(database.sqlite, attachments, options.host, input.attachmentId);
    },
    'attachment.saveCopy': async (input) => {
      await fetchMissingFile(database.sqlite, attachments, central, input.attachmentId);
      return saveAttachmentCopy(database.sqlite, attachments, options.host, input.attachmentId);
    },
    'workload.get': () => workload.view(today(), currentUser().role),
    'workload.cases': (input) => workload.cases(input.assigneeId, today()),
    'case.assignMany': (input) => mutate(() => assignMany(context, input)),
    'assignmentRules.get': () => assignmentRules.get(),
    'assignmentRules.save': (input) => mutate(() => assignmentRules.save(input)),
    'overview.get': (input) => overview.get(input.weeks, today(), currentUser().role),
    'case.billing': (input) => caseBillingView(database.sqlite, input.caseId, currentUser(), today()),
    'billing.resolveFlag': (input) => mutate(() => runMutation(context, resolveBillingFlag, input)),
    'portalFirm.list': () => portalFirms.list(),
    'portalFirm.approve': (input) => portalFirms.approve(input.firmId),
    'portalFirm.refuse': (input) => portalFirms.refuse(input.firmId, input.reason),
    'supportRequest.list': () => supportRequests.list(),
    'supportRequest.answer': (input) => supportRequests.answer(input.requestId, input.answer),
    'supportRequest.openAttachment': (input) => supportRequests.openAttachment(input.requestId),
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

  central?.engine.start();
  return {
    dispatch,
    handlers,
    database,
    context,
    central,
    queue,
    async close() {
      overview.stopCatchUp();
      queue.stop();
      central?.stop();
      await central?.engine.stop();
      await ownRenderer?.close();
      database.close();
    },
  };
}
