/**
 * EXPERIMENT ONLY (node -r): CloudAdapter builds a new ConnectorClient and a new
 * UserTokenClient (two @azure/core-client pipelines: proxy settings read from the environment,
 * sanitizers, tracing policy...) for every inbound activity, even with expectReplies where
 * neither is used. This reuses them per app id + service URL + audience. A real fix: a
 * BotFrameworkAuthentication wrapper in src/app.ts whose connector factory and user-token
 * client are cached the same way (credentials and their token cache are per app id anyway).
 */
const path = require('node:path');
const root = path.dirname(require.resolve('botframework-connector/package.json'));
const { ConnectorFactoryImpl } = require(path.join(root, 'lib/auth/connectorFactoryImpl.js'));
const { ParameterizedBotFrameworkAuthentication } = require(path.join(root, 'lib/auth/parameterizedBotFrameworkAuthentication.js'));
const clients = new Map();
const create = ConnectorFactoryImpl.prototype.create;
ConnectorFactoryImpl.prototype.create = function cachedCreate(serviceUrl, audience) {
  const key = `${this.appId}|${serviceUrl}|${audience}`;
  let client = clients.get(key);
  if (!client) clients.set(key, (client = create.call(this, serviceUrl, audience)));
  return client;
};
const tokenClients = new Map();
const createUserTokenClient = ParameterizedBotFrameworkAuthentication.prototype.createUserTokenClient;
ParameterizedBotFrameworkAuthentication.prototype.createUserTokenClient = function cachedUserTokenClient(identity) {
  const key = JSON.stringify(identity && identity.claims);
  let client = tokenClients.get(key);
  if (!client) tokenClients.set(key, (client = createUserTokenClient.call(this, identity)));
  return client;
};
