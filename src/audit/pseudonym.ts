import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { StartupError } from '../startupError';

/** Keyed HMAC-SHA256 of an id, truncated: the same id always gives the same pseudonym under one key. */
export function pseudonym(key: Buffer, id: string): string {
  return createHmac('sha256', key).update(id, 'utf8').digest('base64url').slice(0, 22);
}

/** Shorter keys can be guessed, and an empty one lets anyone compute every pseudonym. */
export const MIN_KEY_BYTES = 16;

export interface AuditKeySource {
  /** AUDIT_KEY: the key itself (text, at least 16 characters). */
  key?: string;
  /** AUDIT_KEY_FILE: a file holding the key as text, kept outside DATA_DIR. */
  file?: string;
  /** DATA_DIR: where a development key is generated when neither is given. */
  dataDir: string;
}

/**
 * The audit key, in order: AUDIT_KEY, the file AUDIT_KEY_FILE names, or (development only; the
 * configuration refuses production without one of the first two) a key generated once into
 * DATA_DIR/audit.key (mode 0600). A key shorter than 16 bytes is refused with a StartupError.
 */
export function loadAuditKey(source: AuditKeySource): Buffer {
  if (source.key) return checked(Buffer.from(source.key, 'utf8'), 'AUDIT_KEY');
  if (source.file) {
    let text: string;
    try {
      text = fs.readFileSync(source.file, 'utf8');
    } catch (error) {
      throw new StartupError(`AUDIT_KEY_FILE ${source.file} cannot be read (${(error as { code?: string }).code ?? 'error'})`);
    }
    return checked(Buffer.from(text.trim(), 'utf8'), `AUDIT_KEY_FILE ${source.file}`);
  }
  const file = path.join(source.dataDir, 'audit.key');
  let stored: string | undefined;
  try {
    stored = fs.readFileSync(file, 'utf8');
  } catch {
    stored = undefined;
  }
  if (stored !== undefined) return checked(Buffer.from(stored.trim(), 'base64'), file);
  const key = randomBytes(32);
  try {
    fs.mkdirSync(source.dataDir, { recursive: true });
    fs.writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    throw new StartupError(`cannot write the audit key ${file} in DATA_DIR (${(error as { code?: string }).code ?? 'error'})`);
  }
  return key;
}

function checked(key: Buffer, where: string): Buffer {
  if (key.length < MIN_KEY_BYTES) throw new StartupError(`${where}: the audit key is shorter than ${MIN_KEY_BYTES} bytes; set a longer one (e.g. openssl rand -base64 32)`);
  return key;
}
