import fs from 'node:fs';
import path from 'node:path';
import { findLocalesDir } from './localesDir';
import { foldText } from '../triage/recognizer/tokenize';

export const COMMANDS = ['help', 'menu', 'restart', 'start', 'stop', 'human', 'forget', 'why', 'about', 'language'] as const;
export type Command = (typeof COMMANDS)[number];
export const TOPICS = ['bloodThinners', 'travel', 'exercise', 'recovery', 'dDimer', 'repeatScan', 'otherCauses'] as const;
export type Topic = (typeof TOPICS)[number];

/**
 * Lower case, accents folded, punctuation to spaces, apostrophes dropped ("can't" = "cant"),
 * Arabic/Urdu letter variants folded and Chinese split into characters: the red-flag
 * tokenizer's folding, so commands and labels match however a keyboard typed them.
 */
export function normalizeWords(text: string): string {
  return foldText(text);
}

export interface CommandMatcher {
  /** A command only when the whole message is one of its phrases ("stop", not "stop the pain"). */
  command(text: string): Command | null;
  /** The first topic a phrase of which appears as whole words in the message. */
  topic(text: string): Topic | null;
  /** Teach-back: the reply names an ambulance or the emergency services, and does not negate it. */
  teachBackRight(text: string): boolean;
  /** Teach-back: the reply negates what it names ("I would not call"). */
  teachBackNegated(text: string): boolean;
  /** The menu choices (by value) that this whole message is a synonym for. */
  choices(text: string): readonly string[];
  /** The menu choices one of whose phrases of two words or more appears inside the message. */
  choicesWithin(text: string): readonly string[];
}

interface CommandsFile {
  commands: Record<Command, string[]>;
  topics: Record<Topic, string[]>;
  teachBack: { right: string[]; not: string[] };
  choices: Record<string, string[]>;
}

const padWords = (text: string): string => ` ${normalizeWords(text).replace(/\?/g, ' ')} `;
const containsAny = (padded: string, phrases: readonly string[]): boolean => phrases.some((p) => padded.includes(p));

export function compileCommands(file: CommandsFile): CommandMatcher {
  const exact = new Map<string, Command>();
  for (const cmd of COMMANDS) for (const phrase of file.commands[cmd] ?? []) if (normalizeWords(phrase) !== '') exact.set(normalizeWords(phrase), cmd);
  const pad = (phrases: readonly string[] = []): string[] => phrases.map(padWords);
  const topics = TOPICS.map((topic) => ({ topic, phrases: pad(file.topics[topic]) }));
  const right = pad(file.teachBack.right);
  const negations = pad(file.teachBack.not);
  const choiceWords = new Map<string, string[]>();
  for (const [value, phrases] of Object.entries(file.choices)) {
    for (const phrase of phrases) {
      const key = normalizeWords(phrase);
      choiceWords.set(key, [...(choiceWords.get(key) ?? []), value]);
    }
  }
  const longPhrases = [...choiceWords].filter(([phrase]) => phrase.includes(' ')).map(([phrase, values]) => ({ padded: ` ${phrase} `, values }));
  return {
    choices: (text) => choiceWords.get(normalizeWords(text)) ?? [],
    choicesWithin: (text) => {
      const padded = padWords(text);
      return [...new Set(longPhrases.filter((p) => padded.includes(p.padded)).flatMap((p) => p.values))];
    },
    command: (text) => exact.get(normalizeWords(text)) ?? null,
    topic: (text) => {
      const padded = padWords(text);
      return topics.find((t) => containsAny(padded, t.phrases))?.topic ?? null;
    },
    teachBackRight: (text) => {
      const padded = padWords(text);
      return containsAny(padded, right) && !containsAny(padded, negations);
    },
    teachBackNegated: (text) => containsAny(padWords(text), negations),
  };
}

const cache = new Map<string, CommandMatcher>();

/** The command and topic words of one language (locales/<lng>/commands.json), compiled once. */
export function loadCommands(lng: string, localesDir: string = findLocalesDir()): CommandMatcher {
  const key = `${localesDir}:${lng}`;
  let matcher = cache.get(key);
  if (!matcher) {
    matcher = compileCommands(JSON.parse(fs.readFileSync(path.join(localesDir, lng, 'commands.json'), 'utf8')) as CommandsFile);
    cache.set(key, matcher);
  }
  return matcher;
}
