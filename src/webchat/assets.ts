import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';

/** A file served from memory, with its gzip form made once on first request. */
export interface Asset {
  body: Buffer;
  type: string;
  etag: string;
  gzipped?: Promise<Buffer>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Finds the project's public/ folder from sources (tests) or from dist/ (npm start). */
export function findPublicDir(start: string = __dirname): string {
  let dir = start;
  for (let i = 0; i < 6; i += 1) {
    if (fs.existsSync(path.join(dir, 'public', 'index.html'))) return path.join(dir, 'public');
    dir = path.dirname(dir);
  }
  throw new Error('public/ folder not found');
}

/**
 * Web Chat's browser bundle from node_modules (no CDN: the page works offline and the version is
 * the lockfile's). Its package exports hide dist/, so resolve the main entry and walk to the root.
 */
export function webChatBundlePath(): string {
  const main = require.resolve('botframework-webchat');
  let dir = path.dirname(main);
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return path.join(dir, 'dist', 'webchat.js');
}

/** Reads a file once; its ETag is a hash of the content, so a changed file is never served stale. */
export function loadAsset(file: string): Asset {
  const body = fs.readFileSync(file);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
  return { body, type: TYPES[path.extname(file)] ?? 'application/octet-stream', etag };
}

const gzipAsync = promisify(gzip);

/** The gzip body when the client takes it and it is worth it (the 3.8 MB Web Chat bundle). */
export async function bodyFor(asset: Asset, acceptEncoding: string | undefined): Promise<{ body: Buffer; encoding?: 'gzip' }> {
  if (asset.body.length < 16 * 1024 || !/\bgzip\b/.test(acceptEncoding ?? '')) return { body: asset.body };
  asset.gzipped ??= gzipAsync(asset.body);
  return { body: await asset.gzipped, encoding: 'gzip' };
}
