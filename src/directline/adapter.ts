import { CloudAdapter, type Activity, type TurnContext } from 'botbuilder';

type BotFrameworkAuthentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;
type AuthenticateRequestResult = Exclude<Parameters<CloudAdapter['processActivityDirect']>[0], string>;

/** Public audience of the Bot Framework channels; only used for outbound calls, which expectReplies avoids. */
const CHANNEL_AUDIENCE = 'https://api.botframework.com';

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
