import type { PatternItem } from '../../src/triage/recognizer/pattern';

/** One concrete wording of a phrase: a choice per set, the prefix itself, a number in range, no gap words. */
export function realise(seq: PatternItem[], pick: number): string {
  const words: string[] = [];
  for (const item of seq) {
    const one = item.t === 'set' ? (item.items[pick % item.items.length] as PatternItem) : item;
    if (one.t === 'word') words.push(one.word);
    else if (one.t === 'prefix') words.push(one.prefix);
    else if (one.t === 'number') words.push(String(one.min + (pick % (one.max - one.min + 1))));
  }
  return words.join(' ');
}
