// What the renderer learns of the desk's updates and what it may ask: the shape of `window.deskUpdates`,
// bridged by the preload in the app and by a stand-in in the harness. Updates belong to the installed app
// (Electron main), not to the core, so they are not in the contract.

export const UPDATE_CHANNELS = ['stable', 'beta'] as const;
export type UpdateChannel = (typeof UPDATE_CHANNELS)[number];

export function isUpdateChannel(value: unknown): value is UpdateChannel {
  return typeof value === 'string' && (UPDATE_CHANNELS as readonly string[]).includes(value);
}

/**
 * `inactive`: no updates here (development, the harness, an unpacked build, no feed configured);
 * `idle`: checked, nothing newer (or the last check failed: logged, not shown);
 * `downloading`: a newer version is on its way; `downloaded`: installed on restart.
 */
export type UpdatePhase = 'inactive' | 'idle' | 'checking' | 'downloading' | 'downloaded';

export interface UpdateView {
  phase: UpdatePhase;
  channel: UpdateChannel;
  /** The version being downloaded or downloaded; null otherwise. */
  version: string | null;
}

/** The IPC channels between the preload's bridge and main (the preload spells them out: it imports nothing). */
export const UPDATE_IPC = {
  view: 'updates.view',
  setChannel: 'updates.setChannel',
  restart: 'updates.restart',
  changed: 'updates.changed',
} as const;

export interface DeskUpdates {
  view(): Promise<UpdateView>;
  setChannel(channel: UpdateChannel): Promise<UpdateView>;
  /** Quits, installs the downloaded version and starts it again. */
  restartToUpdate(): Promise<void>;
  /** Called with every new view; returns the unsubscribe. */
  onChange(listener: (view: UpdateView) => void): () => void;
}
