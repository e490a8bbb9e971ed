export * from './types';
export { evaluate, matchingRules } from './evaluate';
export { RULES, RULES_VERSION, type Rule, type Condition } from './rules';
export { QUESTIONS, nextQuestion, optionsFor, type Question, type QuestionId } from './questions';
export { withFloor, flagDisposition, isRepeatContact, type Flag } from './combine';
export { SOURCES, type Source } from './sources';
export { REGIONS, type Region } from './regions';
export { screen, screenText, flagReason } from './screen';
export { allPaths, type Path } from './paths';
