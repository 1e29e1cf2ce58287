// Every write of the renderer, made one way: call the named command, keep whether it is running and what it was
// refused with, and say the refusal as today (describeError, in the dialog or as a toast). Screens need not read
// anything again afterwards: the core announces what the write changed on the change stream, and the queries that
// depend on it are read again by themselves.
import { useMutation } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiName, ApiResult, AppError, InputOf, OutputOf } from '../api/contract';
import type { describeError } from '../api/describeError';
import { notifyError } from '../api/notify';
import { ApiCallError, appErrorOf, read } from './queryClient';

export interface ApiMutationOptions {
  /** Show a refusal as a toast (with the feature's own words if given) besides returning it. */
  notify?: boolean | typeof describeError;
}

export interface ApiMutation<K extends ApiName> {
  /** Runs the command: its value, or undefined when it was refused (the error is then in `error`). */
  run: (input: InputOf<K>) => Promise<OutputOf<K> | undefined>;
  /** The same, answered as a result value, for a caller that tells refusals apart by their code. */
  attempt: (input: InputOf<K>) => Promise<ApiResult<OutputOf<K>>>;
  pending: boolean;
  error: AppError | null;
  clearError: () => void;
}

export function useApiMutation<K extends ApiName>(name: K, options: ApiMutationOptions = {}): ApiMutation<K> {
  const { t } = useTranslation();
  const { notify } = options;
  const mutation = useMutation<OutputOf<K>, Error, InputOf<K>>({
    mutationFn: (input) => read(name, input),
    onError: (error) => {
      if (notify && error instanceof ApiCallError) notifyError(t, error.appError, notify === true ? undefined : notify);
    },
  });
  const { mutateAsync, reset } = mutation;
  const attempt = useCallback(
    async (input: InputOf<K>): Promise<ApiResult<OutputOf<K>>> => {
      try {
        return { ok: true, value: await mutateAsync(input) };
      } catch (error) {
        return { ok: false, error: appErrorOf(error) ?? { code: 'internal' } };
      }
    },
    [mutateAsync],
  );
  const run = useCallback(async (input: InputOf<K>) => {
    const result = await attempt(input);
    return result.ok ? result.value : undefined;
  }, [attempt]);
  return { run, attempt, pending: mutation.isPending, error: appErrorOf(mutation.error), clearError: reset };
}
