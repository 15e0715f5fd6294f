import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModuleKind, transpileModule } from 'typescript';
import { heapPolicyFlag } from './heap-policy';

/**
 * A child process keeps 50 MB live while promoting garbage to the old generation, as concurrent
 * reads of a big case do, and reports the largest its heap grew.
 */
const LOAD = `
const v8 = require('node:v8');
if (process.env.POLICY) require(process.env.POLICY).applyHeapPolicy();
const live = Array.from({ length: 10 }, () => Array.from({ length: 100000 }, (_, i) => ({ i })));
const recent = new Array(3000);
let largest = 0;
for (let n = 0; n < 150000; n++) {
  recent[n % recent.length] = Array.from({ length: 100 }, (_, i) => ({ i, n }));
  if (n % 1000 === 0) largest = Math.max(largest, v8.getHeapStatistics().total_heap_size);
}
process.stdout.write(String(Math.round(largest / 1e6) + live.length * 0));
`;

function largestHeapMb(nodeArgs: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    // One GC thread: with concurrent marking, a starved machine (jest runs suites in parallel)
    // lets the heap overshoot its limit by whatever the marking threads fall behind.
    const child = spawn(process.execPath, ['--single-threaded-gc', ...nodeArgs, '-e', LOAD], {
      env: { PATH: process.env.PATH, ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(Number(out)) : reject(new Error(`child exited ${code}: ${err}`)),
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

  it('keeps the heap well below where V8 alone lets garbage take it', async () => {
    const [alone, withPolicy] = await Promise.all([
      largestHeapMb([]),
      largestHeapMb([], { POLICY: policy }),
    ]);
    // On this machine: 314 MB alone, 214 MB with the policy.
    expect(withPolicy).toBeLessThan(alone * 0.8);
  });

  it('leaves a growth given on the command line as given', async () => {
    const [given, givenAndPolicy] = await Promise.all([
      largestHeapMb(['--heap-growing-percent=40']),
      largestHeapMb(['--heap-growing-percent=40'], { POLICY: policy }),
    ]);
    // The policy's own 150% would let the heap grow well past what 40% does.
    expect(givenAndPolicy).toBeLessThan(given * 1.2);
  });

  it('reads the command line for the flag, in either spelling', () => {
    expect(heapPolicyFlag(['--heap-growing-percent=80'])).toBeUndefined();
    expect(heapPolicyFlag(['--heap-growing-percent', '80'])).toBeUndefined();
    expect(heapPolicyFlag(['--max-old-space-size=512'])).toBe('--heap-growing-percent=150');
  });
});
