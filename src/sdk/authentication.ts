import { AuthenticationConstants } from 'botframework-connector';
import { CallerIdConstants } from 'botbuilder';

/**
 * The SDK's public-cloud settings with another OpenID metadata URL for channel tokens
 * (BotOpenIdMetadata). The SDK treats any one explicit setting as "all settings are explicit",
 * so the others are spelled out with the public-cloud values it would use itself.
 */
export function publicCloudWith(openIdMetadataUrl: string): Record<string, string | boolean> {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}
