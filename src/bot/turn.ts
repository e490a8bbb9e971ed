import type { TurnContext } from 'botbuilder';
import type { TFunction } from 'i18next';
import type { AnswerWords } from '../language/answerWords';
import type { CommandMatcher } from '../language/commands';
import type { ScanType } from '../triage/scan';
import type { LanguageDirectory } from '../language/directory';
import { careTeamContactFor, type Config } from '../config';
import type { Capabilities, OutMessage } from '../rendering';
import type { Lexicon } from '../triage/recognizer';
import type { Answers, Disposition, FlagLevel, LegTrend } from '../triage/types';

/** A translator fixed to one language; options are interpolation values and i18next options. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * Wording for a carer: each key is looked up first as `<key>_carer` and falls back to the
 * patient's wording, so only messages that address the patient's own body need a variant.
 */
export function forAudience(t: Translate, audience: () => Session['audience']): Translate {
  const keys = t as unknown as (keys: string | string[], options?: Record<string, unknown>) => string;
  return (key, options) => (audience() === 'carer' ? keys([`${key}_carer`, key], options) : t(key, options));
}

/** What the conversation keeps about this conversation (never the patient's own words). */
export interface Session {
  answers: Answers;
  consented?: boolean;
  /** Who is typing: the patient (default), a carer writing for them, or a health professional. */
  audience?: 'patient' | 'carer' | 'professional';
  /** The meaning of the result has been explained once in this conversation. */
  explained?: boolean;
  /** Emergency or urgent advice given in this conversation (S8): no later advice is less urgent, and a new check repeats it first. */
  floor?: { level: FlagLevel; reasons: string[] };
  /** Possible red flags the patient said "no" to when asked directly: not asked again in this conversation. */
  deniedFlags?: string[];
  /** Where the patient was told this chat is not for them ('clotFound', 'armScan', 'under18'). */
  notEligible?: string;
  lastDisposition?: Disposition;
}

/** What is kept about the user across conversations, to notice a repeat contact. */
export interface Profile {
  lastCheck?: { at: number; legTrend?: LegTrend; level: Disposition['level'] };
  /** Emergency or urgent advice given to this user on this channel, kept 24 hours (S8) across conversations. */
  floor?: { level: FlagLevel; reasons: string[]; at: number };
  /** Texted STOP on SMS: nothing more is sent until START (red-flag emergency advice excepted, S1). */
  optedOut?: boolean;
  /** The language the user chose (or that their first SMS was written in): beats the channel's locale. */
  language?: string;
  /** An SMS user whose texts have not yet shown their language was told how to choose one (said once). */
  languageHinted?: boolean;
}

/** The deployment's fixed facts a dialog reads (built once from the configuration: src/bot/createTurn.ts deploymentOf). */
export interface Deployment {
  /** The deployment's emergency number, for reading replies that name it. */
  emergencyNumber: string;
  /** The deployment has a national urgent line (else advice points to the doctor or urgent care). */
  hasUrgentLine: boolean;
  /** The deployment states the usual repeat-scan window. */
  hasRepeatWindow: boolean;
  /** i18next context for the window's wording: one day ("single") or a range (none). */
  repeatWindowContext?: 'single';
  /** The number the window's "days" agrees with (plural forms): the upper end, or the one day. */
  repeatWindowCount?: number;
  /** What the service's scans look at (SCAN_TYPE). */
  scanType: ScanType;
  /** The deployment's region (REGION), for region-only lines such as NHS 111 online. */
  region: string;
}

/** What is kept about the patient: this conversation's session and the user's profile. */
export interface PatientState {
  session: Session;
  profile: Profile;
}

/** Everything that follows the turn's language; replaced together when the language changes. */
export interface TurnLanguage {
  lng: string;
  t: Translate;
  /** The red-flag and answer lexicon of the turn's language. */
  lexicon: Lexicon;
  commands: CommandMatcher;
  /** How patients word answers in the turn's language (locales/<lng>/answers.json). */
  answers: AnswerWords;
}

/**
 * Everything a dialog needs for one turn, fixed to the user's language and channel: the
 * deployment, the language services, the patient's state, and this turn's words and replies.
 * Built by one function, createTurn (src/bot/createTurn.ts), for the bot and the test harness.
 */
export interface Turn extends TurnLanguage, PatientState {
  deployment: Deployment;
  caps: Capabilities;
  /** The offered languages: names, directions, review status, the language command. */
  languages: LanguageDirectory;
  /** Switches this turn (and what it sends from now on) to another offered language. */
  useLanguage: (lng: string) => void;
  /** The patient's words this turn, read once (src/bot/messageText.ts): typed text, else a card's value.text. */
  text: string;
  now: () => number;
  /** Follow-up check-ins, when the deployment runs them: the days offered, whether none is pending yet, and how to book them. */
  checkIns?: { days: readonly number[]; available: () => boolean; schedule: () => void };
  /** Erases this user's and conversation's state and pending check-ins at the end of the turn. */
  forget: () => void;
  send: (...messages: OutMessage[]) => Promise<void>;
}

const TURN_KEY = Symbol('afterscan.turn');

export function setTurn(context: TurnContext, turn: Turn): void {
  context.turnState.set(TURN_KEY, turn);
}

/** The turn's services when the turn got that far (the error boundary uses its language), else undefined. */
export function findTurn(context: TurnContext): Turn | undefined {
  return context.turnState.get(TURN_KEY) as Turn | undefined;
}

export function getTurn(context: TurnContext): Turn {
  const turn = context.turnState.get(TURN_KEY) as Turn | undefined;
  if (!turn) throw new Error('turn services missing');
  return turn;
}

/** The deployment's words for one language: its numbers, and the care-team contact written for that language. */
export type DeploymentText = Pick<Config, 'emergencyNumber' | 'urgentNumber' | 'careTeamContact' | 'repeatScanDays'> & Partial<Pick<Config, 'pregnancyContact'>>;

/** The deployment text a message in `lng` uses (config.ts careTeamContactFor: never another language's contact). */
export function deploymentFor(config: Config, lng: string): DeploymentText {
  return {
    emergencyNumber: config.emergencyNumber, urgentNumber: config.urgentNumber, repeatScanDays: config.repeatScanDays,
    careTeamContact: careTeamContactFor(config, lng), pregnancyContact: config.pregnancyContact,
  };
}

/**
 * A translator that always knows the deployment's numbers and contact, so every message
 * can name the right emergency number without each caller passing it.
 */
export function deploymentT(fixed: TFunction, deployment: DeploymentText, audience: () => Session['audience'] = () => undefined): Translate {
  const t = forAudience(fixed as unknown as Translate, audience);
  const numbers = {
    emergencyNumber: deployment.emergencyNumber,
    urgentNumber: deployment.urgentNumber ?? '',
    min: deployment.repeatScanDays?.min,
    max: deployment.repeatScanDays?.max,
  };
  // The default contact is itself translated, and worded for a carer when a carer is typing.
  const careTeam = new Map<Session['audience'], string>();
  const contact = (): string => {
    const who = audience();
    let text = careTeam.get(who);
    if (text === undefined) careTeam.set(who, (text = deployment.careTeamContact ?? t('common:careTeamDefault')));
    return text;
  };
  const pregnancyContact = (): string => deployment.pregnancyContact ?? t('common:pregnancyContactDefault');
  return (key, options) => t(key, { ...numbers, careTeam: contact(), pregnancyContact: pregnancyContact(), ...options });
}
