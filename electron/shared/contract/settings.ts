import { z } from 'zod';

export const CentralSettingsInput = z
  .object({
    host: z.string().trim().min(1).max(255).regex(/^[A-Za-z0-9.\-:[\]]+$/),
    port: z.number().int().min(1).max(65_535),
    database: z.string().trim().min(1).max(63),
    user: z.string().trim().min(1).max(63),
    /** Absent: keep the stored password. Empty string: connect without one (trust/GSSAPI). */
    password: z.string().max(1_000).optional(),
  })
  .strict();
export type CentralSettingsInput = z.infer<typeof CentralSettingsInput>;

export interface CentralSettingsView {
  /** The server the app connects to; null when it runs standalone. */
  central: { host: string; port: number; database: string; user: string; hasPassword: boolean } | null;
  /** Whether the password can be kept by the operating system's keychain (Electron safeStorage). */
  passwordStorage: 'keychain' | 'session-only';
}

export interface ConnectionTestResult {
  ok: boolean;
  /** When ok: the login the server knows us as, and the role it has in the desk. */
  user?: string;
  role?: string | null;
  /** When not ok: a reason code the renderer translates (wrongPassword, unreachable, noSuchDatabase, notMigrated…). */
  reason?: string;
}
