// A throwaway PostgreSQL cluster that checks passwords (scram-sha-256), for the one test that needs a wrong
// password refused: the shared test server trusts every local connection.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PasswordCluster {
  url(user: string, password: string): string;
  stop(): void;
}

function binary(name: string): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    for (const version of readdirSync(root).sort((a, b) => Number(b) - Number(a))) {
      const candidate = path.join(root, version, 'bin', name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return name;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export async function startPasswordCluster(superuserPassword: string): Promise<PasswordCluster> {
  const directory = mkdtempSync(path.join(tmpdir(), 'desk-pg-scram-'));
  const data = path.join(directory, 'data');
  const passwordFile = path.join(directory, 'pw');
  writeFileSync(passwordFile, superuserPassword);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
    chownSync(directory, id('-u'), id('-g'));
    chownSync(passwordFile, id('-u'), id('-g'));
  }
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', binary(tool), ...args], { stdio: 'pipe' })
      : execFileSync(binary(tool), args, { stdio: 'pipe' });
  run('initdb', ['-A', 'scram-sha-256', '-U', 'postgres', '--pwfile', passwordFile, '-D', data, '--no-sync']);
  const port = await freePort();
  run('pg_ctl', ['-D', data, '-l', path.join(directory, 'log'), '-o',
    `-p ${port} -k ${directory} -c listen_addresses=127.0.0.1 -c fsync=off`, '-w', 'start']);
  const stop = () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    } catch {
      // already stopped
    }
    rmSync(directory, { recursive: true, force: true });
  };
  process.once('exit', stop);
  return {
    url: (user, password) => `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop,
  };
}
