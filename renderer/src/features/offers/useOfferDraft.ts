// The draft being edited: what the handler typed is the state (never replaced by a reload while the draft is open),
// the figures follow every keystroke, and what reads is saved a moment after typing stops — one save at a time,
// the newest content last. What does not read is not saved; it stays in the fields with its message beside it.
// Leaving the offer (or the case) saves what reads at once.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppError, OfferDetail } from '../../api/contract';
import { useApiMutation } from '../../data/useApiMutation';
import { deductionText, readDraft, rowFromLine, type DraftReading, type DraftRow, type DraftState } from './draftRows';

export const SAVE_DELAY_MS = 600;

export type SaveState = 'saved' | 'waiting' | 'saving' | 'invalid' | 'failed';

interface Payload {
  lines: NonNullable<DraftReading['lines']>;
  connectionFeeDeductionOre: number | null;
}

const keyOf = (payload: Payload): string => JSON.stringify(payload);

export function useOfferDraft(offer: OfferDetail) {
  const offerId = offer.id;
  const [state, setState] = useState<DraftState>(() => ({
    rows: offer.lines.map(rowFromLine),
    deductionText: deductionText(offer.connectionFeeDeductionOre),
  }));
  const reading = useMemo(() => readDraft(state), [state]);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  // The refusal of the last save stays shown while the next one is on its way, so it is kept here, not in the mutation.
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const { attempt: saveDraft } = useApiMutation('case.saveOfferDraft');
  const savedKey = useRef(keyOf({ lines: offer.lines, connectionFeeDeductionOre: offer.connectionFeeDeductionOre }));
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<Payload | null>(null);

  const payload: Payload | null = reading.lines === null
    ? null
    : { lines: reading.lines, connectionFeeDeductionOre: reading.deductionOre };
  latest.current = payload;

  /** Saves the newest content that reads, after any save already on its way. */
  const saveNow = useCallback((): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const run = chain.current.then(async () => {
      const content = latest.current;
      if (content === null) return false;
      const key = keyOf(content);
      if (key === savedKey.current) return true;
      setSaveState('saving');
      const result = await saveDraft({ offerId, ...content });
      if (!result.ok) {
        setSaveError(result.error);
        setSaveState('failed');
        return false;
      }
      savedKey.current = key;
      setSaveError(null);
      setSaveState(latest.current && keyOf(latest.current) !== key ? 'waiting' : 'saved');
      return true;
    });
    chain.current = run.catch(() => false);
    return run;
  }, [offerId, saveDraft]);

  const payloadKey = payload === null ? null : keyOf(payload);
  useEffect(() => {
    if (payloadKey === null) {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      setSaveState('invalid');
      return;
    }
    if (payloadKey === savedKey.current) {
      setSaveState((current) => (current === 'saving' ? current : 'saved'));
      return;
    }
    setSaveState('waiting');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), SAVE_DELAY_MS);
  }, [payloadKey, saveNow]);

  // Leaving the draft: what reads is saved now rather than lost with the timer.
  useEffect(() => () => void saveNow(), [saveNow]);

  const updateRow = useCallback((id: string, change: Partial<DraftRow>) => {
    setState((current) => ({ ...current, rows: current.rows.map((row) => (row.id === id ? { ...row, ...change } : row)) }));
  }, []);
  const addRow = useCallback((row: DraftRow) => {
    setState((current) => ({ ...current, rows: [...current.rows, row] }));
  }, []);
  const removeRow = useCallback((id: string) => {
    setState((current) => ({ ...current, rows: current.rows.filter((row) => row.id !== id) }));
  }, []);
  const setDeductionText = useCallback((text: string) => {
    setState((current) => ({ ...current, deductionText: text }));
  }, []);

  return { state, reading, saveState, saveError, saveNow, updateRow, addRow, removeRow, setDeductionText };
}
