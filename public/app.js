/*
 * Starts Web Chat on the Afterscan page. No patient-facing words live here: they come from the
 * server (locales/<lng>/web.json), rendered into index.html or sent by /api/webchat/config.
 * The emergency banner is driven by the bot's machine-readable disposition entity (S4), read
 * from Web Chat's store as activities arrive, never by parsing message text.
 */
(() => {
  'use strict';

  // The style nonce of this response: Web Chat puts it on the <style> elements it creates.
  const nonce = document.currentScript ? document.currentScript.nonce : undefined;
  const lang = document.documentElement.lang || 'en';
  // The browser's own regional variant of the page language (es-MX rather than es), for Web Chat.
  const locale = (navigator.languages || [navigator.language]).find((l) => typeof l === 'string' && l.toLowerCase().split('-')[0] === lang) || lang;

  const $ = (id) => document.getElementById(id);

  // Only the bot gives advice: the patient's own echoed messages never raise the banner.
  const isEmergency = (activity) => Boolean(activity) && !(activity.from && activity.from.role === 'user')
    && Array.isArray(activity.entities)
    && activity.entities.some((e) => e && e.type === 'disposition' && e.level === 'emergency');

  function showEmergency(config) {
    const banner = $('emergency');
    if (banner.childElementCount > 0) return;
    const text = document.createElement('p');
    text.textContent = config.strings.emergencyBanner;
    const call = document.createElement('a');
    call.className = 'emergency__call';
    call.href = config.tel;
    call.textContent = config.strings.callNow;
    banner.append(text, call);
    document.body.classList.add('has-emergency');
  }

  async function getJson(url, init) {
    const res = await fetch(url, Object.assign({ credentials: 'same-origin', headers: { Accept: 'application/json' } }, init));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.json();
  }

  /** The page's own words, swapped in place when the chat changes language. */
  function applyPageStrings(next) {
    const root = document.documentElement;
    root.lang = next.locale;
    root.dir = next.dir;
    document.title = next.strings.title;
    const heading = document.querySelector('.site-header h1');
    if (heading) heading.textContent = next.strings.title;
    const skip = document.querySelector('.skip-link');
    if (skip) skip.textContent = next.strings.skipToChat;
    $('chat').setAttribute('aria-label', next.strings.chatLabel);
    const footer = document.querySelector('.site-footer p');
    const call = document.querySelector('.site-footer .call-link');
    if (footer && call && footer.firstChild && footer.firstChild.nodeType === Node.TEXT_NODE) footer.firstChild.textContent = `${next.strings.footer} `;
    if (call) call.textContent = next.strings.callNow;
    const note = document.querySelector('.site-footer .kept-note');
    if (note) note.textContent = next.strings.keptFor;
  }

  /*
   * A reload keeps the conversation: its id and a live token are kept in this tab's
   * sessionStorage (not localStorage: a shared phone's next user opens a new tab and starts
   * afresh). The page refreshes the token every few minutes while open, so a reload within
   * config.resumeMinutes finds it still valid; Web Chat then reconnects to the same
   * conversation and fetches it from the start (no watermark), so the history shows again.
   */
  const KEPT = 'afterscan.chat';
  const REFRESH_MS = 5 * 60 * 1000;
  const kept = {
    read(domain) {
      try {
        const v = JSON.parse(window.sessionStorage.getItem(KEPT) || 'null');
        return v && v.domain === domain && typeof v.conversationId === 'string' && typeof v.token === 'string' ? v : null;
      } catch (e) { return null; }
    },
    write(domain, conversationId, token) {
      try { window.sessionStorage.setItem(KEPT, JSON.stringify({ domain, conversationId, token })); } catch (e) { /* storage off: no resume */ }
    },
    clear() {
      try { window.sessionStorage.removeItem(KEPT); } catch (e) { /* nothing kept */ }
    },
  };

  /** A fresh token for the same conversation, or null when it is gone (expired, forgotten, server restarted). */
  async function refreshToken(domain, token) {
    try {
      const res = await fetch(`${domain}/tokens/refresh`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
      if (!res.ok) return null;
      const body = await res.json();
      return typeof body.token === 'string' ? body.token : null;
    } catch (e) { return null; }
  }

  // "Forget me" done: nothing of this conversation is kept in the browser either.
  const isForgotten = (activity) => Boolean(activity) && Array.isArray(activity.entities)
    && activity.entities.some((e) => e && e.type === 'forgotten');

  async function start() {
    const config = await getJson(`/api/webchat/config?locale=${encodeURIComponent(locale)}`);
    if (!config.tokenUrl || !window.WebChat) throw new Error('chat unavailable');
    const domain = new URL(config.domain, window.location.href).href.replace(/\/$/, '');
    const before = kept.read(domain);
    const resumed = before ? await refreshToken(domain, before.token) : null;
    if (before && !resumed) kept.clear();
    const grant = resumed ? { token: resumed, conversationId: before.conversationId } : await getJson(config.tokenUrl, { method: 'POST' });
    const local = config.directLine === 'local';
    const directLine = window.WebChat.createDirectLine({
      token: grant.token,
      domain,
      ...(resumed ? { conversationId: before.conversationId } : {}),
      // The local endpoint polls; Azure Direct Line streams over a WebSocket.
      webSocket: !local,
      pollingInterval: local ? 500 : undefined,
      conversationStartProperties: { locale },
    });
    let token = grant.token;
    let forgotten = false;
    const keep = () => {
      const id = directLine.conversationId || grant.conversationId;
      if (id && !forgotten) kept.write(domain, id, token);
    };
    window.setInterval(async () => {
      if (forgotten) return;
      const next = await refreshToken(domain, token);
      if (next) { token = next; keep(); }
    }, REFRESH_MS);
    // The patient can change language in the chat ("language", "العربية"): the bot's replies then
    // carry the new locale, and the page follows: its words, lang, and direction (Arabic, Urdu).
    let shown = config.locale;
    let props;
    let asked = 0;
    const follow = (botLocale) => {
      if (typeof botLocale !== 'string' || botLocale === shown) return;
      shown = botLocale;
      const ticket = ++asked;
      getJson(`/api/webchat/config?locale=${encodeURIComponent(botLocale)}`).then((next) => {
        // Only the newest switch counts: an older answer arriving late must not undo it.
        if (ticket !== asked || next.locale !== botLocale) return;
        config.strings = next.strings;
        applyPageStrings(next);
        const banner = document.querySelector('#emergency p');
        const call = document.querySelector('#emergency .emergency__call');
        if (banner) banner.textContent = next.strings.emergencyBanner;
        if (call) call.textContent = next.strings.callNow;
        props = Object.assign({}, props, { locale: next.webChatLocale, dir: next.dir });
        window.WebChat.renderWebChat(props, $('webchat'));
      }).catch(() => undefined);
    };
    const store = window.WebChat.createStore({}, () => (next) => (action) => {
      if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
        const activity = action.payload && action.payload.activity;
        if (isEmergency(activity)) showEmergency(config);
        if (isForgotten(activity)) { forgotten = true; kept.clear(); } else keep();
        if (activity && !(activity.from && activity.from.role === 'user')) follow(activity.locale);
      }
      return next(action);
    });
    props = {
      directLine,
      store,
      // Web Chat's own words (screen-reader labels, "Send") in the page's language where it has them.
      locale: config.webChatLocale,
      // Arabic and Urdu: the page says rtl (from locales/<lng>/meta.json), and Web Chat lays out to match.
      dir: document.documentElement.dir || 'auto',
      nonce,
      // No userID: the server binds a dl_ user id to the token (Azure embeds it in the token; the
      // local endpoint sets from.id itself), and Web Chat refuses dl_ ids passed in by a page.
      styleOptions: {
        hideUploadButton: true,
        bubbleBorderRadius: 12,
        bubbleFromUserBorderRadius: 12,
        bubbleFromUserBackground: '#e6f0f5',
        suggestedActionLayout: 'flow',
        suggestedActionBorderRadius: 22,
        // Thumb-sized targets: answer buttons and the message box at least 44 px tall.
        suggestedActionHeight: 44,
        sendBoxHeight: 48,
        primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        rootHeight: '100%',
      },
    };
    window.WebChat.renderWebChat(props, $('webchat'));
    $('chat-status').hidden = true;
  }

  start().catch(() => {
    $('chat-status').hidden = true;
    $('chat-unavailable').hidden = false;
    // No chat, so nothing a reload could bring back: do not say it would.
    const note = document.querySelector('.site-footer .kept-note');
    if (note) note.hidden = true;
  });
})();
