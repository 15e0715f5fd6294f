import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModuleKind, transpileModule } from 'typescript';
import { HEAP_GROWING_PERCENT, heapPolicyFlag } from './heap-policy';

/**
 * A child process applies the policy (when POLICY names the module) and runs two full
 * collections. V8 traces the factor it grew the heap by after each (`--trace-gc-verbose`:
 * "[HeapController] Limit: … (2.5)"), which says which growth is in force whatever the
 * machine's load; the heap's size itself overshot under npm test's parallel suites.
 */
const LOAD = `
if (process.env.POLICY) require(process.env.POLICY).applyHeapPolicy();
const keep = Array.from({ length: 200000 }, (_, i) => ({ i }));
gc();
gc();
`;

function growthFactors(nodeArgs: string[], env: Record<string, string> = {}): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--trace-gc-verbose', ...nodeArgs, '-e', LOAD],
      { env: { PATH: process.env.PATH, ...env } },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(
            [...out.matchAll(/\[HeapController\] Limit: .*\(([\d.]+)\)/g)].map((m) => Number(m[1])),
          )
        : reject(new Error(`child exited ${code}: ${err}`)),
    );
  });
}

describe('the heap policy (main.ts applies it before the service starts)', () => {
  let dir: string;
  let policy: string;
  beforeAll(() => {
    // The module as the service runs it, built here so the test needs no `npm run build`.
    dir = mkdtempSync(join(tmpdir(), 'heap-policy-'));
    policy = join(dir, 'heap-policy.js');
    const source = readFileSync(join(__dirname, 'heap-policy.ts'), 'utf8');
    writeFileSync(
      policy,
      transpileModule(source, { compilerOptions: { module: ModuleKind.CommonJS } }).outputText,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('grows the heap 2.5 times the live set, where V8 alone allows up to 4', async () => {
    const [alone, withPolicy] = await Promise.all([
      growthFactors([]),
      growthFactors([], { POLICY: policy }),
    ]);
    expect(withPolicy.length).toBeGreaterThanOrEqual(2);
    expect(new Set(withPolicy)).toEqual(new Set([1 + HEAP_GROWING_PERCENT / 100]));
    expect(alone.length).toBeGreaterThanOrEqual(2);
    expect(alone).not.toContain(1 + HEAP_GROWING_PERCENT / 100);
  });

  it('leaves a growth given on the command line as given', async () => {
    const factors = await growthFactors(['--heap-growing-percent=40'], { POLICY: policy });
    expect(factors.length).toBeGreaterThanOrEqual(2);
    expect(new Set(factors)).toEqual(new Set([1.4]));
  });

  it('reads the command line for the flag, in either spelling', () => {
    expect(heapPolicyFlag(['--heap-growing-percent=80'])).toBeUndefined();
    expect(heapPolicyFlag(['--heap-growing-percent', '80'])).toBeUndefined();
    expect(heapPolicyFlag(['--max-old-space-size=512'])).toBe('--heap-growing-percent=150');
  });
});
