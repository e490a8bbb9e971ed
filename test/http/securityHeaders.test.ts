import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../helpers/app';

let running: RunningApp;
beforeAll(async () => { running = await startApp(); });
afterAll(async () => { await running.stop(); });

const NOT_PAGE = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

describe('issue 16 item 13: every answer carries the security headers, not only the page', () => {
  it('I16-13a: JSON, 400, 404 and 405 answers have nosniff, a deny-all CSP, no framing and no referrer', async () => {
    const answers = await Promise.all([
      fetch(`${running.url}/healthz`),
      fetch(`${running.url}/readyz`),
      fetch(`${running.url}/api/webchat/config`),
      fetch(`${running.url}/no/such/path`),
      fetch(`${running.url}/api/messages`),
      fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' }),
      fetch(`${running.url}/v3/directline/conversations/x/activities`),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 404, 405, 400, 401]);
    for (const res of answers) {
      const where = `${res.url} ${res.status}`;
      expect(res.headers.get('x-content-type-options'), where).toBe('nosniff');
      expect(res.headers.get('content-security-policy'), where).toBe(NOT_PAGE);
      expect(res.headers.get('x-frame-options'), where).toBe('DENY');
      expect(res.headers.get('referrer-policy'), where).toBe('no-referrer');
      expect(res.headers.get('cross-origin-resource-policy'), where).toBe('same-origin');
      expect(res.headers.get('permissions-policy'), where).toMatch(/camera=\(\)/);
      const body = await res.text();
      expect(body, where).not.toMatch(/\n\s+at /);
    }
  });

  it('I16-13b: the page keeps its own policy (scripts from self, framing by FRAME_ANCESTORS)', async () => {
    const page = await fetch(`${running.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'.*frame-ancestors 'self'/);
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
