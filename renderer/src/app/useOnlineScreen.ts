// What the online screens with a dialog per row share (Firmaer, Henvendelser): the window's title and the heading's
// focus when the screen opens, Esc back to the queue unless a dialog is open, and after a dialog's work the
// confirmation shown, focus back on the heading and the list asked for again.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from './navigation';
import { useEscapeKey } from './useEscapeKey';

export function useOnlineScreen<Open>(titleKey: string, reload: () => Promise<unknown>) {
  const { t } = useTranslation();
  const { openQueue } = useNavigation();
  const [open, setOpen] = useState<Open | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEscapeKey(() => {
    if (open === null) openQueue();
  });

  useEffect(() => {
    document.title = `${t(titleKey)} – ${t('app.productName')}`;
    headingRef.current?.focus({ preventScroll: true });
  }, [t, titleKey]);

  /** A dialog finished: with a message, it is closed and the message shown; the list is fetched again either way. */
  const onDone = useCallback(
    (message: string | null) => {
      if (message !== null) {
        setOpen(null);
        setDone(message);
        headingRef.current?.focus({ preventScroll: true });
      }
      void reload();
    },
    [reload],
  );

  return { open, setOpen, done, headingRef, onDone, openQueue };
}
