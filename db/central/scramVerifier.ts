// A SCRAM-SHA-256 password verifier computed here, so that CREATE/ALTER ROLE … PASSWORD never carries the
// password itself to the server, where statement logging could keep it (psql's \password does the same).
// Format (RFC 5803, as PostgreSQL stores it): SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

const ITERATIONS = 4096;

export function scramSha256Verifier(password: string, salt: Buffer = randomBytes(16)): string {
  const salted = pbkdf2Sync(password, salt, ITERATIONS, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${ITERATIONS}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}
