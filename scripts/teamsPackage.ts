import fs from 'node:fs';
import path from 'node:path';
import { ZipFile } from 'yazl';
import { colorIcon, outlineIcon } from './teamsIcons';

/**
 * `npm run teams:package`: the Teams app package (manifest.json plus the two icons at the root of a
 * zip) that an admin uploads in the Teams admin center or a developer sideloads. The manifest in
 * appPackage/ is a template: `{{MicrosoftAppId}}` becomes the Azure Bot's app id, read from the
 * environment like the bot itself reads it, so one template serves every deployment.
 */
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
/** A fixed timestamp, so the same inputs always give a byte-identical zip. */
const MTIME = new Date(Date.UTC(2020, 0, 1));

export class PackageError extends Error {}

/** The project root (holding appPackage/), from sources (tests) or from dist/scripts (npm run). */
export function findRoot(start: string = __dirname): string {
  let dir = start;
  for (let i = 0; i < 5; i += 1) {
    if (fs.existsSync(path.join(dir, 'appPackage', 'manifest.json'))) return dir;
    dir = path.dirname(dir);
  }
  throw new PackageError('appPackage/manifest.json not found');
}

/** The template with the app id filled in; refuses anything that is not a GUID. */
export function fillManifest(template: string, appId: string | undefined): string {
  if (!appId) throw new PackageError('MicrosoftAppId is not set: set it to the Azure Bot\'s Microsoft App ID (a GUID) and run again');
  if (!GUID.test(appId)) throw new PackageError('MicrosoftAppId must be a GUID such as 00000000-0000-0000-0000-000000000000');
  return template.replaceAll('{{MicrosoftAppId}}', appId.toLowerCase());
}

/** Values a clinic still has to replace (its name and its website, privacy and terms pages). */
export function placeholders(manifest: string): string[] {
  const found: string[] = [];
  const visit = (value: unknown, at: string): void => {
    if (typeof value === 'string' && /change-me/i.test(value)) found.push(`${at}: ${value}`);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, at ? `${at}.${k}` : k);
  };
  visit(JSON.parse(manifest), '');
  return found;
}

/** Writes the zip and returns where, with the placeholders still to change. */
export async function buildTeamsPackage(appId: string | undefined, root: string = findRoot(), out: string = path.join(root, 'dist', 'afterscan-teams.zip')): Promise<{ out: string; placeholders: string[] }> {
  const manifest = fillManifest(fs.readFileSync(path.join(root, 'appPackage', 'manifest.json'), 'utf8'), appId);
  const icons = JSON.parse(manifest) as { icons: { color: string; outline: string } };
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(manifest, 'utf8'), 'manifest.json', { mtime: MTIME });
  zip.addBuffer(colorIcon(), icons.icons.color, { mtime: MTIME });
  zip.addBuffer(outlineIcon(), icons.icons.outline, { mtime: MTIME });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.pipe(fs.createWriteStream(out)).on('close', () => resolve()).on('error', reject);
    zip.end();
  });
  return { out, placeholders: placeholders(manifest) };
}

if (require.main === module) {
  buildTeamsPackage(process.env.MicrosoftAppId).then(({ out, placeholders: todo }) => {
    process.stdout.write(`Teams app package written to ${out}\n`);
    if (todo.length > 0) process.stdout.write(`Change these placeholders in appPackage/manifest.json before publishing:\n  ${todo.join('\n  ')}\n`);
  }, (error: unknown) => {
    process.stderr.write(`teams:package: ${error instanceof PackageError ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
