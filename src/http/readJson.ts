import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; error: string };

/**
 * Reads a JSON request body with a hard size limit. The declared length is checked before
 * reading and the actual bytes while reading, so an oversized body costs nothing to reject.
 */
export async function readJson(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const type = String(req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') return { ok: false, status: 415, error: 'content type must be application/json' };
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return { ok: false, status: 413, error: 'request body too large' };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return { ok: false, status: 413, error: 'request body too large' };
    chunks.push(chunk);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400, error: 'malformed JSON' };
  }
}
