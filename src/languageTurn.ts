/**
 * The turn's language, decided after state loads: the user's kept choice, the language of a first
 * SMS, or a choice made now ("language" for the menu, or a language's own name). The channel's
 * locale was applied before state loaded (src/bot.ts makeTurn), so the safety screen never waits.
 */
import type { DialogContext } from 'botbuilder-dialogs';
import { answersActiveQuestion } from '../dialogs/askDialog';
import { DialogIds } from '../dialogs/ids';
import { confirmLanguage } from '../dialogs/languageDialog';
import type { Turn } from './turn';

/** Applies the user's kept language choice; true when it changed the turn's language. */
export function applyChosenLanguage(turn: Turn): boolean {
  const chosen = turn.profile.language;
  if (!chosen || chosen === turn.lng || !turn.languages.languages.includes(chosen)) return false;
  turn.useLanguage(chosen);
  return true;
}

/**
 * First contact on a channel that gives no locale (SMS): the first message's language, when clear,
 * else the default, is kept as the user's language. True when the patient should be told.
 */
export function detectFirstLanguage(turn: Turn, channelLocale: string | undefined, text: string): boolean {
  if (!turn.caps.carrierKeywords || channelLocale || turn.profile.language || turn.session.consented || !text) return false;
  if (turn.languages.languages.length < 2) return false;
  const detected = turn.languages.detect(text);
  turn.profile.language = detected ?? turn.lng;
  if (detected && detected !== turn.lng) turn.useLanguage(detected);
  return true;
}

/**
 * Language choice at any turn: "language" (in any offered language) opens the menu; a language's
 * own name ("polski") switches at once, unless it answers the question on screen. The question on
 * screen is then asked again in the new language, or the conversation begins. True when the turn
 * was taken.
 */
export async function handleLanguageChoice(dc: DialogContext, turn: Turn, text: string, begin: () => Promise<void>): Promise<boolean> {
  const { languages } = turn;
  if (languages.languages.length < 2 || !text) return false;
  if (languages.isLanguageCommand(text)) {
    await dc.beginDialog(DialogIds.language);
    return true;
  }
  const named = languages.named(text);
  if (named && named !== turn.lng && !answersActiveQuestion(dc, turn, text)) {
    await confirmLanguage(turn, named);
    if (dc.activeDialog) await dc.repromptDialog();
    else await begin();
    return true;
  }
  return false;
}
