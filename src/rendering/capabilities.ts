/**
 * What each channel can show. The ONLY place channel ids are compared: dialogs, the bot and
 * the renderers ask for a capability, never for a channel, so a new channel is one row here.
 */
export interface Capabilities {
  /**
   * How message text is written. `markdown`: CommonMark, every special character escaped
   * (Web Chat renders HTML inside markdown since 4.17). `teams`: Teams' smaller markdown subset.
   * `plain`: no markup at all, because the channel shows every character as typed (SMS).
   */
  text: 'markdown' | 'teams' | 'plain';
  /** Advice and summaries also go as an Adaptive Card (schema 1.5, the most Teams renders). */
  cards: boolean;
  /**
   * How choices are offered. `suggestedActions`: imBack buttons under the message, gone once
   * answered. `cardButtons`: Action.Submit buttons on a card that post the label back as text
   * (Teams shows at most three suggested actions, and a five-way question needs all five).
   * `numbered`: a numbered list answered by number or word.
   */
  choices: 'suggestedActions' | 'cardButtons' | 'numbered';
  /** Choices are a numbered list, so a bare number is an answer (dialogs/readers.ts). */
  numberedChoices: boolean;
  /** Most choices offered at once; menus are designed to fit within it. */
  maxActions: number;
  /** Most SMS segments one message should use, or null when the channel has no segments. */
  maxSegments: number | null;
  /** Carrier keywords (STOP, START, HELP) are honoured: an SMS number must obey them. */
  carrierKeywords: boolean;
  /** The deployment's phone numbers in text become tel: links (tap to call). */
  telLinks: boolean;
  /**
   * Advice that says to call a number also carries an Action.OpenUrl tel: button on its card
   * (Teams: its text links are not reliable on every client; Web Chat has the page's banner and
   * tel: links in the text).
   */
  callActions: boolean;
  /**
   * A message sent days later can reach the patient, so follow-up check-ins may be offered.
   * Not for a web chat: its conversation lives in the server's memory (LOCAL_DIRECTLINE_IDLE_MINUTES,
   * 60 by default) or in one browser tab, so a check-in would never arrive. Unknown channels: no.
   */
  checkIns: boolean;
}

/** Web Chat, Direct Line, the Emulator and the SDK's test channel: cards, markdown, suggested actions. */
const RICH: Capabilities = {
  text: 'markdown', cards: true, choices: 'suggestedActions', numberedChoices: false,
  maxActions: 12, maxSegments: null, carrierKeywords: false, telLinks: true, callActions: false, checkIns: false,
};

/** Unknown channels get the most conservative rendering: plain text and numbered choices. */
export const PLAIN: Capabilities = {
  text: 'plain', cards: false, choices: 'numbered', numberedChoices: true,
  maxActions: 12, maxSegments: null, carrierKeywords: false, telLinks: false, callActions: false, checkIns: false,
};

export const CAPABILITIES: Readonly<Record<string, Capabilities>> = {
  webchat: RICH,
  directline: RICH,
  emulator: RICH,
  /**
   * The SDK's test channel: rich like Web Chat, but it stands for a channel whose connector is
   * always there (check-ins arrive), and its text stays exactly as the locale wrote it (no links).
   */
  test: { ...RICH, telLinks: false, checkIns: true },
  msteams: {
    text: 'teams', cards: true, choices: 'cardButtons', numberedChoices: false,
    maxActions: 12, maxSegments: null, carrierKeywords: false, telLinks: true, callActions: true, checkIns: true,
  },
  /** Azure Bot Service's Twilio connector: plain text, two segments a message where possible. */
  sms: { ...PLAIN, maxSegments: 2, carrierKeywords: true, checkIns: true },
};

export function capabilitiesFor(channelId: string | undefined): Capabilities {
  return (channelId !== undefined && Object.hasOwn(CAPABILITIES, channelId) ? CAPABILITIES[channelId] : undefined) ?? PLAIN;
}
