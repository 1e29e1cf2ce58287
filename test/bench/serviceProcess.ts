// The central service as `npm run central:serve` runs it, in a child process of its own. As on a server, its work is
// then not the desk's: in the bench's own process it would compete for the thread the desk's core runs on (a page
// it renders would wait behind the page the desk is writing, which no real desk and service ever do).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { probeService } from '../../core/service/serviceAuth';
import { freePort, type TestDatabase } from '../support/postgres';

const ROOT = path.resolve(__dirname, '../..');

export interface ServiceProcess {
  url: string;
  stop(): Promise<void>;
}

/** Starts the service on the database on a free loopback port; resolves once it answers its health check. */
export async function startServiceProcess(db: TestDatabase): Promise<ServiceProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), path.join(ROOT, 'service/main.ts')], {
    env: { ...process.env, DATABASE_URL: db.serviceUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      await probeService({ url });
      return { url, stop };
    } catch (error) {
      if (Date.now() > until || child.exitCode !== null) {
        await stop();
        throw new Error(`the service did not start: ${String(error)}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
