// Esc leaves the case for the queue, unless the user is typing or a dialog is open.
import { useEscapeKey } from '../../app/useEscapeKey';

export const useEscapeToQueue = useEscapeKey;
