// The settings screen's calls: what server the app uses, trying a connection before saving it, and going
// back to standalone. Saving asks the shell to reopen the core, since a new server means a new cache.
import type { CentralSettingsInput, CentralSettingsView, ConnectionTestResult } from '../../shared/contract';
import { connectCentral } from '../sync/centralConnection';
import { classifyCentralError } from '../sync/centralErrors';
import type { SettingsHost } from './settingsHost';

export class CentralSettingsService {
  constructor(private readonly host: SettingsHost) {}

  view(): CentralSettingsView {
    const settings = this.host.load();
    return {
      central: settings ? { ...settings, hasPassword: this.host.password() !== null } : null,
      passwordStorage: this.host.passwordStorage,
    };
  }

  async test(input: CentralSettingsInput): Promise<ConnectionTestResult> {
    const password = input.password !== undefined ? input.password : this.host.password();
    let client;
    try {
      client = await connectCentral({ ...input, password: password === '' ? null : password });
    } catch (error) {
      const problem = classifyCentralError(error);
      return { ok: false, reason: problem.reason };
    }
    try {
      const { rows } = await client.query<{ user: string; migrated: boolean }>(
        "SELECT session_user AS user, to_regclass('public.app_users') IS NOT NULL AS migrated",
      );
      if (!rows[0].migrated) return { ok: false, reason: 'notMigrated' };
      const role = await client.query<{ role: string }>('SELECT role FROM app_users WHERE id = session_user');
      if (role.rows.length === 0) return { ok: false, reason: 'notADeskUser', user: rows[0].user };
      return { ok: true, user: rows[0].user, role: role.rows[0].role };
    } catch (error) {
      return { ok: false, reason: classifyCentralError(error).reason };
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  async save(input: CentralSettingsInput): Promise<ConnectionTestResult> {
    const result = await this.test(input);
    if (!result.ok) return result;
    const { password, ...settings } = input;
    this.host.save(settings, password === undefined ? undefined : password === '' ? null : password);
    this.host.requestRestart();
    return result;
  }

  useStandalone(): { restarting: boolean } {
    const wasCentral = this.host.load() !== null;
    this.host.clear();
    if (wasCentral) this.host.requestRestart();
    return { restarting: wasCentral };
  }
}
