// A read from the core as React state. The last value stays on screen while a reload runs, and an answer that
// arrives after a newer request was sent is ignored, so a slow reply never overwrites a fresh one.
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from './call';
import type { ApiName, AppError, InputOf, OutputOf } from './contract';

export interface ApiQuery<T> {
  value: T | undefined;
  error: AppError | null;
  loading: boolean;
  reload: () => Promise<void>;
}

export function useApiQuery<K extends ApiName>(name: K, input: InputOf<K>): ApiQuery<OutputOf<K>> {
  const key = JSON.stringify(input);
  const [value, setValue] = useState<OutputOf<K> | undefined>(undefined);
  const [error, setError] = useState<AppError | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    setLoading(true);
    const result = await call(name, JSON.parse(key) as InputOf<K>);
    if (request !== latest.current) return;
    if (result.ok) {
      setValue(result.value);
      setError(null);
    } else {
      setError(result.error);
    }
    setLoading(false);
  }, [name, key]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { value, error, loading, reload };
}
