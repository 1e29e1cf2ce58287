// The shell's side of the host calls: what the core's worker may ask of Electron main (or the harness), each
// carried out with the shell's own means once the protocol has checked its arguments.
import type { CoreHost } from '../createCore';
import type { PdfRenderer } from '../offers/pdfRenderer';
import type { SettingsHost } from '../settings/settingsHost';
import type { HostCall, SettingsSnapshot } from './protocol';

/** What the shell lends the core: the CoreHost's means, and the letter renderer, which only the shell can run. */
export interface ShellHost extends CoreHost {
  pdfRenderer: PdfRenderer;
}

export function settingsSnapshotOf(settings: SettingsHost | undefined): SettingsSnapshot | null {
  if (!settings) return null;
  const token = settings.token();
  return {
    settings: settings.load(),
    token: token === null ? null : { value: token, expiresAt: settings.tokenExpiresAt() ?? '' },
    tokenStorage: settings.tokenStorage,
  };
}

function required<T>(means: T | undefined, what: string): T {
  if (means === undefined) throw new Error(`This shell cannot ${what}`);
  return means;
}

export async function answerHostCall(host: ShellHost, call: HostCall): Promise<unknown> {
  switch (call.name) {
    case 'openFile':
      return host.openFile(...call.args);
    case 'printFile':
      return required(host.printFile?.bind(host), 'print')(...call.args);
    case 'saveFileCopy':
      return required(host.saveFileCopy?.bind(host), 'save a copy')(...call.args);
    case 'openExternal':
      return required(host.openExternal, 'open the system browser')(...call.args);
    case 'renderPdf': {
      const pdf = await host.pdfRenderer.render(call.args[0]);
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    }
    case 'settings.save':
      return required(host.settings, 'keep settings').save(call.args[0], call.args[1]);
    case 'settings.clear':
      return required(host.settings, 'keep settings').clear();
    case 'settings.requestRestart':
      return required(host.settings, 'keep settings').requestRestart();
  }
}
