import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** Tests that run the apps as separate processes use the build that `npm test` makes first. */
export function builtEntry(app: 'api' | 'cli'): string {
  const entry = join(root, 'dist', 'apps', app, 'src', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` (npm test does it first)`);
  return entry;
}
