// A write to the case: call the named mutation, then reload the case so the screen shows what the core stored,
// and the connection's status so the count of waiting changes follows at once.
import { useCallback, useState } from 'react';
import { call } from '../../api/call';
import type { AppError, InputOf } from '../../api/contract';
import { useSyncRefresh } from '../sync/SyncStatusProvider';

type CaseMutationName = 'case.addNote' | 'case.assign' | 'case.setStatus' | 'case.act' | 'case.claim' | 'case.release'
  | 'case.correctOwnerParty' | 'case.recordGridAssessment';

export function useCaseMutation<K extends CaseMutationName>(name: K, reload: () => Promise<void>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const refresh = useSyncRefresh();
  const run = useCallback(
    async (input: InputOf<K>): Promise<boolean> => {
      setPending(true);
      setError(null);
      const result = await call(name, input);
      if (result.ok) {
        refresh();
        await reload();
      } else setError(result.error);
      setPending(false);
      return result.ok;
    },
    [name, reload, refresh],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, pending, error, clearError };
}
