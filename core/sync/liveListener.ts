// LISTEN on the central change channel: every commit that changes synced rows notifies, and the engine pulls
// at once. A dedicated connection, because LISTEN holds it; when it drops, the engine reconnects.
import type pg from 'pg';
import { connectCentral, type CentralCredentials } from './centralConnection';

export const CHANGE_CHANNEL = 'desk_changes';

export interface LiveListener {
  close(): Promise<void>;
}

export async function listenForChanges(
  credentials: CentralCredentials | string,
  onChange: () => void,
  onLost: (error: unknown) => void,
): Promise<LiveListener> {
  const client: pg.Client = await connectCentral(credentials);
  let closing = false;
  client.on('notification', (message) => {
    if (message.channel === CHANGE_CHANNEL) onChange();
  });
  client.on('error', (error) => {
    if (!closing) onLost(error);
  });
  client.on('end', () => {
    if (!closing) onLost(new Error('Connection terminated'));
  });
  await client.query(`LISTEN ${CHANGE_CHANNEL}`);
  return {
    async close() {
      closing = true;
      await client.end().catch(() => undefined);
    },
  };
}
