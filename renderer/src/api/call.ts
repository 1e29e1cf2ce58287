// A typed call over window.api. Whatever goes wrong on the way comes back as an AppError value, never a throw,
// so every screen handles failure the same way.
import type { ApiName, ApiResult, InputOf, OutputOf } from './contract';

export async function call<K extends ApiName>(name: K, input: InputOf<K>): Promise<ApiResult<OutputOf<K>>> {
  const fn = window.api?.[name] as ((input: InputOf<K>) => Promise<ApiResult<OutputOf<K>>>) | undefined;
  if (typeof fn !== 'function') return { ok: false, error: { code: 'internal', params: { reason: 'bridge' } } };
  try {
    return await fn(input);
  } catch (error) {
    // The transport itself failed (the core went away); the details belong in the log, not on the screen.
    console.error(`[api] ${name} failed`, error);
    return { ok: false, error: { code: 'internal' } };
  }
}
