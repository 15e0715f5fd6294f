import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModuleKind, transpileModule } from 'typescript';
import { HEAP_GROWING_PERCENT, heapPolicyFlags } from './heap-policy';

/**
 * A child process applies the policy (when POLICY names the module, as on a machine with CORES
 * cores if given) and then collects. V8 traces what each collection did, which says which policy
 * is in force whatever the machine's load; the heap's size itself overshot under npm test's
 * parallel suites.
 */
const APPLY = `
if (process.env.POLICY) {
  require(process.env.POLICY).applyHeapPolicy(undefined, process.env.CORES ? Number(process.env.CORES) : undefined);
}`;

/** Two full collections: V8 traces the factor it grew the heap by after each (`--trace-gc-verbose`). */
const FULL_COLLECTIONS = `${APPLY}
const keep = Array.from({ length: 200000 }, (_, i) => ({ i }));
gc();
gc();
`;

/** Young objects of which a fifth live on: a score of scavenges, each with work to share. */
const SCAVENGES = `${APPLY}
const keep = [];
for (let i = 0; i < 1e6; i++) {
  keep.push({ i, s: 'x' + i });
  if (keep.length > 200000) keep.splice(0, 100000);
}
`;

function traceOf(nodeArgs: string[], load: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', ...nodeArgs, '-e', load], {
      env: { PATH: process.env.PATH, ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`child exited ${code}: ${err}`)),
    );
  });
}

async function growthFactors(nodeArgs: string[], env: Record<string, string> = {}) {
  const trace = await traceOf(['--trace-gc-verbose', ...nodeArgs], FULL_COLLECTIONS, env);
  return [...trace.matchAll(/\[HeapController\] Limit: .*\(([\d.]+)\)/g)].map((m) => Number(m[1]));
}

/** Per scavenge, the milliseconds helper threads spent on it (`--trace-gc-nvp`). */
async function helperMsPerScavenge(nodeArgs: string[], env: Record<string, string> = {}) {
  const trace = await traceOf(['--trace-gc-nvp', ...nodeArgs], SCAVENGES, env);
  return trace
    .split('\n')
    .filter((line) => / gc=s /.test(line))
    .map((line) => Number(/ background\.scavenge\.parallel=([\d.]+)/.exec(line)![1]));
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
    const growth = (given: string[]) =>
      heapPolicyFlags(given, 8).filter((flag) => flag.startsWith('--heap-growing-percent'));
    expect(growth(['--heap-growing-percent=80'])).toEqual([]);
    expect(growth(['--heap-growing-percent', '80'])).toEqual([]);
    expect(growth(['--heap_growing_percent=80'])).toEqual([]);
    expect(growth(['--max-old-space-size=512'])).toEqual(['--heap-growing-percent=150']);
  });

  it('scavenges on the collecting thread alone on two cores, where helper threads would queue', async () => {
    const [alone, onTwoCores, onEight] = await Promise.all([
      helperMsPerScavenge([]),
      helperMsPerScavenge([], { POLICY: policy, CORES: '2' }),
      helperMsPerScavenge([], { POLICY: policy, CORES: '8' }),
    ]);
    expect(onTwoCores.length).toBeGreaterThanOrEqual(5);
    expect(onTwoCores.every((ms) => ms === 0)).toBe(true);
    // V8 left to itself shares scavenges with helpers (on any machine of two cores or more, as
    // this test's are), and the policy leaves it so on more cores than it was measured on.
    expect(alone.some((ms) => ms > 0)).toBe(true);
    expect(onEight.some((ms) => ms > 0)).toBe(true);
  });

  it('leaves parallel scavenging as the command line gives it, in either spelling', async () => {
    const fromCommandLine = await helperMsPerScavenge(['--parallel-scavenge'], {
      POLICY: policy,
      CORES: '2',
    });
    expect(fromCommandLine.some((ms) => ms > 0)).toBe(true);
    expect(heapPolicyFlags(['--parallel_scavenge'], 2)).toEqual(['--heap-growing-percent=150']);
    expect(heapPolicyFlags(['--no-parallel-scavenge'], 2)).toEqual(['--heap-growing-percent=150']);
    expect(heapPolicyFlags([], 2)).toEqual([
      '--heap-growing-percent=150',
      '--no-parallel-scavenge',
    ]);
    expect(heapPolicyFlags([], 3)).toEqual(['--heap-growing-percent=150']);
  });
});
