export { capabilitiesFor, CAPABILITIES, PLAIN, type Capabilities } from './capabilities';
export { render } from './render';
export { escapeMarkdown, toMarkdown } from './markdown';
export { ADAPTIVE_CARD, CARD_VERSION, type AdaptiveCard, type CardAttachment } from './adaptiveCard';
export { countSms, type SmsCount } from './smsSegments';
export { splitForSms } from './smsSplit';
export { dispositionEntity, type Choice, type OutActivity, type OutMessage } from './message';
export { phonesIn, telUri } from './phones';
