import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { bodyFor, findPublicDir, loadAsset, webChatBundlePath, type Asset } from './assets';
import { setSecurityHeaders, type PagePolicy } from './headers';
import { acceptedLanguages, pickLanguage, textDirection, type WebStrings } from './strings';

export interface PageDeps {
  policy: PagePolicy;
  strings: ReadonlyMap<string, WebStrings>;
  defaultLanguage: string;
  emergencyNumber: string;
  publicDir?: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/** The digits a tel: link dials. */
export const telHref = (number: string): string => `tel:${number.replace(/[^0-9+]/g, '')}`;

/** The page's language: ?lang= first (a clinic can link to a language), then the browser's. */
export function pageLanguage(req: Request, languages: readonly string[], fallback: string): string {
  const asked = new URLSearchParams(req.getQuery()).get('lang');
  return pickLanguage([...(asked ? [asked] : []), ...acceptedLanguages(req.headers['accept-language'])], languages, fallback);
}

/**
 * Fills index.html's {{placeholders}} (HTML-escaped) so the page is in the right language,
 * direction and wording before any script runs; a placeholder with no value is a start-up error.
 */
export function renderPage(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`index.html: no value for {{${name}}}`);
    return escapeHtml(value);
  });
}

/**
 * GET / (the chat page), the page's script and styles from public/, and Web Chat's bundle at
 * /vendor/webchat.js. Every answer carries the security headers; the page gets a fresh style
 * nonce each time, so it is never cached.
 */
export function registerPage(server: Server, deps: PageDeps): void {
  const dir = deps.publicDir ?? findPublicDir();
  const template = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const pageValues = (lng: string, nonce: string): Record<string, string> => ({
    ...(deps.strings.get(lng) ?? deps.strings.get('en')), lang: lng, dir: textDirection(lng), nonce, tel: telHref(deps.emergencyNumber),
  });
  for (const lng of deps.strings.keys()) renderPage(template, pageValues(lng, 'check'));

  server.get('/', async (req: Request, res: Response) => {
    const nonce = randomBytes(16).toString('base64');
    const lng = pageLanguage(req, [...deps.strings.keys()], deps.defaultLanguage);
    setSecurityHeaders(res, deps.policy, nonce);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Language': lng, Vary: 'Accept-Language' });
    res.end(renderPage(template, pageValues(lng, nonce)));
  });

  const assets: Record<string, { asset: Asset; cache: string }> = {
    '/app.js': { asset: loadAsset(path.join(dir, 'app.js')), cache: 'no-cache' },
    '/styles.css': { asset: loadAsset(path.join(dir, 'styles.css')), cache: 'no-cache' },
    '/vendor/webchat.js': { asset: loadAsset(webChatBundlePath()), cache: 'public, max-age=86400' },
  };
  for (const [route, { asset, cache }] of Object.entries(assets)) {
    server.get(route, async (req: Request, res: Response) => {
      setSecurityHeaders(res, deps.policy);
      const headers: Record<string, string | number> = { 'Content-Type': asset.type, 'Cache-Control': cache, ETag: asset.etag, Vary: 'Accept-Encoding' };
      if (req.headers['if-none-match'] === asset.etag) { res.writeHead(304, headers); res.end(); return; }
      const { body, encoding } = await bodyFor(asset, req.headers['accept-encoding']);
      if (encoding) headers['Content-Encoding'] = encoding;
      res.writeHead(200, { ...headers, 'Content-Length': body.length });
      res.end(body);
    });
  }
}
