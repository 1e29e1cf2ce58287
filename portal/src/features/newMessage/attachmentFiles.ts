// Attachments as the browser sees them, before any byte is sent: the type sniffed from the file's first bytes (as
// the service sniffs again, service/portal/sniffAttachment.ts), the size limits of PORTAL_MESSAGE_LIMITS, and the
// content in base64 for the message. The name's extension or the type the phone claims count for nothing.
import { PORTAL_MESSAGE_LIMITS, type PortalAttachmentType } from '../../../../shared/portalApi/messages';

const SIGNATURES: ReadonlyArray<{ type: PortalAttachmentType; bytes: readonly number[] }> = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The type the first bytes show, or null when they are none of PDF, JPEG or PNG. */
export function sniffFileType(head: Uint8Array): PortalAttachmentType | null {
  const match = SIGNATURES.find(({ bytes }) => bytes.every((byte, i) => head[i] === byte));
  return match?.type ?? null;
}

export type FileRefusal = 'type' | 'tooLarge' | 'tooMuch' | 'empty';

/** Why a file may not be attached next to those already chosen (`bytesSoFar` together), or null. */
export function refusalOf(type: PortalAttachmentType | null, bytes: number, bytesSoFar: number): FileRefusal | null {
  if (bytes === 0) return 'empty';
  if (type === null) return 'type';
  if (bytes > PORTAL_MESSAGE_LIMITS.attachmentBytes) return 'tooLarge';
  if (bytesSoFar + bytes > PORTAL_MESSAGE_LIMITS.messageBytes) return 'tooMuch';
  return null;
}

export async function sniffFile(file: Blob): Promise<PortalAttachmentType | null> {
  return sniffFileType(new Uint8Array(await file.slice(0, 8).arrayBuffer()));
}

export function base64Of(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export async function base64OfFile(file: Blob): Promise<string> {
  return base64Of(new Uint8Array(await file.arrayBuffer()));
}

/** 1 234 567 bytes → "1,2 MB" (nb) / "1.2 MB" (en). */
export function sizeText(bytes: number, locale: string): string {
  const format = (n: number, unit: string) => `${n.toLocaleString(locale, { maximumFractionDigits: 1 })} ${unit}`;
  if (bytes < 1000) return format(bytes, 'B');
  if (bytes < 1_000_000) return format(bytes / 1000, 'kB');
  return format(bytes / 1_000_000, 'MB');
}
