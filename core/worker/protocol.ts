// The messages between the shell (Electron main, or the harness standing in for it) and the core's worker thread.
// Calls go in as {id, name, input} and come back as {id, result}; the core's change batches come out as events;
// what only the shell can do (open a file with the desktop, print, save a copy, the settings' keychain, the system
// browser, rendering a letter to PDF) the worker asks of the shell as host calls, answered by id. Each side checks
// every message it receives against these schemas and refuses the rest.
import { z } from 'zod';
import { ERROR_CODES } from '../../shared/contract/errors';
import { ChangeBatchSchema } from '../../shared/contract/changes';

const id = z.number().int().nonnegative();
const text = z.string().max(1_000_000);

const centralSettings = z.object({ url: z.string(), username: z.string(), ca: z.string().optional() });
const savedToken = z.object({ value: z.string(), expiresAt: z.string() });

/** The clock the core runs on: the system's, or a fixed moment (the harness's demo day). */
export const clockSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('system') }),
  z.object({ kind: z.literal('fixed'), iso: z.iso.datetime() }),
]);
export type ClockSpec = z.infer<typeof clockSpec>;

/** What the shell's settings host holds when the worker starts; the worker keeps a mirror and reports writes. */
export const settingsSnapshot = z.object({
  settings: centralSettings.nullable(),
  token: savedToken.nullable(),
  tokenStorage: z.enum(['keychain', 'session-only']),
});
export type SettingsSnapshot = z.infer<typeof settingsSnapshot>;

/** How to open the core: the worker's workerData. */
export const coreOpenSpec = z.object({
  dataDirectory: z.string().min(1),
  migrationsFolder: z.string().min(1),
  nativeBinding: z.string().optional(),
  sampleFilesDirectory: z.string().optional(),
  demoCases: z.number().int().nonnegative().optional(),
  userId: z.string().optional(),
  clock: clockSpec,
  /** Null: no settings host (standalone, settings kept in the worker's memory). */
  settings: settingsSnapshot.nullable(),
  canOpenExternal: z.boolean(),
  canPrint: z.boolean(),
  canSaveCopy: z.boolean(),
});
export type CoreOpenSpec = z.infer<typeof coreOpenSpec>;

// ---- shell → worker

export const toWorker = z.union([
  z.object({ kind: z.literal('call'), id, name: z.string().min(1).max(200), input: z.unknown() }),
  z.object({ kind: z.literal('hostAnswer'), id, ok: z.literal(true), value: z.unknown() }),
  z.object({ kind: z.literal('hostAnswer'), id, ok: z.literal(false), message: text }),
  /** Someone wrote to the database behind the core's back (the harness's test seeding): refresh the read models. */
  z.object({ kind: z.literal('casesChanged'), caseIds: z.union([z.literal('all'), z.array(z.number().int())]) }),
  /** Finish the calls in flight, close the core, answer `closed`. */
  z.object({ kind: z.literal('close') }),
]);
export type ToWorker = z.infer<typeof toWorker>;

// ---- worker → shell

const appError = z.object({
  code: z.enum(ERROR_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  issues: z
    .array(z.object({ path: z.string(), code: z.string(), maximum: z.number().optional(), minimum: z.number().optional() }))
    .optional(),
});

export const apiResult = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: appError }),
]);

export const changeBatch = ChangeBatchSchema;

const fileArgs = z.tuple([z.string().min(1), z.string(), z.string()]);

/** What the worker may ask of the shell, with the arguments each takes. */
export const hostCall = z.discriminatedUnion('name', [
  z.object({ kind: z.literal('hostCall'), id, name: z.literal('openFile'), args: fileArgs }),
  z.object({ kind: z.literal('hostCall'), id, name: z.literal('printFile'), args: fileArgs }),
  z.object({ kind: z.literal('hostCall'), id, name: z.literal('saveFileCopy'), args: fileArgs }),
  z.object({ kind: z.literal('hostCall'), id, name: z.literal('openExternal'), args: z.tuple([z.string().max(8_192)]) }),
  z.object({ kind: z.literal('hostCall'), id, name: z.literal('renderPdf'), args: z.tuple([z.string().max(20_000_000)]) }),
  z.object({
    kind: z.literal('hostCall'), id, name: z.literal('settings.save'), args: z.tuple([centralSettings, savedToken.nullable().optional()]),
  }),
  z.object({ kind: z.literal('hostCall'), id, name: z.literal('settings.clear'), args: z.tuple([]) }),
  z.object({ kind: z.literal('hostCall'), id, name: z.literal('settings.requestRestart'), args: z.tuple([]) }),
]);
export type HostCall = z.infer<typeof hostCall>;
export type HostCallName = HostCall['name'];

export const fromWorker = z.union([
  z.object({ kind: z.literal('ready') }),
  z.object({ kind: z.literal('failed'), message: text }),
  z.object({ kind: z.literal('answer'), id, result: apiResult }),
  z.object({ kind: z.literal('change'), batch: changeBatch }),
  z.object({ kind: z.literal('log'), message: text }),
  z.object({ kind: z.literal('closed') }),
  hostCall,
]);
export type FromWorker = z.infer<typeof fromWorker>;

/** The answer to a call the core could not give: its worker stopped (crashed) or was never able to open. */
export const CORE_STOPPED = { ok: false, error: { code: 'internal', params: { reason: 'coreStopped' } } } as const;
