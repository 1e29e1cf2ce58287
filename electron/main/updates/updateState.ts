// The update logic without Electron: which feed settings follow from the person's channel, and which view
// follows from each of electron-updater's events. updater.ts wires these to the real autoUpdater; the unit
// test and the local-feed test use them as they are.
import type { UpdateChannel, UpdateView } from '../../../shared/contract/updates';

/** The part of electron-updater's AppUpdater that the channel decides. */
export interface ChannelTarget {
  channel: string | null;
  allowPrerelease: boolean;
  allowDowngrade: boolean;
}

/**
 * Stable reads `latest.yml`; beta reads `beta.yml` (electron-builder writes it for versions such as
 * 1.4.0-beta.2, and for every release with generateUpdatesFilesForAllChannels). On a generic feed the file is
 * what decides; allowPrerelease matters only to feeds that list releases, and says the same. Never a downgrade: someone who leaves beta keeps their version until stable passes it,
 * rather than having the desk reinstall an older one under their hands.
 */
export function applyChannel(target: ChannelTarget, channel: UpdateChannel): void {
  target.channel = channel === 'beta' ? 'beta' : 'latest';
  target.allowPrerelease = channel === 'beta';
  // Setting `channel` turns allowDowngrade on in electron-updater; it goes off after.
  target.allowDowngrade = false;
}

/** electron-updater's events, as far as the view cares. */
export type UpdaterEvent =
  | { type: 'checking-for-update' }
  | { type: 'update-available'; version: string }
  | { type: 'update-not-available' }
  | { type: 'download-progress' }
  | { type: 'update-downloaded'; version: string }
  | { type: 'update-cancelled' }
  | { type: 'error' };

/**
 * The view after an event. A downloaded version stays shown whatever comes later (a later check, or its
 * failure, does not take the restart away); an error is logged by the caller and the view goes quietly idle.
 */
export function nextUpdateView(view: UpdateView, event: UpdaterEvent): UpdateView {
  if (view.phase === 'inactive') return view;
  if (view.phase === 'downloaded' && event.type !== 'update-downloaded') return view;
  switch (event.type) {
    case 'checking-for-update':
      return { ...view, phase: 'checking', version: null };
    case 'update-available':
      return { ...view, phase: 'downloading', version: event.version };
    case 'download-progress':
      return view.phase === 'downloading' ? view : { ...view, phase: 'downloading' };
    case 'update-downloaded':
      return { ...view, phase: 'downloaded', version: event.version };
    case 'update-not-available':
    case 'update-cancelled':
    case 'error':
      return { ...view, phase: 'idle', version: null };
  }
}

/** The view before anything has happened: inactive where updates do not run, idle where they do. */
export function initialUpdateView(active: boolean, channel: UpdateChannel): UpdateView {
  return { phase: active ? 'idle' : 'inactive', channel, version: null };
}
