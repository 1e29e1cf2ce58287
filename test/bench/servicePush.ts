// service.push_per_s: many desks pushing at once, as the central service meets them. `desks` accounts are signed in
// (one session each) and then, for `seconds`, every one of them POSTs /api/push over loopback with a small batch of
// new notes (each on a random case, its own client id and seq, as a desk's outbox would send them), the next batch as
// soon as the last one was answered. What is counted is the mutations the service answered `applied`, per second of
// the whole run; a refusal or an HTTP error fails the bench (it would mean the figure counts the wrong thing).
// Plain concurrent fetch loops (undici keeps one connection per desk alive), no load-testing tool: a desk sends the
// next batch only after the answer to the last, which is what an open-loop tool would not model.
import { randomUUID } from 'node:crypto';
import { signIn } from '../../core/service/serviceAuth';
import type { PushMutation } from '../../shared/serviceApi';
import type { TestDatabase } from '../support/postgres';
import { TEST_PASSWORD } from '../support/postgres';
import { percentile, round, type BenchResult } from './stats';

export interface ServicePushOptions {
  desks: number;
  seconds: number;
  /** Mutations per POST. */
  batch: number;
  /** Cases exist with ids 1..cases. */
  cases: number;
}

interface Desk {
  index: number;
  token: string;
  clientId: string;
  seq: number;
}

export async function benchServicePush(db: TestDatabase, url: string, options: ServicePushOptions): Promise<BenchResult[]> {
  // Accounts and sign-ins first, not timed (a password hash each). A desk's client id is a UUID, as the cache makes it.
  const desks: Desk[] = [];
  for (let i = 0; i < options.desks; i++) {
    const login = await db.createLogin(`push${i}`, 'case_handler');
    const { token } = await signIn({ url }, login, TEST_PASSWORD);
    desks.push({ index: i, token, clientId: randomUUID(), seq: 0 });
  }
  const post = async (desk: Desk): Promise<number> => {
    const mutations: PushMutation[] = [];
    for (let j = 0; j < options.batch; j++) {
      const caseId = 1 + Math.floor(Math.random() * options.cases);
      mutations.push({
        seq: ++desk.seq,
        name: 'case.addNote',
        args: { caseId, body: `Last fra pult ${desk.index}, nr. ${desk.seq}`, noteId: randomUUID() },
        precondition: {},
      });
    }
    const response = await fetch(`${url}/api/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${desk.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: desk.clientId, mutations }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`push answered HTTP ${response.status}: ${text.slice(0, 300)}`);
    const { results } = JSON.parse(text) as { results: Array<{ outcome: string; code?: string }> };
    const refused = results.find((r) => r.outcome !== 'applied');
    if (refused || results.length !== mutations.length) throw new Error(`push not applied: ${JSON.stringify(refused ?? results.length)}`);
    return results.length;
  };
  // One round unmeasured: connections opened, statements and the service's code warm.
  await Promise.all(desks.map((desk) => post(desk)));

  let applied = 0;
  const latencies: number[] = [];
  const started = performance.now();
  const until = started + options.seconds * 1000;
  await Promise.all(
    desks.map(async (desk) => {
      while (performance.now() < until) {
        const start = performance.now();
        // Not `applied += await post(desk)`: that reads `applied` before the await and loses the other desks' counts.
        const count = await post(desk);
        applied += count;
        latencies.push(performance.now() - start);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return [
    { name: 'service.push_per_s', value: round(applied / elapsed, 0), unit: 'mutations/s' },
    { name: 'service.push_request_p95_ms', value: round(percentile(latencies, 95)), unit: 'ms' },
  ];
}
