/** An activity as the local Direct Line stores it and hands it to clients. */
export interface WireActivity {
  id: string;
  type: string;
  timestamp: string;
  [field: string]: unknown;
}

/** How much a conversation may hold, and whom to tell when that changes (the store's total). */
export interface ConversationBounds {
  maxActivities: number;
  maxBytes: number;
  onBytes?: (delta: number) => void;
}

/**
 * One local Direct Line conversation: a bounded activity log with a monotonic watermark,
 * the user it belongs to, and a queue that runs the bot's turns one at a time (two turns of
 * one conversation at once would race on its stored state). The log is bounded in activities
 * and in bytes (as JSON); past either bound the oldest go, and the watermark keeps counting.
 */
export class Conversation {
  private readonly log: { seq: number; activity: WireActivity; bytes: number }[] = [];
  private seq = 0;
  private lastTimestamp = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private held = 0;
  /** The welcome (conversationUpdate) has been delivered. */
  started = false;
  /** Tokens issued for this conversation, so they go when it goes. */
  readonly tokens = new Set<string>();
  /** When a client or the bot last used it (the idle clock). */
  lastActive = 0;

  constructor(
    readonly id: string,
    readonly userId: string,
    public locale: string | undefined,
    private readonly bounds: ConversationBounds,
  ) {}

  /** Bytes of activity JSON held. */
  get bytes(): number {
    return this.held;
  }

  /**
   * Adds an activity with the next id and a timestamp strictly after the previous one (Web Chat
   * orders by timestamp). Past the caps the oldest are dropped; the watermark keeps counting.
   */
  append(activity: { type: string; [field: string]: unknown }, nowMs: number): WireActivity {
    this.seq += 1;
    this.lastTimestamp = Math.max(nowMs, this.lastTimestamp + 1);
    const stored: WireActivity = { ...activity, id: `${this.id}|${String(this.seq).padStart(7, '0')}`, timestamp: new Date(this.lastTimestamp).toISOString() };
    const bytes = Buffer.byteLength(JSON.stringify(stored));
    this.log.push({ seq: this.seq, activity: stored, bytes });
    this.account(bytes);
    while (this.log.length > this.bounds.maxActivities || (this.held > this.bounds.maxBytes && this.log.length > 1)) this.dropOldest();
    return stored;
  }

  /** Drops the oldest activity; false when there is none. */
  dropOldest(): boolean {
    const gone = this.log.shift();
    if (!gone) return false;
    this.account(-gone.bytes);
    return true;
  }

  /** Drops every activity kept (forget me); ids and the watermark go on from where they were. */
  clear(): void {
    while (this.dropOldest());
  }

  /** Everything after a watermark (all that is kept when there is none). */
  since(watermark: number): { activities: WireActivity[]; watermark: string } {
    return { activities: this.log.filter((e) => e.seq > watermark).map((e) => e.activity), watermark: String(this.seq) };
  }

  /** Runs work after every earlier piece of work for this conversation has settled. */
  serialize<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private account(delta: number): void {
    this.held += delta;
    this.bounds.onBytes?.(delta);
  }
}
