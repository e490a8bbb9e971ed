/**
 * npm run screenshots: the four advice levels on a phone (390 x 664, a phone's visible area
 * with its browser toolbars), written to docs/channels/screenshots/<level>.png. Runs the real
 * server on a loopback port and Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium)
 * through playwright-core, and answers the questions by tapping the buttons, as a patient would.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { chromium, type Locator, type Page } from 'playwright-core';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { findLocalesDir } from '../src/language/localesDir';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = path.resolve(__dirname, '..', '..', 'docs', 'channels', 'screenshots');
const VIEWPORT = { width: 390, height: 664 };

const read = (ns: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(findLocalesDir(), 'en', `${ns}.json`), 'utf8')) as Record<string, unknown>;
const choices = (read('common') as { choices: Record<string, string> }).choices;
const outcome = read('outcome') as Record<string, { title: string }>;

/** How each level is reached: the answer to the leg question ("Gone" is only on that one), or a typed red flag. */
const LEVELS: { level: string; title: string; leg?: string; typed?: string }[] = [
  { level: 'emergency', title: outcome.emergency!.title.replace('{{emergencyNumber}}', '999'), typed: "I can't breathe" },
  { level: 'urgent', title: outcome.urgent!.title, leg: choices.worse! },
  { level: 'soon', title: outcome.soon!.title, leg: choices.same! },
  { level: 'self-care', title: outcome.selfCare!.title, leg: choices.gone! },
];

const button = (page: Page, name: string): Locator => page.getByRole('toolbar').getByRole('button', { name, exact: true }).first();

async function tap(page: Page, name: string): Promise<void> {
  const activities = page.locator('.webchat__basic-transcript__activity');
  const before = await activities.count();
  await button(page, name).click();
  for (let i = 0; i < 100 && (await activities.count()) < before + 2; i += 1) await page.waitForTimeout(100);
}

async function reach(page: Page, target: (typeof LEVELS)[number]): Promise<void> {
  const advice = page.locator('.webchat__basic-transcript__activity').getByText(target.title, { exact: true });
  await button(page, choices.consentYes!).waitFor({ timeout: 15_000 });
  if (target.typed) {
    const box = page.getByRole('textbox').first();
    await box.fill(target.typed);
    await box.press('Enter');
  } else {
    await tap(page, choices.consentYes!);
    await button(page, choices.unsure!).waitFor();
    await tap(page, choices.yes!);
    await button(page, choices.carryOn!).waitFor();
    await tap(page, choices.carryOn!);
    for (let i = 0; i < 25 && (await advice.count()) === 0; i += 1) {
      await button(page, choices.no!).or(button(page, choices.gone!)).or(advice.first()).first().waitFor({ timeout: 15_000 });
      if (await advice.count() > 0) break;
      await tap(page, await button(page, choices.gone!).count() > 0 ? target.leg! : choices.no!);
    }
  }
  await advice.first().waitFor({ timeout: 15_000 });
  // Let Web Chat finish scrolling, then bring the advice and its card into view (the safety net and
  // the next question follow it, so the newest message alone would push the advice out of sight).
  await page.waitForTimeout(800);
  // Scroll the transcript only (scrollIntoView would scroll the page too, taking the header and banner away).
  await advice.first().evaluate((el) => {
    const activity = el.closest('.webchat__basic-transcript__activity');
    const pane = el.closest('.webchat__basic-transcript__scrollable');
    if (activity && pane) pane.scrollTop += activity.getBoundingClientRect().top - pane.getBoundingClientRect().top - 8;
  });
  await page.evaluate('window.scrollTo(0, 0)');
  // No hover or focus ring left from the last tap or the typed message.
  await page.mouse.move(0, 0);
  await page.evaluate('document.activeElement && document.activeElement.blur()');
  await page.waitForTimeout(400);
}

async function main(): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  fs.mkdirSync(OUT, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'afterscan-screens-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', LOCAL_DIRECTLINE: 'on', RATE_LIMIT_PER_CLIENT: '0', RATE_LIMIT_PER_CONVERSATION: '0' });
  const app = buildApp(config, pino({ level: 'silent' }));
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    for (const target of LEVELS) {
      const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB', deviceScaleFactor: 2, reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.goto(url);
      await reach(page, target);
      const file = path.join(OUT, `${target.level}.png`);
      await page.screenshot({ path: file });
      console.log(`${target.level}: ${path.relative(process.cwd(), file)}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
