/**
 * Remembers that the database just failed to answer, for a few seconds. While it is suspected
 * down, the steps that come before the red-flag screen in a turn (the conversation lock, the
 * pending check-ins read) are skipped instead of each waiting out DATABASE_TIMEOUT_MS: a server
 * that stopped answering (a network partition drops packets, nothing refuses them) must not hold
 * emergency advice back (S1). The next turn after the hold tries the database again.
 */
export class Outage {
  private until = 0;

  constructor(private readonly holdMs = 5_000, private readonly now: () => number = Date.now) {}

  get suspected(): boolean {
    return this.now() < this.until;
  }

  failed(): void {
    this.until = this.now() + this.holdMs;
  }

  answered(): void {
    this.until = 0;
  }
}

/**
 * Whether a failed query means the server did not answer (a refused or dropped connection, a
 * client-side timeout) rather than answered with an error: answers carry a 5-character SQLSTATE.
 */
export const isUnanswered = (error: unknown): boolean => !/^[0-9A-Z]{5}$/.test(String((error as { code?: unknown }).code ?? ''));

/** Runs a query, telling `outage` whether the server answered. */
export async function watched<T>(outage: Outage | undefined, work: Promise<T>): Promise<T> {
  try {
    const result = await work;
    outage?.answered();
    return result;
  } catch (error) {
    if (isUnanswered(error)) outage?.failed();
    throw error;
  }
}
