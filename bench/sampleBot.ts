/**
 * The benchmark's second yardstick: the SDK's own multi-turn dialog sample, the way Microsoft's
 * "multi-turn prompt" sample (05.multi-turn-prompt) is built, on the same stack as the echo bot
 * (restify 11 bodyParser, botbuilder 4.23.3 CloudAdapter, anonymous
 * ConfigurationBotFrameworkAuthentication). A ComponentDialog holding a 3-step WaterfallDialog with
 * two ChoicePrompts; ConversationState (the dialog stack) and UserState (the answers) on
 * MemoryStorage, both saved at the end of every turn. It imports the botbuilder-dialogs index, as
 * the sample does (prompts, choice recognizers and @microsoft/recognizers-text included).
 *
 *   PORT=4000 node dist/bench/sampleBot.js
 *
 * A conversation: any message starts the dialog ("How do you travel?" Car / Bus / Bicycle), the
 * answer is confirmed ("Shall I remember it?" Yes / No), then a summary ends the dialog; the next
 * message starts it again. An answer that is not a choice is asked again, as in the sample.
 */
import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage, UserState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { ChoiceFactory, ChoicePrompt, ComponentDialog, DialogSet, DialogTurnStatus, WaterfallDialog, type DialogState, type WaterfallStepContext } from 'botbuilder-dialogs';

const port = Number(process.env.PORT ?? 3980);
const host = process.env.HOST ?? '127.0.0.1';

interface UserProfile { transport?: string; remembered?: boolean }

const TRANSPORT = 'transportPrompt';
const CONFIRM = 'confirmPrompt';
const WATERFALL = 'profileWaterfall';

class UserProfileDialog extends ComponentDialog {
  constructor(private readonly profile: StatePropertyAccessor<UserProfile>) {
    super('userProfileDialog');
    this.addDialog(new ChoicePrompt(TRANSPORT));
    this.addDialog(new ChoicePrompt(CONFIRM));
    this.addDialog(new WaterfallDialog(WATERFALL, [
      (step) => this.transportStep(step),
      (step) => this.confirmStep(step),
      (step) => this.summaryStep(step),
    ]));
    this.initialDialogId = WATERFALL;
  }

  /** The sample's run helper: continue the active dialog, or begin this one. */
  async run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void> {
    const set = new DialogSet(accessor);
    set.add(this);
    const dc = await set.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  private async transportStep(step: WaterfallStepContext) {
    return step.prompt(TRANSPORT, { prompt: 'How do you travel?', choices: ChoiceFactory.toChoices(['Car', 'Bus', 'Bicycle']) });
  }

  private async confirmStep(step: WaterfallStepContext) {
    (step.values as UserProfile).transport = (step.result as { value: string }).value;
    return step.prompt(CONFIRM, { prompt: 'Shall I remember it?', choices: ChoiceFactory.toChoices(['Yes', 'No']) });
  }

  private async summaryStep(step: WaterfallStepContext) {
    const values = step.values as UserProfile;
    const remembered = (step.result as { value: string }).value === 'Yes';
    const profile = await this.profile.get(step.context, {});
    profile.transport = remembered ? values.transport : undefined;
    profile.remembered = remembered;
    await step.context.sendActivity(remembered ? `I will remember that you travel by ${values.transport}.` : 'I will not remember it.');
    return step.endDialog();
  }
}

const auth = new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' });
const adapter = new CloudAdapter(auth);
const storage = new MemoryStorage();
const conversationState = new ConversationState(storage);
const userState = new UserState(storage);
adapter.onTurnError = async (context, error) => {
  process.stderr.write(`sample bot turn error: ${error instanceof Error ? error.message : String(error)}\n`);
  await conversationState.delete(context);
  await context.sendActivity('error');
};

class DialogBot extends ActivityHandler {
  private readonly dialogState = conversationState.createProperty<DialogState>('DialogState');
  private readonly dialog = new UserProfileDialog(userState.createProperty<UserProfile>('userProfile'));

  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await this.dialog.run(context, this.dialogState);
      await next();
    });
    this.onDialog(async (context, next) => {
      await conversationState.saveChanges(context, false);
      await userState.saveChanges(context, false);
      await next();
    });
  }
}
const bot = new DialogBot();

const server = restify.createServer({ name: 'sample' });
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
  res.send(200, { status: 'ok' });
});
server.listen(port, host);
process.once('SIGTERM', () => server.close(() => process.exit(0)));
process.once('SIGINT', () => server.close(() => process.exit(0)));
