// The server's today (Europe/Oslo) for the rules the central side checks: a price list's effective date, the price
// list in effect for a draft, a billing step's default date. A desk's clock says when the change was made (the
// outbox entry's createdAt, kept as the recorded time), never what the rules decide on.
import type pg from 'pg';

export async function centralToday(client: pg.ClientBase): Promise<string> {
  const { rows } = await client.query<{ today: string }>("SELECT (now() AT TIME ZONE 'Europe/Oslo')::date::text AS today");
  return rows[0].today;
}
