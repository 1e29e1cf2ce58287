// Files chosen in a form, as the import format carries them: base64 content, the kind, the name. The service
// sniffs the type from the content; the browser's guess is sent only as a first word.
import type { AttachmentKind } from '../../../../shared/rules';

export const ACCEPTED_FILES = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

export interface MessageAttachment {
  kind: AttachmentKind;
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

function base64Of(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  // In slices: String.fromCharCode takes a limited number of arguments.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function attachmentOf(kind: AttachmentKind, file: File): Promise<MessageAttachment> {
  return { kind, fileName: file.name, mimeType: file.type || 'application/octet-stream', contentBase64: base64Of(await file.arrayBuffer()) };
}

/** A message id the firm gives its message: unique, and short enough for the service's prefix. */
export const newMessageId = () => `portal-${crypto.randomUUID()}`;
