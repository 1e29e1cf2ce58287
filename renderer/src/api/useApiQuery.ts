// A read from the core as React state, through the one QueryClient (keyed [apiName, input]). It is read again when
// the change stream says something it depends on changed (data/readTables.ts), never on a timer. The last value
// stays on screen while a new input's answer is on its way, and an equal answer keeps the objects on screen.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { apiQueryKey, appErrorOf, read } from '../data/queryClient';
import type { ApiName, AppError, InputOf, OutputOf } from './contract';

export interface ApiQuery<T> {
  value: T | undefined;
  error: AppError | null;
  /** No answer yet for this input (the previous input's may be on screen), or a reload the person asked for. */
  loading: boolean;
  /** Reads again now (a Retry button); changes made anywhere are followed without it. */
  reload: () => Promise<void>;
}

export function useApiQuery<K extends ApiName>(name: K, input: InputOf<K>): ApiQuery<OutputOf<K>> {
  const query = useQuery({
    queryKey: apiQueryKey(name, input),
    queryFn: () => read(name, input),
    placeholderData: keepPreviousData,
  });
  const [reloading, setReloading] = useState(false);
  const { refetch } = query;
  const reload = useCallback(async () => {
    setReloading(true);
    try {
      await refetch();
    } finally {
      setReloading(false);
    }
  }, [refetch]);
  return {
    value: query.data,
    error: appErrorOf(query.error),
    loading: query.isPending || query.isPlaceholderData || reloading,
    reload,
  };
}
