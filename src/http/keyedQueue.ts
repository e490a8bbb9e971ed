/**
 * Runs tasks one at a time per key, in arrival order, and different keys in parallel. Two
 * quick messages in one conversation then never load the same state and overwrite each
 * other's answers. Holds an entry only while a key has work queued.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(() => undefined, () => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with work in flight (for tests and diagnostics). */
  get size(): number {
    return this.tails.size;
  }
}
