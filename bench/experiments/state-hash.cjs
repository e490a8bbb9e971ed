/**
 * EXPERIMENT ONLY (node -r): BotState computes calculateChangeHash (botbuilder-stdlib's
 * cycle-safe stringify + SHA-256) of each state object when it is loaded and again when
 * saveChanges() checks for a change. This swaps it for plain JSON.stringify (the state is
 * plain JSON: it round-trips through SQLite as JSON). A real fix: a Storage/BotState subclass
 * comparing JSON strings, or SqliteStorage skipping a write whose JSON is unchanged.
 */
const storage = require('botbuilder-core/lib/storage.js');
const original = storage.calculateChangeHash;
storage.calculateChangeHash = function fastChangeHash(item) {
  try {
    const { eTag, ...rest } = item || {};
    return JSON.stringify(rest);
  } catch {
    return original(item);
  }
};
