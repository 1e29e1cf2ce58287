// Live notices: each service instance LISTENs once on the central change channel and tells every desk connected
// to it the newest committed version; a heartbeat goes out on a fixed beat so that a desk notices a silent stall
// (a proxy that stops forwarding) by the absence of beats, not by waiting for a change that never comes.
import type pg from 'pg';
import type { WebSocket } from 'ws';
import { connectCentral } from '../../core/sync/centralConnection';
import { CHANGE_CHANNEL } from '../../core/sync/liveListener';
import type { LiveNotice } from '../../shared/serviceApi';

export interface LiveHubOptions {
  databaseUrl: string;
  heartbeatMs: number;
}

export class LiveHub {
  private readonly sockets = new Set<WebSocket>();
  private listener: pg.Client | null = null;
  private version = 0;
  private beat: ReturnType<typeof setInterval> | null = null;
  private closed = false;
  private retryMs = 250;

  constructor(private readonly options: LiveHubOptions) {}

  async start(): Promise<void> {
    await this.listen();
    this.beat = setInterval(() => this.broadcast({ type: 'heartbeat', at: new Date().toISOString() }), this.options.heartbeatMs);
    this.beat.unref?.();
  }

  private async listen(): Promise<void> {
    const client = await connectCentral(this.options.databaseUrl);
    client.on('notification', (message) => {
      if (message.channel !== CHANGE_CHANNEL) return;
      const version = Number(message.payload);
      if (Number.isFinite(version) && version > this.version) this.version = version;
      this.broadcast({ type: 'version', version: this.version });
    });
    const lost = () => {
      if (this.closed || this.listener !== client) return;
      this.listener = null;
      client.end().catch(() => undefined);
      setTimeout(() => void this.reconnect(), this.retryMs).unref?.();
    };
    client.on('error', lost);
    client.on('end', lost);
    // desk_service holds no privileges of its own (NOINHERIT): reading the clock is a reader's right.
    await client.query('SET ROLE reader');
    await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM sync_clock');
    this.version = Math.max(this.version, Number(rows[0]?.version ?? 0));
    this.listener = client;
    this.retryMs = 250;
    // Anything committed while this instance was not listening: the desks pull and find it.
    this.broadcast({ type: 'version', version: this.version });
  }

  private async reconnect(): Promise<void> {
    if (this.closed) return;
    try {
      await this.listen();
    } catch {
      this.retryMs = Math.min(this.retryMs * 2, 10_000);
      setTimeout(() => void this.reconnect(), this.retryMs).unref?.();
    }
  }

  add(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => this.sockets.delete(socket));
    this.send(socket, { type: 'version', version: this.version });
  }

  get connections(): number {
    return this.sockets.size;
  }

  private send(socket: WebSocket, notice: LiveNotice): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(notice));
  }

  private broadcast(notice: LiveNotice): void {
    for (const socket of this.sockets) this.send(socket, notice);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.beat) clearInterval(this.beat);
    for (const socket of this.sockets) socket.terminate();
    this.sockets.clear();
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }
}
