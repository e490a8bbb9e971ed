import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../helpers/app';

/**
 * The real page in a real browser: Web Chat from node_modules talking to the local Direct Line,
 * a whole conversation by tapping buttons, a typed red flag raising the emergency banner (read
 * from the disposition entity), and axe-core over the result.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const ROOT = path.resolve(__dirname, '../..');
const available = fs.existsSync(CHROMIUM);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const readLocale = (lng: string, ns: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(ROOT, 'locales', lng, `${ns}.json`), 'utf8')) as Record<string, unknown>;
const choices = (readLocale('en', 'common') as { choices: Record<string, string> }).choices;
const outcome = readLocale('en', 'outcome') as Record<string, { title?: string }>;
const adviceTitles = ['emergency', 'urgent', 'soon', 'selfCare'].map((level) => String(outcome[level]?.title).replace('{{emergencyNumber}}', '999'));

if (!available) {
  if (process.env.CI) {
    describe('web chat in a real browser', () => {
      it('needs Chromium at /usr/bin/chromium under CI', () => {
        throw new Error(`${CHROMIUM} is missing: install it with "apt-get install -y chromium" (.ci/run does this)`);
      });
    });
  } else {
    console.warn(`[browser test skipped] ${CHROMIUM} not found. Install it with: apt-get install -y chromium`);
  }
}

// A real browser polling the local Direct Line: each test is many round trips (and axe a full page scan), slow on a busy machine.
describe.runIf(available)('web chat in a real browser', { timeout: 60_000 }, () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];
  const consoleProblems: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    running = await startApp();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    // A phone-sized window: the page is mobile first. axe needs a page from a context.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB', deviceScaleFactor: 1 });
    page = await context.newPage();
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
      else if (msg.type() === 'error' || msg.type() === 'warning') consoleProblems.push(`${msg.type()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('response', (res) => { if (res.status() >= 400) consoleProblems.push(`HTTP ${res.status()} ${new URL(res.url()).pathname}`); });
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  /** A suggested action (Web Chat also copies them, untabbable, into its live region; skip those). */
  const button = (name: string): Locator => page.getByRole('toolbar').getByRole('button', { name, exact: true });
  const advice = (): Locator => page.getByText(adviceTitles[0]!, { exact: true })
    .or(page.getByText(adviceTitles[1]!, { exact: true }))
    .or(page.getByText(adviceTitles[2]!, { exact: true }))
    .or(page.getByText(adviceTitles[3]!, { exact: true }));

  const activities = (): Locator => page.locator('.webchat__basic-transcript__activity');

  /**
   * Taps a suggested action and waits for the answer: the patient's message plus at least one
   * reply (the local endpoint appends a turn's replies all at once, so one poll brings them all).
   */
  async function tap(name: string): Promise<void> {
    const before = await activities().count();
    await button(name).first().click();
    await expect.poll(() => activities().count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(before + 2);
  }

  /** The newest message is inside the visible part of the transcript (Web Chat kept it scrolled to the bottom). */
  const newestInView = async (): Promise<boolean> => {
    const last = await activities().last().boundingBox();
    const pane = await page.locator('.webchat__basic-transcript__scrollable').boundingBox();
    return Boolean(last && pane && last.y + last.height <= pane.y + pane.height + 2 && last.y >= pane.y - 2);
  };

  it('H01 H04: completes a conversation by tapping, then shows the emergency banner for a typed red flag', async () => {
    await page.goto(`${running.url}/`);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');

    await button(choices.consentYes!).waitFor({ timeout: 10_000 });
    await tap(choices.consentYes!);
    // Whether this chat is for them: yes.
    await button(choices.unsure!).waitFor();
    await tap(choices.yes!);
    await button(choices.carryOn!).waitFor();
    await tap(choices.carryOn!);
    // No to each emergency sign and every other yes/no question; the leg (the only question with a
    // "Gone" button) is better; until the advice shows.
    for (let i = 0; i < 20; i += 1) {
      await button(choices.no!).or(button(choices.gone!)).or(advice()).first().waitFor();
      if (await advice().count() > 0) break;
      await tap(await button(choices.gone!).count() > 0 ? choices.better! : choices.no!);
    }
    expect(await advice().first().isVisible()).toBe(true);
    await page.getByRole('toolbar').getByRole('button').first().waitFor();
    await expect.poll(newestInView).toBe(true);
    expect(await page.locator('#emergency').innerText()).toBe('');
    await page.screenshot({ path: path.join(ARTIFACTS, 'webchat-advice.png'), fullPage: true });

    const box = page.getByRole('textbox').first();
    await box.fill("I can't breathe");
    await box.press('Enter');
    // Web Chat has its own (empty) alert for send errors; ours is the one with the call link.
    const banner = page.getByRole('alert').filter({ has: page.getByRole('link') });
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.getByRole('link').getAttribute('href')).toBe('tel:999');
    expect(await banner.innerText()).toMatch(/999/);
    // The emergency advice itself is in the chat too, scrolled into view under the banner.
    await page.locator('.webchat__basic-transcript__activity').getByText(adviceTitles[0]!, { exact: true }).last().waitFor();
    await expect.poll(newestInView).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'webchat-emergency.png'), fullPage: true });

    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });

  /** What a phone user must be able to reach, measured in the page (all boxes in CSS px). */
  interface Layout {
    problems: string[];
    buttons: number;
    cards: number;
  }

  /**
   * The phone-layout rules, measured: the message box and the banner's call button wholly on
   * screen, no two regions overlapping, nothing wider than the screen, advice text at least the
   * chat's body size, answer buttons at least 44 px tall, the footer call link at least 44 x 44.
   */
  const measureLayout = (p: Page): Promise<Layout> => p.evaluate(() => {
    const problems: string[] = [];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const box = (el: Element | null) => (el ? el.getBoundingClientRect() : null);
    const onScreen = (name: string, el: Element | null): void => {
      const b = box(el);
      if (!b || b.width === 0 || b.height === 0) { problems.push(`${name} missing`); return; }
      if (b.left < -0.5 || b.top < -0.5 || b.right > vw + 0.5 || b.bottom > vh + 0.5) {
        problems.push(`${name} not wholly on screen: ${[b.left, b.top, b.right, b.bottom].map(Math.round).join(',')} in ${vw}x${vh}`);
      }
    };
    const input = document.querySelector('.webchat__send-box input, .webchat__send-box textarea');
    onScreen('message box', input);
    const banner = document.querySelector('#emergency');
    const bannerShown = Boolean(banner && banner.childElementCount > 0);
    if (bannerShown) onScreen('banner call button', document.querySelector('#emergency .emergency__call'));
    const regions: [string, Element | null][] = [
      ['header', document.querySelector('.site-header')],
      ['banner', bannerShown ? banner : null],
      ['transcript', document.querySelector('.webchat__basic-transcript')],
      ['answer buttons', document.querySelector('.webchat__suggested-actions')],
      ['message row', document.querySelector('.webchat__send-box__main')],
      ['footer', document.querySelector('.site-footer')],
    ];
    const present = regions.filter(([, el]) => { const b = box(el); return b && b.width > 0 && b.height > 0; }) as [string, Element][];
    for (let i = 0; i < present.length; i += 1) {
      for (let j = i + 1; j < present.length; j += 1) {
        const a = present[i]![1].getBoundingClientRect();
        const b = present[j]![1].getBoundingClientRect();
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) problems.push(`${present[i]![0]} overlaps ${present[j]![0]} by ${Math.round(w)}x${Math.round(h)}`);
      }
    }
    if (document.documentElement.scrollWidth > vw + 1) problems.push(`page is ${document.documentElement.scrollWidth} px wide in a ${vw} px screen`);
    const px = (el: Element): number => parseFloat(getComputedStyle(el).fontSize);
    const bubble = document.querySelector('.webchat__bubble__content .webchat__text-content, .webchat__bubble__content p');
    const body = bubble ? px(bubble) : 16;
    const cards = Array.from(document.querySelectorAll('.ac-textBlock'));
    for (const t of cards) if (px(t) < body) problems.push(`advice text ${px(t)} px is smaller than the chat's ${body} px`);
    const buttons = Array.from(document.querySelectorAll('.webchat__suggested-action, .ac-pushButton')).filter((b) => b.getBoundingClientRect().height > 0);
    for (const b of buttons) if (b.getBoundingClientRect().height < 44 - 0.5) problems.push(`button "${(b.textContent ?? '').trim()}" is ${Math.round(b.getBoundingClientRect().height)} px tall`);
    const call = document.querySelector('.site-footer .call-link');
    const c = box(call);
    if (!c || c.width < 44 || c.height < 44) problems.push(`footer call link is ${c ? `${Math.round(c.width)}x${Math.round(c.height)}` : 'missing'}`);
    return { problems, buttons: buttons.length, cards: cards.length };
  });

  /** axe rules a narrow or short screen can break: target size, reachable scrolling, zoom, landmarks. */
  const SIZE_RULES = ['target-size', 'scrollable-region-focusable', 'meta-viewport', 'meta-viewport-large', 'region', 'landmark-one-main', 'bypass'];

  const PHONE_SIZES = [[320, 480], [360, 560], [390, 664], [1280, 800]] as const;

  /** Checks every size in turn on one page (the same conversation, resized), with a screenshot and axe at each. */
  async function checkSizes(p: Page, label: string, withAxe: boolean): Promise<{ problems: string[]; buttons: number; cards: number }> {
    const out = { problems: [] as string[], buttons: 0, cards: 0 };
    for (const [width, height] of PHONE_SIZES) {
      await p.setViewportSize({ width, height });
      // Web Chat keeps the newest message in view after a resize; give layout a frame to settle.
      await p.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const layout = await measureLayout(p);
      out.problems.push(...layout.problems.map((problem) => `${label} ${width}x${height}: ${problem}`));
      out.buttons += layout.buttons;
      out.cards += layout.cards;
      await p.screenshot({ path: path.join(ARTIFACTS, `layout-${label}-${width}x${height}.png`) });
      if (withAxe) {
        const t0 = Date.now();
        // axe-core injected once per page (AxeBuilder re-injects on every call, which is slow) and
        // run with the rules whose outcome depends on the screen size; the full scan runs below.
        if (!(await p.evaluate(() => 'axe' in window))) await p.evaluate(AXE_SOURCE);
        const violations = await p.evaluate(async (rules) => {
          const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; impact?: string }[] }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] });
          return result.violations.map((v) => ({ id: v.id, impact: v.impact }));
        }, SIZE_RULES);
        const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
        if (blocking.length > 0) out.problems.push(`${label} ${width}x${height}: axe ${blocking.join(', ')}`);
      }
    }
    return out;
  }

  it.each([
    ['ltr', 'en-GB'],
    ['rtl', 'ar-EG'],
  ])('phone layout (%s): at 320x480, 360x560, 390x664 and 1280x800, before and after the emergency banner, everything reachable and nothing overlapping', async (dir, locale) => {
    const context = await browser.newContext({ locale, viewport: { width: 390, height: 664 } });
    try {
      const p = await context.newPage();
      await p.goto(`${running.url}/`);
      expect(await p.evaluate(() => document.documentElement.dir)).toBe(dir);
      await p.getByRole('toolbar').getByRole('button').first().waitFor({ timeout: 10_000 });
      const before = await checkSizes(p, `${dir}-start`, false);
      expect(before.buttons).toBeGreaterThan(0);

      await p.setViewportSize({ width: 390, height: 664 });
      const box = p.getByRole('textbox').first();
      await box.fill("I can't breathe");
      await box.press('Enter');
      await p.locator('#emergency .emergency__call').waitFor({ timeout: 10_000 });
      await expect.poll(() => p.locator('.ac-textBlock').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      const after = await checkSizes(p, `${dir}-emergency`, true);
      expect(after.cards).toBeGreaterThan(0);
      expect([...before.problems, ...after.problems]).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('a reload keeps the conversation (history, banner and all) for as long as the page says; after "forget me" it starts afresh', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 664 } });
    try {
      const p = await context.newPage();
      await p.goto(`${running.url}/`);
      expect(await p.locator('.site-footer .kept-note').innerText()).toMatch(/reload this page within 25 minutes/);
      await p.getByRole('toolbar').getByRole('button', { name: choices.consentYes!, exact: true }).first().waitFor({ timeout: 10_000 });
      const box = p.getByRole('textbox').first();
      await box.fill("I can't breathe");
      await box.press('Enter');
      await p.locator('#emergency .emergency__call').waitFor({ timeout: 10_000 });
      await p.locator('.webchat__basic-transcript__activity').getByText(adviceTitles[0]!, { exact: true }).last().waitFor();
      const before = await p.locator('.webchat__basic-transcript__activity').count();
      const welcomes = (await p.locator('.webchat__basic-transcript').innerText()).split('automated helper').length - 1;
      const kept = await p.evaluate(() => JSON.parse(sessionStorage.getItem('afterscan.chat') ?? 'null') as { conversationId?: string } | null);
      expect(kept?.conversationId).toBeTruthy();

      await p.reload();
      // The same conversation, fetched again from its start: the welcome once, the typed words, the advice, the banner.
      await expect.poll(() => p.locator('.webchat__basic-transcript__activity').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(before);
      await p.locator('#emergency .emergency__call').waitFor({ timeout: 10_000 });
      const transcript = await p.locator('.webchat__basic-transcript').innerText();
      expect(transcript).toContain("I can't breathe");
      // No second welcome: the same conversation, not a new one.
      expect(transcript.split('automated helper').length - 1).toBe(welcomes);
      expect(await p.evaluate(() => (JSON.parse(sessionStorage.getItem('afterscan.chat') ?? 'null') as { conversationId?: string } | null)?.conversationId)).toBe(kept?.conversationId);
      // The emergency number in the advice is a real tap-to-call link.
      expect(await p.locator('.webchat__basic-transcript a[href="tel:999"]').count()).toBeGreaterThan(0);

      const box2 = p.getByRole('textbox').first();
      await box2.fill('forget me');
      await box2.press('Enter');
      await p.getByRole('toolbar').getByRole('button', { name: choices.deleteYes!, exact: true }).first().waitFor({ timeout: 10_000 });
      await p.getByRole('toolbar').getByRole('button', { name: choices.deleteYes!, exact: true }).first().click();
      await expect.poll(() => p.evaluate(() => sessionStorage.getItem('afterscan.chat')), { timeout: 10_000 }).toBeNull();
      await p.reload();
      await p.getByRole('toolbar').getByRole('button', { name: choices.consentYes!, exact: true }).first().waitFor({ timeout: 10_000 });
      expect(await p.locator('.webchat__basic-transcript').innerText()).not.toContain("I can't breathe");
      expect(await p.locator('#emergency').innerText()).toBe('');
    } finally {
      await context.close();
    }
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const results = await new AxeBuilder({ page }).analyze();
    const byImpact: Record<string, number> = {};
    for (const v of results.violations) byImpact[v.impact ?? 'unknown'] = (byImpact[v.impact ?? 'unknown'] ?? 0) + 1;
    console.log(`axe-core: ${results.violations.length} violations by impact ${JSON.stringify(byImpact)}; ${results.passes.length} rules passed`);
    for (const v of results.violations) console.log(`  ${v.impact}: ${v.id} (${v.nodes.length} nodes) ${v.help}`);
    const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    expect(blocking).toEqual([]);
  });

  it('keyboard: the first Tab shows a visible skip link into the chat, and the message box is a few Tabs on', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const p = await context.newPage();
      await p.goto(`${running.url}/`);
      await p.getByRole('toolbar').getByRole('button').first().waitFor({ timeout: 10_000 });
      await p.keyboard.press('Tab');
      const skip = await p.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return { href: el.getAttribute('href'), outline: style.outlineStyle, onScreen: box.top >= 0 && box.bottom <= window.innerHeight };
      });
      expect(skip).toEqual({ href: '#chat', outline: 'solid', onScreen: true });
      await p.keyboard.press('Enter');
      expect(await p.evaluate(() => document.activeElement?.id)).toBe('chat');
      let reached = false;
      for (let i = 0; i < 12 && !reached; i += 1) {
        await p.keyboard.press('Tab');
        reached = await p.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('placeholder') !== null && document.activeElement?.tagName === 'INPUT');
      }
      expect(reached).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('H04: with no Direct Line at all, the page says the chat is not working and still gives the emergency number', async () => {
    const off = await startApp({ LOCAL_DIRECTLINE: 'off' });
    const context = await browser.newContext();
    try {
      const p = await context.newPage();
      await p.goto(`${off.url}/`);
      await p.locator('#chat-unavailable').waitFor({ state: 'visible' });
      expect(await p.locator('#chat-unavailable').innerText()).toMatch(/not working.*call 999 now/);
      expect(await p.locator('#chat-status').isVisible()).toBe(false);
      expect(await p.locator('.site-footer .kept-note').isVisible()).toBe(false);
    } finally {
      await context.close();
      await off.stop();
    }
  });

  it('H03: serves the page and the chat in Spanish when the browser asks for Spanish', async () => {
    const context = await browser.newContext({ locale: 'es-ES', viewport: { width: 390, height: 844 } });
    const es = await context.newPage();
    await es.goto(`${running.url}/`);
    expect(await es.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['es', 'ltr']);
    const welcome = String((readLocale('es', 'welcome') as { hello: string }).hello).replace('{{emergencyNumber}}', '999');
    await es.getByText(welcome.slice(0, 30), { exact: false }).first().waitFor({ timeout: 10_000 });
    await context.close();
  });

  it('H03: choosing Arabic in the chat turns the page, its words and Web Chat right to left without a reload', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
    const p = await context.newPage();
    await p.goto(`${running.url}/`);
    await p.getByRole('toolbar').getByRole('button', { name: choices.consentYes!, exact: true }).first().waitFor({ timeout: 10_000 });
    expect(await p.evaluate(() => document.documentElement.dir)).toBe('ltr');
    const box = p.getByRole('textbox').first();
    await box.fill('العربية');
    await box.press('Enter');
    await expect.poll(() => p.evaluate(() => [document.documentElement.lang, document.documentElement.dir].join(' ')), { timeout: 10_000 }).toBe('ar rtl');
    const web = readLocale('ar', 'web') as { title: string };
    await expect.poll(() => p.evaluate(() => document.title)).toBe(web.title);
    await expect.poll(() => p.locator('#webchat [dir]').first().getAttribute('dir')).toBe('rtl');
    await context.close();
  });

  it('right-to-left: an Arabic browser gets the page, Web Chat and the advice cards laid out right to left', async () => {
    const context = await browser.newContext({ locale: 'ar-EG', viewport: { width: 390, height: 844 } });
    const ar = await context.newPage();
    await ar.goto(`${running.url}/`);
    expect(await ar.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    const common = readLocale('ar', 'common') as { choices: Record<string, string> };
    const welcome = String((readLocale('ar', 'welcome') as { hello: string }).hello).replace('{{emergencyNumber}}', '999');
    await ar.getByText(welcome.slice(0, 20), { exact: false }).first().waitFor({ timeout: 10_000 });
    // Web Chat's own root follows the page's direction (its bubbles and buttons flip).
    expect(await ar.locator('#webchat [dir]').first().getAttribute('dir')).toBe('rtl');
    const box = ar.getByRole('toolbar').getByRole('button', { name: common.choices.consentYes!, exact: true }).first();
    await box.waitFor({ timeout: 10_000 });
    // Right to left: the first suggested action sits at the right-hand edge of the chat.
    const chat = await ar.locator('#webchat').boundingBox();
    const first = await box.boundingBox();
    expect(first && chat && first.x + first.width > chat.x + chat.width / 2).toBe(true);
    // Web Chat's own words follow too: its Arabic (ar-SA, the complete set) screen-reader labels, not English.
    const webChatAr = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/botframework-webchat-api/lib/localization/ar-SA.json'), 'utf8')) as Record<string, string>;
    await expect.poll(() => ar.locator(`[aria-label="${webChatAr.TRANSCRIPT_ARIA_LABEL_ALT}"]`).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const heard = await ar.evaluate(() => document.body.textContent ?? '');
    expect(heard).toContain(webChatAr.ACTIVITY_BOT_SAID_ALT!.replace(' $1:', ''));
    expect(heard).not.toMatch(/Bot said|said:|Chat history/);
    expect(await ar.locator('[aria-label^="Chat history"]').count()).toBe(0);
    await ar.screenshot({ path: path.join(ARTIFACTS, 'webchat-arabic-rtl.png') });
    const axe = await new AxeBuilder({ page: ar }).analyze();
    console.log(`axe-core (Arabic, rtl): ${axe.violations.length} violations; ${axe.passes.length} rules passed`);
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await context.close();
  });
});
