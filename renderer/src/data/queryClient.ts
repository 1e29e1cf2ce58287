// The renderer's one cache of what the core said. Nothing goes stale by time: an answer stays true until a change
// batch says otherwise (DataProvider), so there is no refetch on focus, on reconnect, or on a timer. Equal answers
// keep their old objects (TanStack's structural sharing), so a re-read that finds nothing new redraws nothing.
import { QueryClient } from '@tanstack/react-query';
import { call } from '../api/call';
import type { ApiName, AppError, InputOf, OutputOf } from '../api/contract';

/** A failed call as a thrown value, so TanStack sees it as the query's error; the AppError rides along. */
export class ApiCallError extends Error {
  constructor(readonly appError: AppError) {
    super(appError.code);
    this.name = 'ApiCallError';
  }
}

export const appErrorOf = (error: unknown): AppError | null =>
  error === null || error === undefined ? null : error instanceof ApiCallError ? error.appError : { code: 'internal' };

/** One read through window.api: its value, or an ApiCallError. */
export async function read<K extends ApiName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const result = await call(name, input);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}

export const apiQueryKey = <K extends ApiName>(name: K, input: InputOf<K>) => [name, input] as const;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
      mutations: { retry: false },
    },
  });
}
