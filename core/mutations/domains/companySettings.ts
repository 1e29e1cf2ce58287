// Company practice (deadlines, reminders, …): a case-less change only a supervisor makes.
import type pg from 'pg';
import type { MutationName } from '../../../shared/rules';
import type { CentralApply, DomainMutations, OutboxEntry } from '../definition';
import { COMPANY_SETTINGS_UPDATE, CompanySettingsUpdateArgs, recordCompanySettingsUpdate } from '../companySettingsUpdate';
import { RefusedByCentral } from '../../sync/centralErrors';
import type { DomainHandlers } from '../../handlers/handlerTypes';
import type { MutationCallServices } from '../mutationCalls';

const central = {
  // Company practice (mutations/companySettingsUpdate.ts), by key, as the person: only a supervisor holds INSERT and
  // UPDATE on company_settings, so PostgreSQL refuses anyone else (42501). The values are checked again here.
  async 'companySettings.update'(client: pg.ClientBase, { args }: OutboxEntry) {
    const parsed = CompanySettingsUpdateArgs.safeParse(args);
    if (!parsed.success) throw new RefusedByCentral('invalid', 'company settings out of range');
    for (const [key, value] of Object.entries(parsed.data.values)) {
      await client.query(
        'INSERT INTO company_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value',
        [key, JSON.stringify(value)],
      );
    }
  },
} satisfies Partial<Record<MutationName, CentralApply>>;

export const companySettingsMutations = {
  [COMPANY_SETTINGS_UPDATE]: {
    args: CompanySettingsUpdateArgs,
    record: recordCompanySettingsUpdate,
    central: central['companySettings.update'],
    rowsChanged: () => ({ table: 'company_settings', where: 'true', params: [] }),
  },
} satisfies DomainMutations;

/** The calls that make these mutations (merged with the rest in handlers/index.ts). */
export const companySettingsMutationHandlers = ({ mutate, companySettings }: MutationCallServices) => ({
  'companySettings.save': (input) => mutate(() => companySettings.save(input)),
}) satisfies DomainHandlers;
