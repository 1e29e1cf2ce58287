// The person's update channel, kept in the desk's settings folder (the user data folder, beside
// central-service.json) as `update-channel.json`. Anything unreadable means stable: a damaged file never
// puts anyone on beta.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isUpdateChannel, type UpdateChannel } from '../../../shared/contract/updates';

export const CHANNEL_FILE = 'update-channel.json';

export interface ChannelStore {
  load(): UpdateChannel;
  save(channel: UpdateChannel): void;
}

export function fileChannelStore(settingsDirectory: string): ChannelStore {
  const file = path.join(settingsDirectory, CHANNEL_FILE);
  return {
    load() {
      if (!existsSync(file)) return 'stable';
      try {
        const parsed = JSON.parse(readFileSync(file, 'utf8')) as { channel?: unknown } | null;
        return isUpdateChannel(parsed?.channel) ? parsed.channel : 'stable';
      } catch {
        return 'stable';
      }
    },
    save(channel) {
      if (!isUpdateChannel(channel)) throw new Error(`Unknown update channel: ${String(channel)}`);
      writeFileSync(file, JSON.stringify({ channel }, null, 2), { mode: 0o600 });
    },
  };
}
