import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator';
import { withDeadline } from '../http/outbound';

type BotFrameworkAuthentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;
type AuthenticateRequestResult = Exclude<Parameters<CloudAdapter['processActivityDirect']>[0], string>;

/** Public audience of the Bot Framework channels; only used for outbound calls, which expectReplies avoids. */
const CHANNEL_AUDIENCE = 'https://api.botframework.com';

/** A request's authentication outcome when the caller handles it (no SDK stack trace, no SDK error text). */
export type Authorized =
  | { ok: true; response: InvokeResponse | undefined }
  | { ok: false; status: 401 | 503; reason: string };

/**
 * The app's one CloudAdapter, with a second way in: the local Direct Line hands the bot an
 * activity in-process and gets the replies back, through the same middleware and error
 * boundary as POST /api/messages. A subclass because `processActivity` (which returns the
 * expectReplies body) is protected; the public `processActivityDirect` drops that body.
 */
export class LocalDeliveryAdapter extends CloudAdapter {
  constructor(auth: BotFrameworkAuthentication, private readonly botAppId?: string) {
    super(auth);
  }

  /** Runs one turn with deliveryMode expectReplies and returns what the bot sent. */
  async deliver(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<Partial<Activity>[]> {
    const turn = { ...activity, deliveryMode: 'expectReplies' } as Activity;
    const auth = this.localAuth();
    const response = typeof auth === 'string' ? await this.processActivity(auth, turn, logic) : await this.processActivity(auth, turn, logic);
    const body = response?.body as { activities?: Partial<Activity>[] } | undefined;
    return body?.activities ?? [];
  }

  /**
   * POST /api/messages with credentials: authenticates the channel's token within `timeoutMs`
   * (the key fetch behind it can hang), then runs the turn. The SDK's `process` would print a
   * stack per refused token and wait as long as the key endpoint does; here a refusal is an
   * outcome the route logs in one line. Key trouble (the sign-in service failing or too slow)
   * is 503, a token that does not verify is 401.
   */
  async processAuthorized(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>, timeoutMs: number): Promise<Authorized> {
    let result: AuthenticateRequestResult;
    try {
      result = await withDeadline(this.botFrameworkAuthentication.authenticateRequest(activity, authHeader), timeoutMs);
    } catch (error) {
      const e = error as Error & { statusCode?: number };
      if (e.name === 'TimeoutError') return { ok: false, status: 503, reason: 'auth_timeout' };
      return { ok: false, status: (e.statusCode ?? 401) >= 500 ? 503 : 401, reason: e.statusCode !== undefined && e.statusCode >= 500 ? 'keys_unavailable' : 'token_refused' };
    }
    return { ok: true, response: await this.processActivity(result, validateAndFixActivity(activity), logic) };
  }

  /**
   * Anonymous mode: the SDK's own path with an empty header, exactly as /api/messages does.
   * With an app id an empty header is refused, yet there is no channel token to check here:
   * the caller is this process, already gated by the Direct Line token. So build the same
   * identity the SDK builds for proactive turns instead.
   */
  private localAuth(): string | AuthenticateRequestResult {
    if (!this.botAppId) return '';
    const claimsIdentity = this.createClaimsIdentity(this.botAppId);
    return { audience: CHANNEL_AUDIENCE, claimsIdentity, connectorFactory: this.botFrameworkAuthentication.createConnectorFactory(claimsIdentity) };
  }
}
