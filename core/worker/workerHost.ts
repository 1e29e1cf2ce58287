// The core's host inside the worker: each thing only the shell can do becomes a host call to it, answered by id.
// The settings are mirrored: the core reads them synchronously, so the worker keeps the snapshot it started with,
// changes its copy as the core writes, and sends every write on to the shell, which keeps the real ones (the
// keychain lives there). Messages go out in order, so a save always reaches the shell before the restart it asks.
import type { MessagePort } from 'node:worker_threads';
import type { CoreHost } from '../createCore';
import type { PdfRenderer } from '../offers/pdfRenderer';
import { memorySettingsHost, type SettingsHost } from '../settings/settingsHost';
import type { CoreOpenSpec, HostCall, HostCallName, SettingsSnapshot } from './protocol';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export class HostCaller {
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly port: MessagePort) {}

  call<N extends HostCallName>(name: N, args: Extract<HostCall, { name: N }>['args']): Promise<unknown> {
    return this.send(name, args);
  }

  /** A call whose answer nobody awaits (a settings write): a failure is logged by the shell, not lost silently. */
  tell<N extends HostCallName>(name: N, args: Extract<HostCall, { name: N }>['args']): void {
    this.send(name, args).catch(() => undefined);
  }

  private send(name: HostCallName, args: unknown): Promise<unknown> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.port.postMessage({ kind: 'hostCall', id, name, args });
    });
  }

  answer(id: number, outcome: { ok: true; value: unknown } | { ok: false; message: string }): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    if (outcome.ok) pending.resolve(outcome.value);
    else pending.reject(new Error(outcome.message));
  }
}

function mirroredSettingsHost(snapshot: SettingsSnapshot, shell: HostCaller): SettingsHost {
  const mirror = memorySettingsHost({ settings: snapshot.settings, token: snapshot.token });
  return {
    load: () => mirror.load(),
    token: () => mirror.token(),
    tokenExpiresAt: () => mirror.tokenExpiresAt(),
    save(settings, token) {
      mirror.save(settings, token);
      shell.tell('settings.save', token === undefined ? [settings] : [settings, token]);
    },
    clear() {
      mirror.clear();
      shell.tell('settings.clear', []);
    },
    tokenStorage: snapshot.tokenStorage,
    requestRestart: () => shell.tell('settings.requestRestart', []),
  };
}

export function workerHost(spec: CoreOpenSpec, shell: HostCaller): { host: CoreHost; pdfRenderer: PdfRenderer } {
  const host: CoreHost = {
    openFile: async (...file) => void (await shell.call('openFile', file)),
    printFile: spec.canPrint ? async (...file) => void (await shell.call('printFile', file)) : undefined,
    saveFileCopy: spec.canSaveCopy
      ? async (...file) => {
        const savedTo = await shell.call('saveFileCopy', file);
        if (savedTo !== null && typeof savedTo !== 'string') throw new Error('The shell answered a saved copy without its path');
        return savedTo;
      }
      : undefined,
    openExternal: spec.canOpenExternal ? async (url) => void (await shell.call('openExternal', [url])) : undefined,
    settings: spec.settings ? mirroredSettingsHost(spec.settings, shell) : undefined,
  };
  const pdfRenderer: PdfRenderer = {
    async render(html) {
      const pdf = await shell.call('renderPdf', [html]);
      if (!(pdf instanceof Uint8Array)) throw new Error('The shell answered a letter with something that is not a PDF');
      return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    },
    // The renderer belongs to the shell, which closes it.
    close: async () => undefined,
  };
  return { host, pdfRenderer };
}
