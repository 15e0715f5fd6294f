import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what was live at its last full collection, in percent.
 *
 * V8's own factor is up to 4× while the program allocates fast. Under eight concurrent reads of
 * a 1,000-event case the request thread's heap reached 236 MB (210 MB of it garbage awaiting a
 * full collection), and the process 315–331 MB. A lower growth collects sooner, and the
 * collections land in the heaviest requests: the p99 of that case's as-of replay, one request at
 * a time, was 6 ms with V8's factor, 7 ms at 150%, 8–9 at 100% and 11–12 at 50%, and the peak
 * 255, 233 and 215 MB (`node /tmp/ac1.cjs` and `/tmp/rss8.cjs`, outside the repo). 150% keeps
 * both targets (10 ms, 300 MB) with room.
 */
export const HEAP_GROWING_PERCENT = 150;

/**
 * Up to this many cores, young-generation collections (scavenges) run on the collecting thread
 * alone. V8 otherwise splits each scavenge into tasks for helper threads, which pays where cores
 * are idle; the service keeps four threads busy under load (requests, projections, commits,
 * checkpoints), so on two cores the helpers mostly queue for a core beside them. Measured on two
 * cores under POST saturation (`node /tmp/cpucmd.cjs 12`, outside the repo): the helper threads'
 * CPU went from 112-115 to 64-80 µs a command, the request thread's did not move, and the
 * service's total fell by about 5%. Commands/s rose 6-16% in five alternating pairs and moved
 * within this machine's noise (-18% to +18%) in five more. Untested on more cores: left to V8.
 */
export const SERIAL_SCAVENGE_MAX_CORES = 2;

/**
 * Applies the service's heap policy to the whole process, the worker threads included (V8's
 * flags are per process). Call it before anything allocates much. A flag given on the command
 * line (`node --heap-growing-percent=N`, `--parallel-scavenge`) is left as given; Node refuses
 * both in NODE_OPTIONS.
 */
export function applyHeapPolicy(
  execArgv: readonly string[] = process.execArgv,
  cores: number = availableParallelism(),
): void {
  for (const flag of heapPolicyFlags(execArgv, cores)) setFlagsFromString(flag);
}

/** The V8 flags the policy sets, leaving out any the command line gives a value of its own. */
export function heapPolicyFlags(execArgv: readonly string[], cores: number): string[] {
  const names = new Set(execArgv.map(flagName));
  const flags: string[] = [];
  if (!names.has('heap-growing-percent'))
    flags.push(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  if (cores <= SERIAL_SCAVENGE_MAX_CORES && !names.has('parallel-scavenge')) {
    flags.push('--no-parallel-scavenge');
  }
  return flags;
}

/** `--no-parallel_scavenge=x` → `parallel-scavenge`: V8 takes either spelling, and `no-` turns a flag off. */
function flagName(arg: string): string {
  return arg.replace(/^--?/, '').replace(/=.*$/, '').replace(/_/g, '-').replace(/^no-/, '');
}
