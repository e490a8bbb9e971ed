import type { Request, Response } from 'restify';
import { readJson, type BodyResult } from '../http/readJson';

/** Every local Direct Line answer: JSON, never cached (it carries tokens and conversation text). */
export function reply(res: Response, status: number, body: unknown): void {
  res.header('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.send(status, body);
}

/** A body that could not be read. An unread oversized body would stall keep-alive, so close. */
export function bodyError(res: Response, body: { status: number; error: string }): void {
  if (body.status === 413) res.header('Connection', 'close');
  reply(res, body.status, { error: body.error });
}

export type Bearer = { ok: true; token: string } | { ok: false; present: boolean };

/** The token from `Authorization: Bearer <token>`; `present` tells a missing header from a malformed one. */
export function bearer(req: Request): Bearer {
  const header = req.headers.authorization;
  if (typeof header !== 'string' || header.trim() === '') return { ok: false, present: false };
  const match = /^Bearer ([A-Za-z0-9_\-.~+/]{1,512}=*)$/.exec(header.trim());
  return match?.[1] ? { ok: true, token: match[1] } : { ok: false, present: true };
}

/** A body that may be absent (curl without -d): absent is `{}`, present must be JSON. */
export async function readOptionalJson(req: Request, limit: number): Promise<BodyResult> {
  const length = req.headers['content-length'];
  const chunked = req.headers['transfer-encoding'] !== undefined;
  if (!chunked && (length === undefined || length === '0')) return { ok: true, value: {} };
  return readJson(req, limit);
}
