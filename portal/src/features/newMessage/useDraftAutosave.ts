// Autosave of the form as a draft: a second after the installer stops typing, one save at a time (a change made
// while one is in flight is saved right after it). The first save makes the draft and tells its id, so that the
// address bar can name it and a reload, or another device, opens the same draft. A change still waiting when the
// page goes away is sent with it (a keepalive request).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PortalDraft, PortalDraftForm } from '../../../../shared/portalApi/drafts';
import { sendWhenLeaving } from '../../app/api';
import { newMessageApi } from './api';

export type SaveState = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; at: Date } | { state: 'failed' };

const DELAY_MS = 1000;

export function useDraftAutosave(draftId: string | null, onSaved: (draft: PortalDraft) => void) {
  const [saveState, setSaveState] = useState<SaveState>({ state: 'idle' });
  const id = useRef(draftId);
  const pending = useRef<PortalDraftForm | null>(null);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saved = useRef(onSaved);
  saved.current = onSaved;
  useEffect(() => {
    id.current = draftId;
  }, [draftId]);

  const idle = useRef<Promise<void>>(Promise.resolve());

  const flush = useCallback(() => {
    if (inFlight.current || !pending.current) return;
    const form = pending.current;
    pending.current = null;
    inFlight.current = true;
    setSaveState({ state: 'saving' });
    idle.current = newMessageApi.saveDraft(form, id.current ?? undefined).then((answer) => {
      inFlight.current = false;
      if (answer.ok) {
        id.current = answer.value.id;
        saved.current(answer.value);
        setSaveState({ state: 'saved', at: new Date() });
      } else {
        setSaveState({ state: 'failed' });
      }
      // eslint-disable-next-line react-hooks/immutability -- flush runs itself again once the save settles; it is bound by then.
      flush();
    });
  }, []);

  /** The form changed: save it soon. */
  const changed = useCallback((form: PortalDraftForm) => {
    pending.current = form;
    // Not "saved" while a change waits: the installer (and a test) can trust the word.
    setSaveState({ state: 'saving' });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, DELAY_MS);
  }, [flush]);

  /**
   * Nothing more to save (the message is being sent, or another draft is opened): answers, once a save in flight has
   * ended, the id of the draft that was being saved (null if none was made).
   */
  const stop = useCallback(async (): Promise<string | null> => {
    pending.current = null;
    if (timer.current) clearTimeout(timer.current);
    await idle.current;
    setSaveState({ state: 'idle' });
    return id.current;
  }, []);

  useEffect(() => {
    // A reload or a closed tab within the second after typing: the waiting change goes out with the page.
    const leaving = () => {
      if (!pending.current || inFlight.current) return;
      sendWhenLeaving('/drafts', id.current ? { id: id.current, form: pending.current } : { form: pending.current });
      pending.current = null;
    };
    window.addEventListener('pagehide', leaving);
    return () => {
      window.removeEventListener('pagehide', leaving);
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  return { saveState, changed, stop };
}
