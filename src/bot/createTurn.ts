import type { TurnContext } from 'botbuilder';
import type { Config } from '../config';
import type { AnswerWords } from '../language/answerWords';
import type { CommandMatcher } from '../language/commands';
import type { LanguageDirectory } from '../language/directory';
import type { Localizer } from '../language/localizer';
import { capabilitiesFor, phonesIn, render, type OutMessage } from '../rendering';
import type { Lexicon } from '../triage/recognizer';
import { messageText } from './messageText';
import { deploymentFor, deploymentT, setTurn, type Deployment, type Session, type Translate, type Turn, type TurnLanguage } from './turn';

/** What every turn of the process shares: the deployment, the language services, the clock. */
export interface TurnServices {
  deployment: Deployment;
  languages: LanguageDirectory;
  /** The language for a channel's locale tag (or the default). */
  negotiate: (locale: string | undefined) => string;
  /** A translator fixed to one language that knows the deployment's numbers and words for the audience. */
  translator: (lng: string, audience: () => Session['audience']) => Translate;
  lexicon: (lng: string) => Lexicon;
  commands: (lng: string) => CommandMatcher;
  answerWords: (lng: string) => AnswerWords;
  /** The deployment's phone numbers: wherever a message names one, it is tap-to-call. */
  phones: readonly string[];
  now: () => number;
}

/** What only the caller of one turn can give: how to forget, and the check-ins it can book. */
export interface TurnHooks {
  forget: () => void;
  checkIns?: (turn: Turn) => Turn['checkIns'];
}

/** The deployment's facts a dialog reads, from the configuration. */
export function deploymentOf(config: Readonly<Config>): Deployment {
  const window = config.repeatScanDays;
  return {
    emergencyNumber: config.emergencyNumber,
    hasUrgentLine: config.urgentNumber !== null,
    hasRepeatWindow: window !== undefined,
    ...(window && window.min === window.max ? { repeatWindowContext: 'single' as const } : {}),
    ...(window ? { repeatWindowCount: window.max } : {}),
    scanType: config.scanType,
    region: config.region,
  };
}

/** The services of a running bot, from its configuration and loaded language data. */
export function turnServices(config: Readonly<Config>, parts: {
  localizer: Localizer; languages: LanguageDirectory; now: () => number;
  lexicon: (lng: string) => Lexicon; commands: (lng: string) => CommandMatcher; answerWords: (lng: string) => AnswerWords;
}): TurnServices {
  const { localizer } = parts;
  const contacts = [config.careTeamContact, ...Object.values(config.careTeamContacts), config.pregnancyContact];
  return {
    deployment: deploymentOf(config),
    languages: parts.languages,
    negotiate: (locale) => localizer.negotiate(locale),
    translator: (lng, audience) => deploymentT(localizer.fixedT(lng), deploymentFor(config, lng), audience),
    lexicon: parts.lexicon,
    commands: parts.commands,
    answerWords: parts.answerWords,
    phones: [config.emergencyNumber, ...(config.urgentNumber ? [config.urgentNumber] : []), ...contacts.flatMap(phonesIn)],
    now: parts.now,
  };
}

/**
 * The one way a turn is made (the bot and the dialog test harness both use it). The language
 * starts as the channel's locale; session and profile start empty and are filled when state loads.
 */
export function createTurn(services: TurnServices, context: TurnContext, hooks: TurnHooks): Turn {
  const caps = capabilitiesFor(context.activity.channelId);
  const inLanguage = (lng: string): TurnLanguage => ({
    lng,
    t: services.translator(lng, () => turn.session.audience),
    lexicon: services.lexicon(lng),
    commands: services.commands(lng),
    answers: services.answerWords(lng),
  });
  const turn: Turn = {
    ...inLanguage(services.negotiate(context.activity.locale)),
    deployment: services.deployment,
    caps,
    languages: services.languages,
    useLanguage: (next) => { Object.assign(turn, inLanguage(next)); },
    text: messageText(context.activity),
    session: { answers: {} },
    profile: {},
    now: services.now,
    forget: hooks.forget,
    send: async (...messages: OutMessage[]) => {
      if (messages.length === 0) return;
      const dir = services.languages.dirOf(turn.lng);
      await context.sendActivities(messages.flatMap((m) => render(m, caps, dir, services.phones).map((a) => ({ ...a, locale: turn.lng }))));
    },
  };
  const checkIns = hooks.checkIns?.(turn);
  if (checkIns) turn.checkIns = checkIns;
  setTurn(context, turn);
  return turn;
}
