/**
 * EXPERIMENT ONLY (node -r): botbuilder-dialogs builds the DialogStateManager configuration
 * (memory scopes and path resolvers through a ServiceCollection and dependency graph, checked
 * with zod) on the first DialogContext of EVERY turn, and caches it only in that turn's
 * turnState. This keeps the first one and hands it to every later turn. A real fix in
 * src/bot.ts: compute it once and `context.turnState.set('DialogStateManagerConfiguration', config)`
 * at the start of each turn (the scopes are stateless).
 */
const { TurnContextStateCollection } = require('botbuilder-core');
const KEY = 'DialogStateManagerConfiguration';
let cached;
const get = TurnContextStateCollection.prototype.get;
const set = TurnContextStateCollection.prototype.set;
TurnContextStateCollection.prototype.get = function patchedGet(key) {
  const v = get.call(this, key);
  return v === undefined && key === KEY && cached ? cached : v;
};
TurnContextStateCollection.prototype.set = function patchedSet(key, value) {
  if (key === KEY && !cached) cached = value;
  return set.call(this, key, value);
};
