import {
  AuthenticationConstants, BotFrameworkAuthentication, ConnectorFactory,
  type AuthenticateRequestResult, type BotFrameworkClient, type ClaimsIdentity, type ConnectorClient, type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';

/** At most this many clients of a kind are kept; past it the cache starts again (service URLs are few, but never trusted to be). */
export const MAX_CACHED_CLIENTS = 64;

/** The app id the SDK builds a turn's clients for (its own getAppId: the token's audience, else its app id claim). */
function appIdOf(identity: ClaimsIdentity): string {
  return identity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? identity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}

/** A promise cache that forgets a failure (the next call tries again) and stays bounded. */
class Cache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  get(key: string, make: () => Promise<T>): Promise<T> {
    let hit = this.entries.get(key);
    if (hit === undefined) {
      if (this.entries.size >= MAX_CACHED_CLIENTS) this.entries.clear();
      hit = make();
      this.entries.set(key, hit);
      hit.catch(() => { if (this.entries.get(key) === hit) this.entries.delete(key); });
    }
    return hit;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** One app id's connector factory: a ConnectorClient per service URL and audience, made once by the SDK's own factory. */
class ReusingConnectorFactory extends ConnectorFactory {
  private readonly clients = new Cache<ConnectorClient>();

  constructor(private readonly inner: ConnectorFactory) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.clients.get(`${serviceUrl}\n${audience ?? ''}`, () => this.inner.create(serviceUrl, audience));
  }
}

/**
 * The SDK's authentication with its outbound clients reused. CloudAdapter asks for a new connector
 * factory, ConnectorClient and UserTokenClient on every inbound activity and every proactive turn,
 * even with expectReplies where neither client is used: two @azure/core-client pipelines a turn,
 * about a fifth of a turn's CPU (bench/RESULTS.md fix 2). Here each app id keeps one factory whose
 * clients are kept per service URL and audience, and one UserTokenClient. A client holds its
 * credentials, which fetch and refresh their own token; the outbound deadline policy
 * (connectorClient.ts) is added when a client is made and reads the current deadline per request.
 * Authentication itself (every token checked) is unchanged: only what is built after it is reused.
 */
export class ReusingBotFrameworkAuthentication extends BotFrameworkAuthentication {
  private readonly factories = new Map<string, ReusingConnectorFactory>();
  private readonly tokenClients = new Cache<UserTokenClient>();

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  /** How many connector factories (app ids) are kept: for tests. */
  get factoryCount(): number {
    return this.factories.size;
  }

  private factoryFor(identity: ClaimsIdentity, make: () => ConnectorFactory): ConnectorFactory {
    const appId = appIdOf(identity);
    let factory = this.factories.get(appId);
    if (factory === undefined) {
      if (this.factories.size >= MAX_CACHED_CLIENTS) this.factories.clear();
      factory = new ReusingConnectorFactory(make());
      this.factories.set(appId, factory);
    }
    return factory;
  }

  private reuse(result: AuthenticateRequestResult): AuthenticateRequestResult {
    const made = result.connectorFactory;
    return made ? { ...result, connectorFactory: this.factoryFor(result.claimsIdentity, () => made) } : result;
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.reuse(await this.inner.authenticateRequest(activity, authHeader));
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.reuse(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.factoryFor(claimsIdentity, () => this.inner.createConnectorFactory(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.tokenClients.get(appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }
}
