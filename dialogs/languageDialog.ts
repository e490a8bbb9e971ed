import { ComponentDialog, WaterfallDialog } from '../src/sdk/dialogs';
import type { OutMessage } from '../src/rendering';
import { getTurn, type Turn } from '../src/bot/turn';
import { AskDialog, type AskOptions } from './askDialog';
import { DialogIds } from './ids';

const menu = (turn: Turn): AskOptions => ({
  id: 'language',
  textKey: 'common:language.choose',
  reader: 'language',
  choices: turn.languages.languages.map((lng) => ({ value: lng, label: turn.languages.nameOf(lng) })),
  // Unreadable twice: no choice is recorded, the language stays as it was.
  fallback: '',
});

/** That the text awaits translation review, when the turn's language is a draft (H06); else undefined. */
export function draftText(turn: Turn): string | undefined {
  return turn.languages.isDraft(turn.lng) ? turn.t('common:language.draft') : undefined;
}

/** The draft notice as a message to send, or nothing. */
export function draftNotice(turn: Turn): OutMessage[] {
  const text = draftText(turn);
  return text === undefined ? [] : [{ kind: 'text', text }];
}

/**
 * Says the chosen language is in use, and that its text still awaits translation review
 * when it does. Shared by the menu and by a language named at any turn ("polski").
 */
export async function confirmLanguage(turn: Turn, lng: string): Promise<void> {
  turn.useLanguage(lng);
  turn.profile.language = lng;
  await turn.send({ kind: 'text', text: turn.t('common:language.chosen') }, ...draftNotice(turn));
}

/** What the language menu ends with: whether the conversation under it still has to begin. */
export interface LanguageChosen { languageChosen: true; begin: boolean }

export function isLanguageChosen(value: unknown): value is LanguageChosen {
  return typeof value === 'object' && value !== null && (value as { languageChosen?: unknown }).languageChosen === true;
}

/**
 * "Language" typed at any turn: a menu of the offered languages, each in its own name (a
 * numbered list on SMS). The choice is kept for the user and beats the channel's locale. On
 * top of a conversation, that conversation then asks its question again in the new language;
 * on its own, it ends saying whether a conversation not yet begun should begin (the bot begins it).
 */
export class LanguageDialog extends ComponentDialog {
  constructor() {
    super(DialogIds.language);
    this.addDialog(new AskDialog());
    this.addDialog(new WaterfallDialog('languageFlow', [
      async (step) => step.beginDialog(DialogIds.ask, menu(getTurn(step.context))),
      async (step) => {
        const turn = getTurn(step.context);
        if (step.result !== '') await confirmLanguage(turn, step.result as string);
        return step.endDialog({ languageChosen: true, begin: !turn.session.consented } satisfies LanguageChosen);
      },
    ]));
    this.initialDialogId = 'languageFlow';
  }
}
