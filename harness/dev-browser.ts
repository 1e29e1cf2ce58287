// `npm run dev:browser`: the real core and the built renderer in your own browser, on loopback only,
// behind a one-time token printed here. Data lives in .data/ (seeded with demo cases the first time).
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { systemClock } from '../core/clock';
import { BRIDGE_SCRIPT_PATH, bridgeApiHandler, bridgeScript } from './devBridge';
import { signInToService } from './centralUrl';
import { startHarnessCore } from './harnessCore';
import { startStaticServer } from './staticServer';

async function main(): Promise<void> {
  const dataDirectory = path.resolve(__dirname, '../.data');
  const cases = Number(process.env.DESK_DEMO_CASES ?? 2_000);
  // SERVICE_URL, SERVICE_USER and SERVICE_PASSWORD: run as a client of that central service instead of standalone.
  const central = process.env.SERVICE_URL
    ? await signInToService(process.env.SERVICE_URL, process.env.SERVICE_USER ?? '', process.env.SERVICE_PASSWORD ?? '')
    : undefined;
  const harness = startHarnessCore({
    dataDirectory,
    cases,
    clock: systemClock,
    central,
    onOpenFile: (file) => console.log(`opened attachment ${file.fileName}: ${file.absolutePath}`),
  });
  const token = randomBytes(24).toString('base64url');
  let port = 0;
  const server = await startStaticServer({
    injectScript: { path: BRIDGE_SCRIPT_PATH, body: bridgeScript() },
    handleApi: bridgeApiHandler(harness.core, token, () => port),
  });
  port = server.port;
  console.log(`Saksbehandlerpulten (browser harness) on loopback only. Open:\n\n  ${server.url}?token=${token}\n`);
  console.log('Attachments the app opens are listed here (Electron hands them to the desktop).');
  const stop = async (): Promise<void> => {
    await server.close();
    await harness.dispose();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main();
