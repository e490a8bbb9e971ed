/** Dialog ids, one per file in dialogs/. */
export const DialogIds = {
  main: 'main',
  ask: 'ask',
  welcome: 'welcome',
  explain: 'explain',
  symptomCheck: 'symptomCheck',
  outcome: 'outcome',
  questions: 'questions',
  forget: 'forget',
  followUp: 'followUp',
  language: 'language',
  redFlagCheck: 'redFlagCheck',
} as const;
