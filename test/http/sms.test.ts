import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSms } from '../../src/rendering';
import { dispositions, Patient, startApp, texts, type Reply, type RunningApp } from '../helpers/app';
import { questionId } from '../helpers/questions';

let running: RunningApp;
let n = 0;
beforeAll(async () => { running = await startApp({ CARE_TEAM_CONTACT: 'the DVT clinic on 020 7946 0000', CHECKIN_DAYS: '2' }); });
afterAll(async () => { await running.stop(); });

const sms = (locale = 'en-GB'): Patient => new Patient(running.url, `sms-${(n += 1)}`, 'sms', locale, `+4477009000${String(n).padStart(2, '0')}`);

/** Says each line; returns the replies of each line. */
async function talk(p: Patient, lines: readonly string[]): Promise<[string, Reply[]][]> {
  const out: [string, Reply[]][] = [];
  for (const line of lines) out.push([line, await p.say(line)]);
  return out;
}

/** The transcript with each message's segment count and character set, for the closing note. */
function transcript(title: string, turns: [string, Reply[]][]): string {
  const lines = [`=== SMS transcript: ${title}`];
  for (const [said, replies] of turns) {
    lines.push(`> ${said}`);
    for (const r of replies) {
      const c = countSms(r.text ?? '');
      lines.push(`< [${c.segments} seg, ${c.charset}, ${c.units} units] ${(r.text ?? '').replace(/\n/g, ' / ')}`);
    }
  }
  return lines.join('\n');
}

/**
 * Self-care, answered only by number, by question id: consent, it is for me, carry on, no to every
 * yes/no question, gone, the right teach-back answer, no check-in, done.
 */
const BY_NUMBER: Record<string, string> = {
  consent: '1', eligibility: '1', explain: '2', legTrend: '4', teachBack: '1', followUpOffer: '2', whatNext: '3',
};
const YES_NO_NO = '2';

/**
 * Says `first`, then answers each question the bot asks by its number, until it asks `stopAt`
 * (or asks nothing more). Returns each line with its replies.
 */
async function byNumber(p: Patient, first: string, stopAt?: string): Promise<[string, Reply[]][]> {
  const turns: [string, Reply[]][] = [[first, await p.say(first)]];
  for (let i = 0; i < 40; i++) {
    const id = questionId(turns[turns.length - 1]![1]);
    if (!id || id === stopAt) break;
    const line = BY_NUMBER[id] ?? YES_NO_NO;
    turns.push([line, await p.say(line)]);
  }
  if (stopAt) expect(questionId(turns[turns.length - 1]![1])).toBe(stopAt);
  return turns;
}

describe('SMS, as the Twilio connector speaks it', () => {
  it('the first inbound text starts the conversation (SMS sends no join event)', async () => {
    const replies = await sms().say('hello');
    expect(replies[0]!.text).toMatch(/automated helper[\s\S]*call 999 now/i);
    expect(texts(replies)).toMatch(/Is that OK\?[^\n]*\n\n1\) Yes, go on\n2\) No thanks\n3\) I am writing for someone\n4\) I am a health worker$/);
    expect(questionId(replies)).toBe('consent');
  });

  const LANGUAGES = [['en', 'en-GB', 'hi'], ['es', 'es-ES', 'hola'], ['fr', 'fr-FR', 'bonjour'], ['de', 'de-DE', 'hallo'], ['pl', 'pl-PL', 'dzień dobry'],
    ['pt', 'pt-BR', 'olá'], ['ro', 'ro-RO', 'bună ziua'], ['ar', 'ar-EG', 'مرحبا'], ['ur', 'ur-PK', 'السلام علیکم'], ['zh-Hans', 'zh-CN', '你好']] as const;
  for (const [lng, locale, first] of LANGUAGES) {
    it(`H02 H04: ${lng}, the whole check answered by number, every message within two segments where possible`, async () => {
      const turns = await byNumber(sms(locale), first);
      console.log(transcript(`${lng}, self-care path answered by number`, turns));
      const replies = turns.flatMap(([, r]) => r);
      expect(dispositions(replies).map((d) => d.level)).toEqual(['self-care']);
      expect(replies.every((r) => r.locale === lng)).toBe(true);
      // Arabic, Urdu, Chinese, Polish, Romanian fall outside GSM-7 (German's umlauts are in it) and are counted as UCS-2 (70/67 per segment).
      if (['ar', 'ur', 'zh-Hans', 'pl', 'ro'].includes(lng)) expect(replies.some((r) => countSms(r.text ?? '').charset === 'UCS-2')).toBe(true);
      for (const r of replies) {
        expect(r.attachments).toBeUndefined();
        expect(r.suggestedActions).toBeUndefined();
        expect(r.text ?? '').not.toMatch(/[*_\\#`[]/);
        expect(countSms(r.text ?? '').segments, r.text).toBeLessThanOrEqual(2);
      }
      expect(texts(replies)).toMatch(/999/);
      // Every question was asked and answered, down to the goodbye.
      expect(turns.map(([said]) => said).slice(-1)).toEqual([BY_NUMBER.whatNext]);
      expect(questionId(turns[turns.length - 1]![1])).toBeUndefined();
    });
  }
});

describe('SMS carrier keywords', () => {
  it('S1 H01: STOP confirms once, cancels the check-ins and silences the bot; a red flag still gets its advice', async () => {
    const p = sms();
    await byNumber(p, 'hi', 'followUpOffer');
    expect(texts(await p.say('1'))).toMatch(/I will message you 2 days from now/);
    const userKey = `sms/users/${p.userId}`;
    expect(running.app.checkIns.pendingFor(userKey)).toHaveLength(1);

    const stopped = await p.say('STOP');
    expect(stopped).toHaveLength(1);
    expect(stopped[0]!.text).toMatch(/no more texts[\s\S]*call 999[\s\S]*START/);
    expect(running.app.checkIns.pendingFor(userKey)).toEqual([]);
    for (const line of ['hello', 'yes', '1', 'stop', 'menu']) expect(await p.say(line), line).toEqual([]);

    const flagged = await p.say('i am coughing up blood');
    expect(dispositions(flagged).map((d) => d.level)).toEqual(['emergency']);
    expect(flagged[0]!.text).toMatch(/Call 999 now/);
    const urgent = await p.say('my other leg is swollen now too');
    expect(dispositions(urgent).map((d) => d.level)).toEqual(['urgent']);
    expect(await p.say('hi')).toEqual([]);
  });

  it('HELP is answered even when opted out, with the emergency number and how to stop', async () => {
    const p = sms();
    await p.say('stop');
    const help = await p.say('Help');
    expect(help).toHaveLength(1);
    expect(help[0]!.text).toMatch(/999[\s\S]*STOP[\s\S]*START/);
    expect(countSms(help[0]!.text!).segments).toBe(1);
  });

  it('H04: in Spanish too, STOP and HELP are one message each, within two segments, with the number', async () => {
    const p = sms('es-ES');
    await p.say('hola');
    for (const word of ['STOP', 'HELP']) {
      const replies = await p.say(word);
      expect(replies, word).toHaveLength(1);
      expect(replies[0]!.text).toMatch(/999[\s\S]*START/);
      expect(countSms(replies[0]!.text!).segments).toBeLessThanOrEqual(2);
    }
  });

  const OFFERED = [['en', 'en-GB', 'hi'], ['es', 'es-ES', 'hola'], ['fr', 'fr-FR', 'bonjour'], ['de', 'de-DE', 'hallo'], ['pl', 'pl-PL', 'dzień dobry'],
    ['pt', 'pt-BR', 'olá'], ['ro', 'ro-RO', 'bună ziua'], ['ar', 'ar-EG', 'مرحبا'], ['ur', 'ur-PK', 'السلام علیکم'], ['zh-Hans', 'zh-CN', '你好']] as const;
  for (const [lng, locale, first] of OFFERED) {
    it(`H04: ${lng}, STOP and HELP are one message each, within two segments, with the number and STOP and START`, async () => {
      const p = sms(locale);
      await p.say(first);
      for (const word of ['STOP', 'HELP']) {
        const replies = await p.say(word);
        console.log(transcript(`${lng}, ${word}`, [[word, replies]]));
        expect(replies, `${lng} ${word}`).toHaveLength(1);
        expect(replies[0]!.locale, `${lng} ${word}`).toBe(lng);
        const text = replies[0]!.text ?? '';
        expect(text, `${lng} ${word}`).toMatch(/999[\s\S]*START/);
        if (word === 'HELP') expect(text, `${lng} ${word}`).toMatch(/STOP[\s\S]*START/);
        expect(countSms(text).segments, `${lng} ${word}: ${text}`).toBeLessThanOrEqual(2);
      }
    });
  }

  it('START (or UNSTOP) opts back in and starts again', async () => {
    for (const word of ['START', 'unstop']) {
      const p = sms();
      await talk(p, ['hi', 'quit']);
      expect(await p.say('hi')).toEqual([]);
      const back = await p.say(word);
      expect(back[0]!.text).toMatch(/automated helper/);
      expect(questionId(back)).toBe('consent');
      expect(questionId(await p.say('1'))).toBe('eligibility');
      expect(texts(await p.say('1'))).toMatch(/did not find a clot/);
    }
  });

  it('every carrier stop word counts, in any case, but only as the whole message', async () => {
    for (const word of ['Stop', 'UNSUBSCRIBE', 'cancel', 'End', 'quit', 'STOP.']) {
      const p = sms();
      await p.say('hi');
      expect(texts(await p.say(word)), word).toMatch(/no more texts/);
    }
    const p = sms();
    await p.say('hi');
    expect(texts(await p.say('stop the pain'))).not.toMatch(/no more texts/);
  });
});
