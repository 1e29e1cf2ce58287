// The owner's personal code for answering an offer in the portal: 10 characters from an alphabet without the ones a
// reader mixes up (0/O, 1/I — L is kept, since 1 is not there to confuse it with), 5 bits each, so 50 bits; printed
// in two groups of five ("K7M2Q-XR9TD") and taken back however it is typed (lower case, spaces, dashes).
export const OWNER_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const OWNER_CODE_LENGTH = 10;
/** 32 symbols: 5 bits a character. */
export const OWNER_CODE_BITS = OWNER_CODE_LENGTH * Math.log2(OWNER_CODE_ALPHABET.length);

/** A code from `OWNER_CODE_LENGTH` random bytes (the low five bits of each: 32 divides 256, so no bias). */
export function ownerCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < OWNER_CODE_LENGTH) throw new Error(`an owner code takes ${OWNER_CODE_LENGTH} random bytes`);
  let code = '';
  for (let i = 0; i < OWNER_CODE_LENGTH; i++) code += OWNER_CODE_ALPHABET[bytes[i] & 31];
  return code;
}

/** "K7M2QXR9TD" → "K7M2Q-XR9TD", as printed. */
export const formatOwnerCode = (code: string): string => `${code.slice(0, 5)}-${code.slice(5)}`;

/** The code as typed, in its stored form, or null when it cannot be one (wrong length or letters). */
export function normaliseOwnerCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== OWNER_CODE_LENGTH) return null;
  return [...code].every((char) => OWNER_CODE_ALPHABET.includes(char)) ? code : null;
}
