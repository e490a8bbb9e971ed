import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FSI, LRI, PDI, RLM, isolateNumbers, isolateValue } from '../../src/language/bidi';
import { createLocalizer, MESSAGE_NAMESPACES } from '../../src/language/localizer';
import { findLocalesDir } from '../../src/language/localesDir';
import { CAPABILITIES, countSms, render, type OutActivity, type OutMessage } from '../../src/rendering';
import { deploymentT, type DeploymentText } from '../../src/bot/turn';
import { cardText } from '../helpers/cards';
import { baseDirections, visual } from '../helpers/fribidi';

/**
 * Issue 19: on a right-to-left line, digit groups separated by spaces are laid out in reverse
 * ("116 117" shows as "117 116"). Every message of Arabic and Urdu that names a deployment number
 * or contact is rendered for each channel and laid out by GNU FriBidi; the groups must show in
 * the order they are dialled.
 */
const LOCALES = findLocalesDir();
const localizer = createLocalizer('en', LOCALES);
const URGENT = '116 117';
const PHONE = '020 7946 0000';
const reversed = (n: string): string => n.split(' ').reverse().join(' ');
const MARKS = /[\u2066-\u2069\u200e\u200f]/g;

type Json = { [key: string]: Json } | string | string[];
function leaves(value: Json, prefix: string): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, `${prefix}${prefix.endsWith(':') ? '' : '.'}${k}`));
}

/** Every message key of a language whose text names a deployment number or contact. */
function numberKeys(lng: string): string[] {
  return MESSAGE_NAMESPACES.flatMap((ns) => leaves(JSON.parse(fs.readFileSync(path.join(LOCALES, lng, `${ns}.json`), 'utf8')) as Json, `${ns}:`))
    .filter(([, text]) => /\{\{(urgentNumber|emergencyNumber|careTeam|pregnancyContact)\}\}/.test(text))
    .map(([key]) => key);
}

const deployments: Record<string, DeploymentText> = {
  short: { emergencyNumber: '112', urgentNumber: URGENT, careTeamContact: PHONE, pregnancyContact: PHONE },
  long: { emergencyNumber: '112', urgentNumber: URGENT, careTeamContact: `the vascular clinic at St Mary's Hospital, ${PHONE}`, pregnancyContact: `the maternity unit, ${PHONE}` },
  arabic: { emergencyNumber: '112', urgentNumber: URGENT, careTeamContact: `عيادة الأوعية الدموية، ${PHONE}`, pregnancyContact: PHONE },
};

/** Every text a channel shows: the activity's text, what it speaks, and the words on its cards. */
const shown = (a: OutActivity): string[] => [a.text, a.speak ?? '', ...(a.attachments ?? []).map((c) => cardText(c.content))].filter((x) => x !== '');

/** The numbers a logical text holds, each of which must read in dialling order on screen. */
const numbersIn = (text: string): string[] => [URGENT, PHONE].filter((n) => text.replace(MARKS, '').includes(n));

const RTL_LANGUAGES = ['ar', 'ur'];

describe('issue 19: numbers read in dialling order in right-to-left scripts (GNU FriBidi)', () => {
  it('the marks: each number isolated left to right, a deployment value isolated by its first strong letter', () => {
    expect(isolateNumbers(`call ${URGENT} or +44 20 7946 0000`)).toBe(`call ${LRI}${URGENT}${PDI} or ${LRI}+44 20 7946 0000${PDI}`);
    expect(isolateValue(PHONE)).toBe(`${FSI}${LRI}${PHONE}${PDI}${PDI}`);
  });

  it('the test can fail: without the isolates FriBidi shows "116 117" as "117 116" on an Arabic line', () => {
    const t = deploymentT(localizer.fixedT('ar'), deployments.short!);
    const line = t('outcome:urgent.now_line').replace(MARKS, '');
    expect(line).toContain(URGENT);
    expect(visual(line, 'rtl').join('\n')).toContain(reversed(URGENT));
  });

  for (const lng of RTL_LANGUAGES) {
    const keys = numberKeys(lng);
    for (const [name, deployment] of Object.entries(deployments)) {
      it(`${lng}, ${name} contact: every message with a number, on web chat, Teams and SMS`, () => {
        expect(keys.length).toBeGreaterThan(10);
        const lines: { line: string; base: 'rtl' | 'auto'; label: string }[] = [];
        for (const audience of [undefined, 'carer'] as const) {
          const t = deploymentT(localizer.fixedT(lng), deployment, () => audience);
          for (const key of keys) {
            const text = t(key);
            const messages: OutMessage[] = [{ kind: 'text', text }, { kind: 'summary', title: text, lines: [text] }];
            for (const channel of ['webchat', 'msteams', 'sms'] as const) {
              const base = channel === 'sms' ? 'auto' : 'rtl';
              for (const activity of messages.flatMap((m) => render(m, CAPABILITIES[channel]!, 'rtl'))) {
                for (const body of shown(activity)) {
                  for (const line of body.split('\n')) if (numbersIn(line).length > 0) lines.push({ line, base, label: `${lng} ${audience ?? 'patient'} ${key} on ${channel}` });
                }
              }
            }
          }
        }
        let checked = 0;
        for (const base of ['rtl', 'auto'] as const) {
          const batch = lines.filter((l) => l.base === base);
          const seen = visual(batch.map((l) => l.line).join('\n'), base);
          expect(seen).toHaveLength(batch.length);
          batch.forEach(({ line, label }, i) => {
            for (const n of numbersIn(line)) {
              expect(seen[i], label).toContain(n);
              expect(seen[i], label).not.toContain(reversed(n));
              checked += 1;
            }
          });
        }
        expect(checked).toBeGreaterThan(keys.length);
      });
    }
  }

  it('English and other left-to-right languages get no marks (an English SMS stays GSM-7)', () => {
    const t = deploymentT(localizer.fixedT('en'), deployments.short!);
    expect(t('outcome:urgent.now_line')).not.toMatch(MARKS);
  });
});

describe('issue 19: Arabic and Urdu SMS begin right to left', () => {
  for (const lng of RTL_LANGUAGES) {
    it(`${lng}: HELP (which opens with "Afterscan") and every message a phone shows start right to left`, () => {
      const t = deploymentT(localizer.fixedT(lng), deployments.long!);
      const help = render({ kind: 'text', text: t('common:smsHelp') }, CAPABILITIES.sms!, 'rtl');
      expect(t('common:smsHelp').replace(MARKS, '')).toMatch(/^Afterscan/);
      expect(help[0]!.text.startsWith(RLM)).toBe(true);
      const lines: { line: string; label: string }[] = [];
      for (const ns of MESSAGE_NAMESPACES) {
        const texts = leaves(JSON.parse(fs.readFileSync(path.join(LOCALES, lng, `${ns}.json`), 'utf8')) as Json, `${ns}:`);
        for (const [key] of texts) {
          for (const piece of render({ kind: 'text', text: t(key) }, CAPABILITIES.sms!, 'rtl')) {
            for (const line of piece.text.split('\n')) if (line.trim() !== '') lines.push({ line, label: `${lng} ${key}` });
          }
        }
      }
      expect(lines.length).toBeGreaterThan(100);
      // The first word is in Arabic script, or a right-to-left mark comes before it.
      for (const { line, label } of lines) expect(line, label).toMatch(/^(\u200f|[^\p{L}]*[\u0600-\u06ff])/u);
      const directions = baseDirections(lines.map((l) => l.line).join('\n'));
      expect(directions).toHaveLength(lines.length);
      directions.forEach((d, i) => expect(d, lines[i]!.label).toBe('R'));
    });
  }

  it('the mark never pushes an Arabic SMS over two segments', () => {
    const t = deploymentT(localizer.fixedT('ar'), deployments.long!);
    const long = [t('common:smsHelp'), t('common:careTeam'), t('outcome:urgent.now_line'), t('common:smsHelp')].join(' ');
    for (const piece of render({ kind: 'text', text: long }, CAPABILITIES.sms!, 'rtl')) {
      expect(piece.text.startsWith(RLM) || /^[\u0600-\u06ff]/.test(piece.text)).toBe(true);
      expect(countSms(piece.text).segments).toBeLessThanOrEqual(2);
    }
  });
});
