import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The repository's root, from this file's folder (libs/event-store/src, or its build). */
const ROOT = join(__dirname, '..', '..', '..');

/**
 * The script of a worker thread whose module is `file` in the folder `dir` (a module's
 * `__dirname`). The service runs built, with the script alongside; tests that run from the
 * TypeScript sources use the build `npm test` makes first.
 */
export function workerScript(dir: string, file: string): string {
  const alongside = join(dir, file);
  if (existsSync(alongside)) return alongside;
  const built = join(ROOT, 'dist', relative(ROOT, dir), file);
  if (existsSync(built)) return built;
  throw new Error(`The worker ${file} is not built (${built} is missing): run \`npm run build\``);
}
