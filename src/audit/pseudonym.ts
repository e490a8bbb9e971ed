import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Keyed HMAC-SHA256 of an id, truncated: the same id always gives the same pseudonym under one key. */
export function pseudonym(key: Buffer, id: string): string {
  return createHmac('sha256', key).update(id, 'utf8').digest('base64url').slice(0, 22);
}

/**
 * The audit key: from configuration when given, otherwise generated once and kept in
 * DATA_DIR (mode 0600) so pseudonyms stay stable across restarts of one deployment.
 */
export function loadAuditKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured) return Buffer.from(configured, 'utf8');
  const file = path.join(dataDir, 'audit.key');
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const key = randomBytes(32);
    fs.writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
    return key;
  }
}
