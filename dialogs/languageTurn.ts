/**
 * The turn's language, decided after state loads: the user's kept choice, the language of a first
 * SMS, or a choice made now ("language" for the menu, or a language's own name). The channel's
 * locale was applied before state loaded (src/bot/afterscanBot.ts makeTurn), so the safety screen never waits.
 */
import type { DialogContext } from '../src/sdk/dialogs';
import { answersActiveQuestion } from './askDialog';
import { DialogIds } from './ids';
import { confirmLanguage, draftNotice } from './languageDialog';
import type { OutMessage } from '../src/rendering';
import type { Turn } from '../src/bot/turn';

/** Applies the user's kept language choice; true when it changed the turn's language. */
export function applyChosenLanguage(turn: Turn): boolean {
  const chosen = turn.profile.language;
  if (!chosen || chosen === turn.lng || !turn.languages.languages.includes(chosen)) return false;
  turn.useLanguage(chosen);
  return true;
}

/**
 * A channel that gives no locale (SMS), before the patient has chosen or shown a language: the first
 * text clearly written in an offered language sets it for good ('detected': say which and how to
 * change it). A text that shows none ("hi", "STOP", an emoji) keeps the default for now without
 * fixing it, so a later text can still set it; the first such text also gets the word "language"
 * in every offered language ('unsure'). Otherwise null.
 */
export function detectFirstLanguage(turn: Turn, channelLocale: string | undefined, text: string): 'detected' | 'unsure' | null {
  if (!turn.caps.carrierKeywords || channelLocale || turn.profile.language || !text) return null;
  if (turn.languages.languages.length < 2) return null;
  const written = turn.languages.detect(text);
  if (written && turn.languages.languages.includes(written)) {
    turn.profile.language = written;
    if (written === turn.lng) return turn.session.consented ? null : 'detected';
    turn.useLanguage(written);
    return 'detected';
  }
  if (turn.profile.languageHinted || turn.session.consented) return null;
  turn.profile.languageHinted = true;
  return 'unsure';
}

/** What to send about the language on a first SMS (see detectFirstLanguage). */
export function firstLanguageMessages(turn: Turn, outcome: 'detected' | 'unsure'): OutMessage[] {
  const out: OutMessage[] = [{ kind: 'text', text: turn.t('common:language.detected') }];
  if (outcome === 'unsure') out.push({ kind: 'text', text: turn.languages.commandWords().join(' · ') });
  return [...out, ...draftNotice(turn)];
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
    // Already on the language menu: ask it again rather than stacking a second one.
    if (dc.stack.some((d) => d.id === DialogIds.language)) await dc.repromptDialog();
    else await dc.beginDialog(DialogIds.language);
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
