/**
 * Every patient here has had a negative scan, and many say so in the same breath as a sign:
 * "I have chest pain and the scan was negative". The scan result is about the leg, not the sign,
 * so it must never deny the sign before it (S1, S2). Only a denial that names the sign itself
 * ("phlebitis was ruled out") still negates it.
 */
import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/language/lexicons';
import { recognize } from '../../src/triage/recognizer';

const level = (lng: string, text: string): string => recognize(text, loadLexicon(lng)).level ?? 'none';

describe('H32: a scan result after a sign does not deny the sign', () => {
  it.each([
    ['en', 'i have chest pain and the scan was negative'],
    ['en', "I'm coughing up blood and the ultrasound came back clear"],
    ['en', 'my heart is racing and the scan was fine'],
    ['es', 'me duele el pecho y la eco salió negativa'],
    ['es', 'me falta el aire y la ecografía fue normal'],
    ['fr', "j'ai mal à la poitrine et l'échographie était normale"],
    ['fr', "je crache du sang et l'écho est revenue négative"],
    ['fr', "j'ai une douleur dans la poitrine et le doppler est négatif"],
    ['de', 'ich habe Brustschmerzen und der Ultraschall war unauffällig'],
    ['de', 'ich huste Blut und der Ultraschall war negativ'],
    ['pl', 'kaszlę krwią i USG wyszło w porządku'],
    ['pl', 'brakuje mi tchu i usg wyszło dobrze'],
    ['pt', 'estou com dor no peito e o ultrassom deu normal'],
    ['pt', 'estou com falta de ar e o exame veio negativo'],
    ['pt', 'tossi sangue e o doppler deu tudo bem'],
    ['ro', 'am dureri în piept și ecografia a ieșit bine'],
    ['ro', 'nu pot să respir și ecografia e în regulă'],
    ['ro', 'tușesc cu sânge și ecografia a fost normală'],
    ['ar', 'عندي ألم في صدري والسونار طلع سليم'],
    ['ar', 'ما اقدر اتنفس والنتيجة كانت سلبية'],
    ['ar', 'عندي ألم في صدري والأشعة كانت طبيعية'],
    ['ur', 'میرے سینے میں درد ہے اور الٹراساؤنڈ ٹھیک آیا'],
    ['ur', 'seene mein dard hai aur scan clear aya'],
    ['ur', 'سانس نہیں آ رہی اور رپورٹ نارمل آئی'],
    ['zh-Hans', '我胸口很痛 B超查过正常'],
    ['zh-Hans', '我胸口痛，B超查了没事'],
  ])('S1 S2: %s "%s" is an emergency', (lng, text) => {
    expect(level(lng, text)).toBe('emergency');
  });
});

describe('a sign that was ruled out is still denied', () => {
  it.each([
    ['en', 'phlebitis was ruled out', 'I think I have phlebitis'],
    ['es', 'la flebitis está descartada', 'creo que tengo flebitis'],
    ['fr', 'la phlébite a été écartée', "je crois que j'ai une phlébite"],
    ['de', 'die Venenentzündung wurde ausgeschlossen', 'ich habe eine Venenentzündung'],
    ['pl', 'zapalenie żyły zostało wykluczone', 'chyba mam zapalenie żyły'],
    ['pt', 'a flebite foi descartada', 'acho que tenho flebite'],
    ['ro', 'flebita a fost exclusă', 'cred că am flebită'],
    ['ar', 'التهاب الوريد تم استبعاده', 'عندي التهاب الوريد'],
    ['zh-Hans', '丹毒已经被排除', '我好像得了丹毒'],
  ])('%s "%s" affirms nothing, while "%s" does', (lng, ruledOut, reported) => {
    const r = recognize(ruledOut, loadLexicon(lng));
    expect(r.findings.length, ruledOut).toBeGreaterThan(0);
    expect(r.findings.filter((f) => f.polarity === 'affirmed'), ruledOut).toEqual([]);
    expect(level(lng, reported), reported).not.toBe('none');
  });
});
