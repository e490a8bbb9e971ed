import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedLanguages, pickLanguage, textDirection } from '../../src/webchat/strings';
import { startApp, type RunningApp } from '../helpers/app';
import { call } from '../helpers/directLine';

const ROOT = path.resolve(__dirname, '../..');
const web = (lng: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(ROOT, 'locales', lng, 'web.json'), 'utf8')) as Record<string, string>;

let running: RunningApp;
beforeAll(async () => { running = await startApp(); });
afterAll(async () => { await running.stop(); });

async function page(query = '', headers: Record<string, string> = {}, app: RunningApp = running): Promise<{ res: Response; html: string; csp: string }> {
  const res = await fetch(`${app.url}/${query}`, { headers });
  return { res, html: await res.text(), csp: res.headers.get('content-security-policy') ?? '' };
}

const directive = (csp: string, name: string): string => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';

describe('the chat page at /', () => {
  it('is HTML with the page security headers', async () => {
    const { res, csp } = await page();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('permissions-policy')).toMatch(/camera=\(\).*microphone=\(\)/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(directive(csp, 'default-src')).toBe("default-src 'none'");
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self'");
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'self'");
    expect(directive(csp, 'object-src')).toBe("object-src 'none'");
    expect(directive(csp, 'base-uri')).toBe("base-uri 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('styles are allowed only with a fresh per-response nonce, which the page hands to Web Chat', async () => {
    const one = await page();
    const two = await page();
    const nonce = /'nonce-([^']+)'/.exec(directive(one.csp, 'style-src'))?.[1];
    expect(nonce).toBeDefined();
    expect(one.html).toContain(`<script src="/app.js" nonce="${nonce}" defer></script>`);
    expect(two.csp).not.toContain(nonce!);
  });

  it('has no inline script, real landmarks, a skip link, the alert region and a tap-to-call link', async () => {
    const { html } = await page();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=|\son\w+=/);
    expect(html).not.toContain('{{');
    for (const landmark of ['<header', '<main', '<footer']) expect(html).toContain(landmark);
    expect(html).toMatch(/<section id="chat"[^>]*aria-label="Chat with Afterscan"/);
    expect(html).toContain('<div id="emergency" class="emergency" role="alert"></div>');
    expect(html).toContain('href="#chat"');
    expect(html).toContain('href="tel:999"');
    expect(html).toContain('<script src="/vendor/webchat.js" defer></script>');
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
  });

  it('H03: takes its language from ?lang=, then Accept-Language, else the default; English text stays left to right', async () => {
    const lang = (html: string): string | undefined => /<html lang="([^"]+)" dir="([^"]+)">/.exec(html)?.slice(1, 3).join(' ');
    expect(lang((await page()).html)).toBe('en ltr');
    expect(lang((await page('', { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' })).html)).toBe('es ltr');
    expect(lang((await page('?lang=en', { 'accept-language': 'es-ES' })).html)).toBe('en ltr');
    expect(lang((await page('?lang=es')).html)).toBe('es ltr');
    // Arabic and Urdu are laid out right to left; a language not offered falls back to English, left to right.
    expect(lang((await page('', { 'accept-language': 'ar-EG,ar;q=0.9' })).html)).toBe('ar rtl');
    expect(lang((await page('?lang=ur-PK')).html)).toBe('ur rtl');
    expect(lang((await page('', { 'accept-language': 'he-IL,he;q=0.9' })).html)).toBe('en ltr');
    expect(lang((await page('', { 'accept-language': 'zh-CN,zh;q=0.9' })).html)).toBe('zh-Hans ltr');
    const es = (await page('?lang=es')).html;
    expect(es).toContain(web('es').footer!.replace('{{emergencyNumber}}', '999'));
  });

  it('H14: escapes the deployment\'s number into the page and dials only its digits', async () => {
    const app = await startApp({ EMERGENCY_NUMBER: '+44 20 7946 0000' });
    try {
      const { html } = await page('', {}, app);
      expect(html).toContain('href="tel:+442079460000"');
      expect(html).toContain('call +44 20 7946 0000 now');
    } finally {
      await app.stop();
    }
  });

  it('FRAME_ANCESTORS controls who may frame the page', async () => {
    for (const [value, expected, xfo] of [["'none'", "frame-ancestors 'none'", 'DENY'], ["'self' https://clinic.example.org", "frame-ancestors 'self' https://clinic.example.org", null]] as const) {
      const app = await startApp({ FRAME_ANCESTORS: value });
      try {
        const { res, csp } = await page('', {}, app);
        expect(directive(csp, 'frame-ancestors')).toBe(expected);
        expect(res.headers.get('x-frame-options')).toBe(xfo);
      } finally {
        await app.stop();
      }
    }
  });
});

describe('in production', () => {
  it('H16: the local endpoint is off unless asked for; with no Azure secret either, the page is told there is no chat', async () => {
    const app = await startApp({ NODE_ENV: 'production', MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'app-secret', CARE_TEAM_CONTACT: 'the DVT clinic', AUDIT_KEY: 'a-test-key-of-enough-length' });
    try {
      expect((await call(`${app.url}/v3/directline/tokens/generate`, { method: 'POST' })).status).toBe(404);
      expect((await call(`${app.url}/v3/directline/conversations`, { method: 'POST' })).status).toBe(404);
      const config = await call<Record<string, unknown>>(`${app.url}/api/webchat/config`);
      expect(config.body.directLine).toBe('none');
      expect(config.body).not.toHaveProperty('tokenUrl');
      expect((await page('', {}, app)).html).toContain('call 999 now');
    } finally {
      await app.stop();
    }
  });
});

describe('static files', () => {
  it.each([['/app.js', 'text/javascript; charset=utf-8'], ['/styles.css', 'text/css; charset=utf-8'], ['/vendor/webchat.js', 'text/javascript; charset=utf-8']])(
    '%s is served with its type, an ETag and the security headers', async (file, type) => {
      const res = await fetch(`${running.url}${file}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      const etag = res.headers.get('etag')!;
      expect(etag).toMatch(/^"[\w-]+"$/);
      // Read the body: an unread 1 MB response keeps its connection busy, and stopping the server waits for it.
      await res.arrayBuffer();
      const again = await fetch(`${running.url}${file}`, { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
    });

  it('Web Chat comes from node_modules, gzipped when the browser takes gzip', async () => {
    const res = await fetch(`${running.url}/vendor/webchat.js`, { headers: { 'accept-encoding': 'identity' } });
    const plain = Buffer.from(await res.arrayBuffer());
    expect(plain.length).toBeGreaterThan(1_000_000);
    expect(plain.toString('utf8', 0, 4000)).toMatch(/webchat|WebChat/);
    const raw = await import('node:http').then((http) => new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      http.get(`${running.url}/vendor/webchat.js`, { headers: { 'accept-encoding': 'gzip' } }, (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => resolve({ encoding: r.headers['content-encoding'], body: Buffer.concat(chunks) }));
      }).on('error', reject);
    }));
    expect(raw.encoding).toBe('gzip');
    expect(raw.body.length).toBeLessThan(plain.length / 2);
    expect(gunzipSync(raw.body).equals(plain)).toBe(true);
  });
});

describe('GET /api/webchat/config', () => {
  it('gives the emergency number, the Direct Line to use and the page strings in the asked language', async () => {
    const en = await call<{ strings: Record<string, string> } & Record<string, unknown>>(`${running.url}/api/webchat/config`);
    expect(en.status).toBe(200);
    expect(en.body).toMatchObject({ emergencyNumber: '999', tel: 'tel:999', directLine: 'local', locale: 'en', dir: 'ltr' });
    expect(Object.keys(en.body.strings).sort()).toEqual(Object.keys(web('en')).sort());
    expect(en.body.strings.callNow).toBe('Call 999');
    expect(JSON.stringify(en.body.strings)).not.toContain('{{');
    const es = await call<{ locale: string; strings: Record<string, string> }>(`${running.url}/api/webchat/config?locale=es-MX`);
    expect(es.body.locale).toBe('es');
    expect(es.body.strings.callNow).toBe('Llamar al 999');
  });
});

describe('page language helpers', () => {
  it('RTL ready: right to left for Arabic, Urdu, Hebrew and Persian, left to right otherwise', () => {
    for (const tag of ['ar', 'ar-EG', 'ur-PK', 'he', 'fa-IR']) expect(textDirection(tag)).toBe('rtl');
    for (const tag of ['en', 'en-GB', 'es-MX', 'fr', 'pl']) expect(textDirection(tag)).toBe('ltr');
  });

  it('reads Accept-Language by preference and picks the first language the bot offers', () => {
    expect(acceptedLanguages('fr-CH, fr;q=0.9, es;q=0.8, *;q=0.5, de;q=0')).toEqual(['fr-CH', 'fr', 'es']);
    expect(pickLanguage(acceptedLanguages('fr-CH, fr;q=0.9, es;q=0.8'), ['en', 'es'], 'en')).toBe('es');
    expect(pickLanguage(['ar'], ['en', 'es'], 'en')).toBe('en');
    expect(acceptedLanguages(undefined)).toEqual([]);
  });
});

describe('page strings (locales/<lng>/web.json)', () => {
  it('English and Spanish have the same keys, and every key is used by the page', () => {
    const keys = Object.keys(web('en')).sort();
    expect(Object.keys(web('es')).sort()).toEqual(keys);
    const html = fs.readFileSync(path.join(ROOT, 'public/index.html'), 'utf8');
    const js = fs.readFileSync(path.join(ROOT, 'public/app.js'), 'utf8');
    const unused = keys.filter((k) => !html.includes(`{{${k}}}`) && !js.includes(`strings.${k}`));
    expect(unused).toEqual([]);
  });
});
