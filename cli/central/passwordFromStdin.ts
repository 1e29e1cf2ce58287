// A password for a CLI, read from standard input (one line; typed at a prompt or piped), never from the command line,
// where other users of the machine could see it.
import { createInterface } from 'node:readline';

export async function passwordFromStdin(forWhom: string): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write(`Password for ${forWhom}: `);
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  throw new Error('No password on stdin.');
}
