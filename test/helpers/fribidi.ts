import { execFileSync } from 'node:child_process';

/**
 * The visual order of text as GNU FriBidi lays it out (a real implementation of the Unicode
 * Bidirectional Algorithm, UAX #9): each line of the text is one paragraph; the result is each
 * line left to right as a screen shows it, with the invisible marks removed (--clean).
 * `base`: 'rtl' for a container that says dir="rtl" (the web chat page, a card with rtl: true);
 * 'auto' for a plain text whose direction the phone takes from its first strong letter (SMS).
 * Needs the `fribidi` command (Debian package libfribidi-bin); fails loudly without it.
 */
export function visual(text: string, base: 'rtl' | 'auto'): string[] {
  const lines = text.split('\n');
  const args = ['--nopad', '--nobreak', '--clean', '--charset', 'UTF-8', ...(base === 'rtl' ? ['--rtl'] : [])];
  let out: string;
  try {
    out = execFileSync('fribidi', args, { input: `${lines.join('\n')}\n`, encoding: 'utf8' });
  } catch (error) {
    throw new Error(`the fribidi command is needed for the bidi tests (apt-get install libfribidi-bin): ${(error as Error).message}`);
  }
  return out.replace(/\n$/, '').split('\n');
}

/** Runs of digits in groups (as a phone number is written), in the order they appear on screen, left to right. */
export const digitRuns = (line: string): string[] => line.match(/\d+(?: \d+)*/g) ?? [];

/** The base direction FriBidi gives each line from its first strong letter (UAX #9 P2-P3): what a phone does with an SMS. */
export function baseDirections(text: string): ('L' | 'R')[] {
  const out = execFileSync('fribidi', ['--basedir', '--novisual', '--charset', 'UTF-8'], { input: `${text}\n`, encoding: 'utf8' });
  return out.trim().split('\n').map((line) => (line.endsWith('R') ? 'R' : 'L'));
}
