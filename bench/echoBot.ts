/**
 * The benchmark's yardstick: the smallest Bot Framework bot on the same stack as Afterscan
 * (restify 11, botbuilder 4.23.3 CloudAdapter, anonymous ConfigurationBotFrameworkAuthentication,
 * an ActivityHandler that echoes the text). No state, no storage, no dialogs.
 *
 *   PORT=4000 node dist/bench/echoBot.js
 *
 * ECHO_SERVER selects the HTTP front:
 *   bare (default)  the SDK sample: restify bodyParser() then adapter.process()
 *   app             Afterscan's own src/http/server.ts createServer() (body limit, validation,
 *                   guarded error bodies) in front of the same echo, to separate the cost of
 *                   the project's HTTP layer from the cost of its bot logic. Loaded at run time
 *                   so a change to createServer's signature cannot break the type-check.
 */
import path from 'node:path';
import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory, type TurnContext } from 'botbuilder';

const port = Number(process.env.PORT ?? 3979);
const host = process.env.HOST ?? '127.0.0.1';
const mode = process.env.ECHO_SERVER ?? 'bare';

const auth = new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' });
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (context, error) => {
  process.stderr.write(`echo bot turn error: ${error instanceof Error ? error.message : String(error)}\n`);
  await context.sendActivity('error');
};

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(MessageFactory.text(`Echo: ${context.activity.text ?? ''}`));
      await next();
    });
  }
}
const bot = new EchoBot();
const logic = (context: TurnContext): Promise<void> => bot.run(context);

type CreateServer = (deps: Record<string, unknown>) => restify.Server;

function bareServer(): restify.Server {
  const server = restify.createServer({ name: 'echo' });
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    await adapter.process(req, res, logic);
  });
  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    res.send(200, { status: 'ok' });
  });
  return server;
}

function appServer(): restify.Server {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createServer } = require(path.resolve(__dirname, '..', 'src', 'server.js')) as { createServer: CreateServer };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pino = require('pino') as (opts: { level: string }) => unknown;
  // Whatever else createServer has come to need: no rate limits (the echo measures the HTTP
  // layer, not a policy) and no CORS origins. Unknown keys are ignored by older versions.
  let limits: unknown = { admitClient: () => true, admitConversation: () => true };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    limits = (require(path.resolve(__dirname, '..', 'src', 'http', 'requestLimits.js')) as { UNLIMITED?: unknown }).UNLIMITED ?? limits;
  } catch { /* no such module in this version */ }
  return createServer({ adapter, logic, ready: () => true, logger: pino({ level: 'warn' }), maxBodyBytes: 256 * 1024, requireAuth: false, limits, corsOrigins: [] });
}

const server = mode === 'app' ? appServer() : bareServer();
server.listen(port, host);
process.once('SIGTERM', () => server.close(() => process.exit(0)));
process.once('SIGINT', () => server.close(() => process.exit(0)));
