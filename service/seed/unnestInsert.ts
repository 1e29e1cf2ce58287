// Bulk insert without COPY: one INSERT … SELECT FROM unnest($1::t1[], $2::t2[], …) per batch, the rows sent as
// one array per column. Thousands of rows per round trip, plain parameters, and triggers still fire per row.
import type pg from 'pg';

export interface ColumnSpec {
  name: string;
  /** The PostgreSQL element type of the parameter array, e.g. 'bigint', 'timestamptz', 'jsonb'. */
  type: string;
}

export class UnnestInsert {
  private columns: unknown[][];
  private rows = 0;
  /** The batch on the wire: the next one is built while the server inserts this one. */
  private pending: Promise<unknown> = Promise.resolve();
  private readonly statement: string;
  inserted = 0;

  constructor(
    private readonly client: pg.ClientBase,
    table: string,
    specs: readonly ColumnSpec[],
    private readonly batchSize = 5_000,
    options: {
      /** The same value in every row, e.g. { version: 17 }. */
      fixed?: Record<string, number>;
      /** Appended to the statement, e.g. 'ON CONFLICT (id) DO NOTHING'. */
      onConflict?: string;
    } = {},
  ) {
    this.columns = specs.map(() => []);
    const fixed = Object.entries(options.fixed ?? {});
    const names = [...specs.map((c) => c.name), ...fixed.map(([name]) => name)].map((n) => client.escapeIdentifier(n));
    const arrays = specs.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
    const constants = fixed.map(([, value]) => `, ${Number(value)}`).join('');
    this.statement = `INSERT INTO ${client.escapeIdentifier(table)} (${names.join(', ')})
      SELECT *${constants} FROM unnest(${arrays}) ${options.onConflict ?? ''}`.trimEnd();
  }

  /** Values in the order of the column specs. */
  async add(row: readonly unknown[]): Promise<void> {
    for (let i = 0; i < this.columns.length; i++) this.columns[i].push(row[i] ?? null);
    if (++this.rows >= this.batchSize) await this.send();
  }

  /** Sends the rows added so far; resolves once every batch before this one is in. */
  private async send(): Promise<void> {
    await this.pending;
    if (this.rows === 0) return;
    const batch = this.columns;
    const rows = this.rows;
    this.columns = batch.map(() => []);
    this.rows = 0;
    this.pending = this.client.query(this.statement, batch).then(() => {
      this.inserted += rows;
    });
    // Handled when awaited by the next send or flush; until then a failure must not count as unhandled.
    this.pending.catch(() => undefined);
  }

  /** Sends what is left and waits until all of it is inserted. */
  async flush(): Promise<void> {
    await this.send();
    await this.pending;
  }
}
