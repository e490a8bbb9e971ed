import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { capabilitiesFor, countSms, render, type OutMessage } from '../../src/rendering';
import type { Disposition } from '../../src/triage';
import { createLocalizer } from '../../src/language/localizer';
import { cardActions, cardText, cardVersion, cardWarnings } from '../helpers/cards';

const disposition: Disposition = { level: 'emergency', reasons: ['E_SIGNS'], rulesVersion: 'test' } as Disposition;
const advice: OutMessage = {
  kind: 'advice', level: 'emergency', title: 'Call 999 now', disposition,
  lines: ['Call 999 now and ask for an ambulance. Do not drive yourself.', 'Until then:\n- sit up\n- keep calm'],
};
const question: OutMessage = {
  kind: 'question', id: 'legTrend', text: 'Is it worse?',
  choices: ['Worse', 'About the same', 'Better', 'Gone', 'Not sure'].map((label) => ({ value: label.toLowerCase(), label })),
};
const summary: OutMessage = { kind: 'summary', title: 'Your summary', lines: ['Scan: no clot seen.', 'Call 999 if: chest pain.'] };

describe('the capability table', () => {
  it('unknown and odd channel ids get the conservative plain rendering', () => {
    for (const id of [undefined, 'telegram', 'constructor', '__proto__', 'toString']) {
      expect(capabilitiesFor(id)).toMatchObject({ text: 'plain', cards: false, choices: 'numbered', numberedChoices: true });
    }
  });

  it('no code outside the capability table compares a channel id', () => {
    const root = path.resolve(__dirname, '../..');
    const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
    const compare = /channelId\s*[!=]==?|[!=]==?\s*[\w.?]*channelId|case\s+['"`](msteams|sms|webchat|directline|emulator)['"`]/;
    const offenders = [...files(path.join(root, 'src')), ...files(path.join(root, 'dialogs'))]
      .filter((f) => !f.endsWith(path.join('rendering', 'capabilities.ts')))
      .filter((f) => compare.test(fs.readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('web chat: a card for advice, heading in the text, suggested actions for choices', () => {
  const caps = capabilitiesFor('webchat');

  it('H04 S4: advice: the heading is the text, the rest is a clean 1.5 card, speak holds it all, one entity', () => {
    const [a, ...more] = render(advice, caps);
    expect(more).toEqual([]);
    expect(a!.text).toBe('**Call 999 now**');
    expect(a!.speak).toMatch(/^Call 999 now\n\nCall 999 now and ask for an ambulance/);
    const card = a!.attachments?.[0]?.content;
    expect(cardWarnings(card)).toEqual([]);
    expect(cardVersion(card)).toBe(1.5);
    expect(cardText(card)).toContain('Do not drive yourself.');
    expect(cardText(card)).toContain('- sit up\n- keep calm');
    expect(cardText(card)).not.toContain('**Call 999 now**');
    expect(a!.entities).toEqual([{ type: 'disposition', level: 'emergency', reasons: ['E_SIGNS'], rulesVersion: 'test' }]);
  });

  it('questions get imBack suggested actions and no card', () => {
    const [a] = render(question, caps);
    expect(a!.suggestedActions?.actions.map((x) => [x.type, x.title, x.value])).toContainEqual(['imBack', 'Not sure', 'Not sure']);
    expect(a!.attachments).toBeUndefined();
    expect(a!.inputHint).toBe('expectingInput');
  });

  it('escapes markdown and HTML in text and on cards', () => {
    const [a] = render({ kind: 'summary', title: '<b>x</b>', lines: ['**y** [z](http://e)'] }, caps);
    expect(a!.text).toBe('**\\<b\\>x\\</b\\>**');
    expect(cardText(a!.attachments?.[0]?.content)).toBe('- \\*\\*y\\*\\* \\[z\\]\\(http://e\\)');
  });
});

describe('Teams: cards of at most 1.5 with Action.Submit imBack buttons, never suggested actions', () => {
  const caps = capabilitiesFor('msteams');

  it('a five-way question keeps all five buttons (Teams shows only three suggested actions)', () => {
    const [a] = render(question, caps);
    expect(a!.suggestedActions).toBeUndefined();
    expect(a!.text).toBe('Is it worse?');
    const card = a!.attachments?.[0]?.content;
    expect(cardWarnings(card)).toEqual([]);
    expect(cardVersion(card)).toBeLessThanOrEqual(1.5);
    expect(cardActions(card)).toEqual(['Worse', 'About the same', 'Better', 'Gone', 'Not sure'].map((label) => ({ title: label, data: { msteams: { type: 'imBack', value: label } } })));
  });

  it('advice with choices puts the buttons on the advice card itself', () => {
    const [a] = render({ ...advice, choices: [{ value: 'done', label: 'I am done' }] } as OutMessage, caps);
    expect(a!.attachments).toHaveLength(1);
    expect(cardActions(a!.attachments?.[0]?.content).map((x) => x.title)).toEqual(['I am done']);
    expect(a!.suggestedActions).toBeUndefined();
  });
});

describe('SMS: plain text, numbered choices, two segments a message where possible', () => {
  const caps = capabilitiesFor('sms');
  const markup = /[*_\\#`[]/;

  it('a question ends with a numbered list, with no buttons, cards or markup', () => {
    const [a] = render(question, caps);
    expect(a!.text).toBe('Is it worse?\n\n1) Worse\n2) About the same\n3) Better\n4) Gone\n5) Not sure');
    expect(a!.textFormat).toBe('plain');
    expect(a!.suggestedActions).toBeUndefined();
    expect(a!.attachments).toBeUndefined();
  });

  it('advice and summaries are plain text with the number written out', () => {
    for (const message of [advice, summary]) {
      for (const a of render(message, caps)) {
        expect(a.text).not.toMatch(markup);
        expect(a.attachments).toBeUndefined();
      }
    }
    expect(render(advice, caps).map((a) => a.text).join('\n')).toMatch(/Call 999 now/);
  });

  it('H04 S4: a long SMS is cut at paragraphs, then sentences, losing nothing; the entity goes once, on the first piece', () => {
    const long: OutMessage = { ...advice, lines: ['Ésta es una frase bastante larga que habla de la pierna y del coágulo.'.repeat(2), 'Otra frase. Y otra más, para que no quepa en dos partes de texto.', 'Llame ahora.'] } as OutMessage;
    const pieces = render(long, caps);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(countSms(p.text).segments).toBeLessThanOrEqual(2);
    expect(pieces.flatMap((p) => p.entities ?? [])).toHaveLength(1);
    expect(pieces[0]!.entities).toHaveLength(1);
    expect(pieces.map((p) => p.text).join(' ').replace(/\s+/g, ' ')).toBe(['Call 999 now', ...(long as unknown as { lines: string[] }).lines].join(' ').replace(/\s+/g, ' '));
  });
});

describe('tap to call: every number the advice names can be dialled from where it is shown', () => {
  const phones = ['999', '111'];
  const urgentNow: OutMessage = {
    kind: 'advice', level: 'urgent', title: 'Call 111 now', disposition: { ...disposition, level: 'urgent' } as Disposition,
    lines: ['Call 111 now and tell them about your scan. If it gets worse, call 999.', 'In England, you can also use NHS 111 online at 111.nhs.uk.'],
  };

  it('web chat: the numbers in the heading and on the card are tel: links; web addresses and other digits are not', () => {
    const [a] = render(urgentNow, capabilitiesFor('webchat'), 'ltr', phones);
    expect(a!.text).toBe('**Call [111](tel:111) now**');
    const text = cardText(a!.attachments?.[0]?.content);
    expect(text).toContain('Call [111](tel:111) now and tell them about your scan. If it gets worse, call [999](tel:999).');
    expect(text).toContain('at 111.nhs.uk.');
    expect(text).not.toContain('(tel:111).nhs');
    expect(cardWarnings(a!.attachments?.[0]?.content)).toEqual([]);
    // speak is for voice: no link syntax read aloud.
    expect(a!.speak).not.toMatch(/tel:/);
  });

  it('web chat: plain text messages link the numbers too; a longer number that contains one is left alone', () => {
    const [a] = render({ kind: 'text', text: 'Call 999 now if you faint. Ref 19990 is not a number to call.' }, capabilitiesFor('webchat'), 'ltr', phones);
    expect(a!.text).toBe('Call [999](tel:999) now if you faint. Ref 19990 is not a number to call.');
  });

  it('numbers written in groups, or isolated for right-to-left text, dial as one number', () => {
    const [a] = render({ kind: 'text', text: 'Rufen Sie 116 117 an. اتصل بالرقم \u2066999\u2069 الآن' }, capabilitiesFor('webchat'), 'rtl', ['116 117', '999']);
    expect(a!.text).toContain('[116 117](tel:116117)');
    expect(a!.text).toContain('\u2066[999](tel:999)\u2069');
  });

  it('Teams: emergency and "call now" advice carry an Action.OpenUrl tel: button named like the heading, with a clean 1.5 card', () => {
    for (const [message, url] of [[advice, 'tel:999'], [urgentNow, 'tel:111']] as const) {
      const [a] = render(message, capabilitiesFor('msteams'), 'ltr', phones);
      const card = a!.attachments?.[0]?.content as { body: { type: string; actions?: { type: string; title: string; url?: string }[] }[] };
      expect(cardWarnings(card)).toEqual([]);
      expect(cardVersion(card)).toBe(1.5);
      const open = card.body.flatMap((b) => b.actions ?? []).filter((x) => x.type === 'Action.OpenUrl');
      expect(open).toEqual([{ type: 'Action.OpenUrl', title: (message as { title: string }).title, url }]);
      expect(cardText(card)).toMatch(/\[(999|111)\]\(tel:(999|111)\)/);
    }
    // Advice that does not say to call a number gets no call button.
    const [soon] = render({ ...advice, level: 'soon', title: 'Contact your care team within 2 working days', lines: ['Call 999 if it gets worse.'] } as OutMessage, capabilitiesFor('msteams'), 'ltr', phones);
    expect(JSON.stringify(soon!.attachments)).not.toContain('Action.OpenUrl');
  });

  it('web chat cards get no OpenUrl button (the page has the banner and the links)', () => {
    const [a] = render(advice, capabilitiesFor('webchat'), 'ltr', phones);
    expect(JSON.stringify(a!.attachments)).not.toContain('Action.OpenUrl');
  });

  it('SMS: the number alone on its own line under the heading; no link syntax', () => {
    const pieces = render(advice, capabilitiesFor('sms'), 'ltr', phones);
    const lines = pieces.map((p) => p.text).join('\n').split('\n');
    expect(lines.slice(0, 2)).toEqual(['Call 999 now', '999']);
    expect(pieces.map((p) => p.text).join('\n')).not.toMatch(/tel:|\[/);
    const [urgent] = render(urgentNow, capabilitiesFor('sms'), 'ltr', phones);
    expect(urgent!.text.split('\n').slice(0, 2)).toEqual(['Call 111 now', '111']);
  });

  it('teach-back, in all ten languages: the right answer is an ordinary answer button in the first person, never a call action', () => {
    const localizer = createLocalizer('en');
    expect(localizer.languages.length).toBeGreaterThanOrEqual(10);
    for (const lng of localizer.languages) {
      const t = localizer.fixedT(lng);
      const label = t('outcome:teachBack.callNow', { emergencyNumber: '999' });
      const callWords = [t('outcome:emergency.title', { emergencyNumber: '999' })];
      const web = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../locales', lng, 'web.json'), 'utf8')) as { callNow: string };
      callWords.push(web.callNow.replace('{{emergencyNumber}}', '999'));
      // Not the words of a call button ("Call 999", "Call 999 now"), and longer than them: a sentence about oneself.
      for (const words of callWords) expect(label.toLowerCase(), `${lng}: "${label}" vs "${words}"`).not.toBe(words.toLowerCase());
      expect(label.length, lng).toBeGreaterThan(callWords[1]!.length);
      const question: OutMessage = { kind: 'question', id: 'teachBack', text: t('outcome:teachBack.question'), choices: [{ value: 'callNow', label }] };
      const [a] = render(question, capabilitiesFor('webchat'), 'ltr', phones);
      expect(a!.suggestedActions?.actions).toEqual([{ type: 'imBack', title: label, value: label }]);
      const [teams] = render(question, capabilitiesFor('msteams'), 'ltr', phones);
      expect(JSON.stringify(teams!.attachments)).not.toContain('OpenUrl');
      expect(cardActions(teams!.attachments?.[0]?.content)).toEqual([{ title: label, data: { msteams: { type: 'imBack', value: label } } }]);
    }
  });
});
