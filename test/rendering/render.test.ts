import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { capabilitiesFor, countSms, render, type OutMessage } from '../../src/rendering';
import type { Disposition } from '../../src/triage';
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
