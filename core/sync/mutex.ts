/** One user of the central connection at a time: a pg client must not interleave two transactions. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  private queued = 0;

  /** How many tasks wait for the one running (a long task may make room for them: see pullChanges' yieldTo). */
  get waiting(): number {
    return this.queued;
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    this.queued++;
    const start = () => {
      this.queued--;
      return task();
    };
    const result = this.tail.then(start, start);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
