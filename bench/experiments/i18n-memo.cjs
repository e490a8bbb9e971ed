/**
 * EXPERIMENT ONLY (node -r), to estimate a fix, not a fix: memoises every string i18next
 * returns from a fixed-language t(), keyed by language, key and options (JSON). What a real
 * fix would do in src/i18n.ts / src/turn.ts: cache rendered messages per (language, key,
 * audience, deployment values), which are all fixed per deployment.
 */
const i18next = require('i18next');
const proto = Object.getPrototypeOf(i18next);
const getFixedT = proto.getFixedT;
const caches = new WeakMap();
proto.getFixedT = function patchedGetFixedT(lng, ns, keyPrefix) {
  const fixed = getFixedT.call(this, lng, ns, keyPrefix);
  let perInstance = caches.get(this);
  if (!perInstance) caches.set(this, (perInstance = new Map()));
  const id = `${String(lng)}|${String(ns)}|${String(keyPrefix)}`;
  let cache = perInstance.get(id);
  if (!cache) perInstance.set(id, (cache = new Map()));
  const memo = (key, options, ...rest) => {
    if (rest.length > 0) return fixed(key, options, ...rest);
    let k;
    try { k = JSON.stringify([key, options]); } catch { return fixed(key, options); }
    let v = cache.get(k);
    if (v === undefined) {
      v = fixed(key, options);
      if (typeof v === 'string' && cache.size < 20000) cache.set(k, v);
    }
    return v;
  };
  return Object.assign(memo, fixed);
};
