// A read from the core as React state. The last value stays on screen while a reload runs, and an answer that
// arrives after a newer request was sent is ignored, so a slow reply never overwrites a fresh one.
// With `pollMs` the read repeats quietly while the screen is open (no loading flag), and an answer equal to the
// one on screen changes nothing, so a case someone else may change can be followed without redrawing it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from './call';
import type { ApiName, AppError, InputOf, OutputOf } from './contract';

export interface ApiQuery<T> {
  value: T | undefined;
  error: AppError | null;
  loading: boolean;
  reload: () => Promise<void>;
}

export interface ApiQueryOptions {
  /** Read again this many milliseconds after each answer; off when undefined. */
  pollMs?: number;
}

export function useApiQuery<K extends ApiName>(name: K, input: InputOf<K>, options: ApiQueryOptions = {}): ApiQuery<OutputOf<K>> {
  const key = JSON.stringify(input);
  const [value, setValue] = useState<OutputOf<K> | undefined>(undefined);
  const [error, setError] = useState<AppError | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  const shown = useRef<string | null>(null);

  const read = useCallback(
    async (quiet: boolean) => {
      const request = ++latest.current;
      if (!quiet) setLoading(true);
      const result = await call(name, JSON.parse(key) as InputOf<K>);
      if (request !== latest.current) return;
      if (result.ok) {
        const json = JSON.stringify(result.value);
        if (json !== shown.current) {
          shown.current = json;
          setValue(result.value);
        }
        setError(null);
      } else {
        setError(result.error);
      }
      // Also after a quiet read: it may have overtaken a loud one, whose answer is then dropped.
      setLoading(false);
    },
    [name, key],
  );
  const reload = useCallback(() => read(false), [read]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const { pollMs } = options;
  useEffect(() => {
    if (pollMs === undefined) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      await read(true);
      if (!stopped) timer = setTimeout(() => void tick(), pollMs);
    };
    timer = setTimeout(() => void tick(), pollMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [pollMs, read]);

  return { value, error, loading, reload };
}
