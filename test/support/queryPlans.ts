// What SQLite plans for the statements a piece of code runs: a test hands the code a database that plans each
// statement (with its own parameters) before running it, and reads the plans (coldQueuePlans.test.ts and others).
import type Database from 'better-sqlite3';

/** The database, with every statement run through it planned first: the plans' steps, one string per statement. */
export function planning(sqlite: Database.Database): { database: Database.Database; plans: string[] } {
  const plans: string[] = [];
  const watched = (sql: string, statement: Database.Statement): Database.Statement =>
    new Proxy(statement, {
      get(target, property) {
        if (property === 'all' || property === 'get' || property === 'run') {
          return (...params: unknown[]) => {
            const steps = sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
            plans.push(steps.map((step) => step.detail).join(' | '));
            return target[property](...params);
          };
        }
        if (property === 'pluck') return () => watched(sql, target.pluck());
        const value = Reflect.get(target, property) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  const database = new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') return (sql: string) => watched(sql, target.prepare(sql));
      const value = Reflect.get(target, property) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { database, plans };
}
