// A loopback TCP proxy between a desk and the central service (or any server) that a test can break in the ways
// networks break: cut (connections dropped, new ones refused), stalled (connections accepted and kept open, nothing
// forwarded either way until it resumes, as a half-dead link or a hung middlebox does), and a reply lost after the
// request reached the server (the connection cut once the server starts answering a chosen request) — without
// touching the real server.
import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** Drops every open connection and refuses new ones until `restore`. */
  cut(): void;
  /** Accepts connections again; also ends a stall (what was held back is forwarded). */
  restore(): void;
  /** Forwards nothing, either way, on any connection (open or new) until `restore`; closes none. */
  stall(): void;
  readonly stalled: boolean;
  /**
   * The next `times` requests whose first line starts with `prefix` (e.g. 'POST /api/push') reach the server, and
   * their connection is cut as its answer starts coming back: the server has done the work, the client hears nothing.
   */
  dropReplyTo(prefix: string, times?: number): void;
  /** Replies dropped so far by dropReplyTo. */
  readonly repliesDropped: number;
  close(): Promise<void>;
  urlFor(url: string): string;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  let down = false;
  let stalled = false;
  let dropPrefix: string | null = null;
  let dropsLeft = 0;
  let dropped = 0;
  const sockets = new Set<net.Socket>();
  const held: Array<() => void> = [];

  const server = net.createServer((incoming) => {
    if (down) {
      incoming.destroy();
      return;
    }
    const outgoing = net.connect(targetPort, targetHost);
    for (const socket of [incoming, outgoing]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    // A request on this connection whose answer must not arrive.
    let doomed = false;
    const forward = (from: net.Socket, to: net.Socket, upstream: boolean) => {
      from.on('data', (chunk: Buffer) => {
        const send = () => {
          if (to.destroyed) return;
          if (upstream && dropPrefix && dropsLeft > 0 && chunk.toString('latin1', 0, dropPrefix.length) === dropPrefix) {
            dropsLeft--;
            doomed = true;
          }
          if (!upstream && doomed) {
            dropped++;
            from.destroy();
            to.destroy();
            return;
          }
          to.write(chunk);
        };
        if (stalled) held.push(send);
        else send();
      });
    };
    forward(incoming, outgoing, true);
    forward(outgoing, incoming, false);
    incoming.on('close', () => outgoing.destroy());
    outgoing.on('close', () => incoming.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    cut() {
      down = true;
      held.length = 0;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      down = false;
      stalled = false;
      for (const send of held.splice(0)) send();
    },
    stall() {
      stalled = true;
    },
    get stalled() {
      return stalled;
    },
    dropReplyTo(prefix: string, times = 1) {
      dropPrefix = prefix;
      dropsLeft = times;
    },
    get repliesDropped() {
      return dropped;
    },
    async close() {
      down = true;
      held.length = 0;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    urlFor(url: string) {
      const parsed = new URL(url);
      parsed.hostname = '127.0.0.1';
      parsed.port = String(port);
      return parsed.toString().replace(/\/$/, '');
    },
  };
}
