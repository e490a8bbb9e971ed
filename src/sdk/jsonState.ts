import { ConversationState, UserState, calculateChangeHash, type BotState, type Storage, type TurnContext } from 'botbuilder';

/** What BotState keeps in turnState for one state object (its own shape: `get`, `clear` and `delete` read it). */
interface Cached { state: Record<string, unknown>; hash: string }

/**
 * The state as it would be stored, for the change check. Afterscan's state is plain JSON (it is
 * stored as JSON), so its JSON text is the same test the SDK's change hash makes, without the
 * SDK's cycle-safe stringify and SHA-256 on every load and save (about 7 % of a turn's CPU,
 * bench/RESULTS.md fix 3). Something JSON cannot write (a cycle) falls back to the SDK's hash,
 * whose different form then always reads as changed, so such a state is still saved (and the
 * storage reports why it cannot be).
 */
export function changeKey(state: Record<string, unknown>): string {
  const { eTag: _eTag, ...rest } = state;
  try {
    return JSON.stringify(rest);
  } catch {
    return `sha256:${calculateChangeHash(state)}`;
  }
}

/** BotState's own private key into turnState for its cached state (so `get`, `clear` and `delete` keep working). */
const stateKeyOf = (state: BotState): symbol => (state as unknown as { stateKey: symbol }).stateKey;

type KeyOf = (context: TurnContext) => string | Promise<string>;

/** BotState.load with the JSON change key: reads the item once per turn (or when forced). */
async function load(state: BotState, storage: Storage, keyOf: KeyOf, context: TurnContext, force: boolean): Promise<Record<string, unknown>> {
  const stateKey = stateKeyOf(state);
  const cached = context.turnState.get(stateKey) as Cached | undefined;
  if (!force && cached?.state) return cached.state;
  const key = await keyOf(context);
  const items = await storage.read([key]);
  const loaded = (items[key] ?? {}) as Record<string, unknown>;
  context.turnState.set(stateKey, { state: loaded, hash: changeKey(loaded) } satisfies Cached);
  return loaded;
}

/** BotState.saveChanges with the JSON change key: writes only a state that changed since it was loaded or last saved (or when forced). */
async function save(state: BotState, storage: Storage, keyOf: KeyOf, context: TurnContext, force: boolean): Promise<void> {
  const stateKey = stateKeyOf(state);
  let cached = context.turnState.get(stateKey) as Cached | undefined;
  let now: string | undefined;
  if (!force) {
    if (!cached) return;
    now = changeKey(cached.state);
    if (now === cached.hash) return;
  }
  const key = await keyOf(context);
  cached ??= { state: {}, hash: '' };
  cached.state.eTag = '*'; // last writer wins, as the SDK's BotState does
  await storage.write({ [key]: cached.state }); // on failure the old key stays: still a change to write
  cached.hash = now ?? changeKey(cached.state);
  context.turnState.set(stateKey, cached);
}

/** ConversationState with the JSON change check. */
export class JsonConversationState extends ConversationState {
  constructor(private readonly store: Storage, namespace = '') {
    super(store, namespace);
  }

  override load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    return load(this, this.store, this.storageKey, context, force);
  }

  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return save(this, this.store, this.storageKey, context, force);
  }
}

/** UserState with the JSON change check. */
export class JsonUserState extends UserState {
  constructor(private readonly store: Storage, namespace = '') {
    super(store, namespace);
  }

  override load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    return load(this, this.store, this.storageKey, context, force);
  }

  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return save(this, this.store, this.storageKey, context, force);
  }
}
