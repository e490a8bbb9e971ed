import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { buildTeamsPackage, fillManifest, PackageError, placeholders } from '../../scripts/teamsPackage';

/** The Teams manifest schema, vendored from @microsoft/app-manifest 1.1.2 (json-schemas/teams/v1.30). */
const SCHEMA_FILE = path.resolve(__dirname, '../fixtures/teams/MicrosoftTeams.v1.30.schema.json');
const APP_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

/** The entries of a zip, read from its central directory (enough for what yazl writes). */
function unzip(buf: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = buf.readUInt32LE(end + 16);
  for (let i = buf.readUInt16LE(end + 10); i > 0; i -= 1) {
    const [method, size, nameLen, extraLen, commentLen, local] = [buf.readUInt16LE(p + 10), buf.readUInt32LE(p + 20), buf.readUInt16LE(p + 28), buf.readUInt16LE(p + 30), buf.readUInt16LE(p + 32), buf.readUInt32LE(p + 42)];
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

/**
 * The schema declares draft-04, which Ajv 8 does not ship. It is validated as draft-07 after checking
 * that it uses none of the keywords whose meaning changed (boolean exclusiveMinimum/Maximum, `id`).
 */
function compileSchema() {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  const draft4Only: string[] = [];
  const walk = (node: unknown, at: string): void => {
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if ((k === 'exclusiveMinimum' || k === 'exclusiveMaximum') && typeof v === 'boolean') draft4Only.push(`${at}/${k}`);
      if (k === 'id' && typeof v === 'string') draft4Only.push(`${at}/id`);
      walk(v, `${at}/${k}`);
    }
  };
  walk(schema, '');
  expect(draft4Only).toEqual([]);
  delete schema.$schema;
  // Not strict: the schema itself trips Ajv's strict-mode lint (e.g. a `required` naming an undeclared property).
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return { validate: ajv.compile(schema), version: (schema.properties as { manifestVersion: { const: string } }).manifestVersion.const };
}

describe('Teams app package', () => {
  it('npm run teams:package writes manifest.json and both icons, with the app id filled in, valid against the Teams schema', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'afterscan-teams-')), 'afterscan-teams.zip');
    const built = await buildTeamsPackage(APP_ID, undefined, out);
    const files = unzip(fs.readFileSync(built.out));
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);

    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Record<string, unknown> & { id: string; bots: { botId: string; scopes: string[] }[] };
    const { validate, version } = compileSchema();
    expect(validate(manifest), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(manifest.manifestVersion).toBe(version);
    expect(validate({ ...manifest, accentColor: 'teal' })).toBe(false); // the schema really is applied
    expect(validate({ ...manifest, bots: [{ botId: APP_ID, scopes: ['everywhere'] }] })).toBe(false);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots).toEqual([expect.objectContaining({ botId: APP_ID, scopes: ['personal'] })]);
    expect(JSON.stringify(manifest)).not.toContain('{{');

    const color = PNG.sync.read(files.get('color.png')!);
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(Array.from({ length: color.width * color.height }, (_, i) => color.data[i * 4 + 3]).every((a) => a === 255)).toBe(true);

    const outline = PNG.sync.read(files.get('outline.png')!);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const pixels = Array.from({ length: 32 * 32 }, (_, i) => [...outline.data.subarray(i * 4, i * 4 + 4)]);
    expect(pixels.filter(([r, g, b, a]) => a! > 0 && (r !== 255 || g !== 255 || b !== 255))).toEqual([]); // white on transparent
    expect(pixels.filter(([, , , a]) => a === 0).length).toBeGreaterThan(300); // mostly transparent
    expect(pixels.filter(([, , , a]) => a === 255).length).toBeGreaterThan(50); // but something is drawn
  });

  it('lists the placeholders a clinic must change, and refuses a missing or malformed app id', () => {
    const template = fs.readFileSync(path.resolve(__dirname, '../../appPackage/manifest.json'), 'utf8');
    expect(placeholders(fillManifest(template, APP_ID)).map((p) => p.split(':')[0])).toEqual(['developer.name', 'developer.websiteUrl', 'developer.privacyUrl', 'developer.termsOfUseUrl']);
    expect(() => fillManifest(template, undefined)).toThrow(PackageError);
    expect(() => fillManifest(template, 'my-bot')).toThrow(/GUID/);
  });
});
