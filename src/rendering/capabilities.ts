/**
 * What each channel can show. The only place channel ids are compared: dialogs ask for a
 * renderer and never branch on the channel themselves.
 */
export interface Capabilities {
  /** Renders markdown in message text (so text must be escaped). */
  markdown: boolean;
  /** Shows suggested-action buttons under a message. */
  suggestedActions: boolean;
  /** Choices are written as a numbered list that the patient answers by number or word. */
  numberedChoices: boolean;
  /** Most buttons worth showing at once. */
  maxActions: number;
}

const RICH: Capabilities = { markdown: true, suggestedActions: true, numberedChoices: false, maxActions: 10 };

export const CAPABILITIES: Readonly<Record<string, Capabilities>> = {
  webchat: RICH,
  directline: RICH,
  emulator: RICH,
  test: RICH,
  msteams: { markdown: true, suggestedActions: true, numberedChoices: false, maxActions: 6 },
  sms: { markdown: false, suggestedActions: false, numberedChoices: true, maxActions: 9 },
};

/** Unknown channels get the most conservative rendering: plain text and numbered choices. */
export const PLAIN: Capabilities = { markdown: false, suggestedActions: false, numberedChoices: true, maxActions: 9 };

export function capabilitiesFor(channelId: string | undefined): Capabilities {
  return (channelId && CAPABILITIES[channelId]) || PLAIN;
}
