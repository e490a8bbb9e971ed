export { capabilitiesFor, CAPABILITIES, type Capabilities } from './capabilities';
export { render } from './render';
export { escapeMarkdown, toMarkdown } from './markdown';
export { dispositionEntity, type Choice, type OutActivity, type OutMessage } from './message';
