import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, FileSystemError } from '../../../datasets/errors.ts';
import { lockRunDir, recoverRunDir, RUN_FILES, writeRunBundle } from '../../../engine/run-bundle/index.ts';
import { thrown } from '../../builders.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'quadrant-rundir-'));
const WRITER = join(import.meta.dirname, 'kill-writer.ts');
/** Steps of one write: locked, six files written, old moved aside, new swapped in, old removed. */
const STEPS = 10;

const filesOf = (gen: string) => RUN_FILES.map((name) => ({ name, content: `${name} of run ${gen}\n`.repeat(2000) }));

/** The generation a directory holds whole (every run file, each of that one run, nothing else), or why not. */
function wholeGeneration(dir: string): string {
  if (!existsSync(dir)) return 'missing';
  const names = readdirSync(dir).sort();
  if (names.join() !== [...RUN_FILES].sort().join()) return `files ${names.join(',')}`;
  const gens = new Set(RUN_FILES.map((name) => /of run (\w+)/.exec(readFileSync(join(dir, name), 'utf8'))?.[1]));
  const text = RUN_FILES.map((name) => readFileSync(join(dir, name), 'utf8'));
  const [gen] = gens;
  if (gens.size !== 1 || text.some((t, i) => t !== filesOf(gen!)[i].content)) return `mixed ${[...gens].join(',')}`;
  return gen!;
}

/** Runs a writer of generation `gen` in a child process that SIGKILLs itself after step `killAt`. */
function runWriter(dir: string, gen: string, killAt: number): { signal: NodeJS.Signals | null; status: number | null } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', WRITER, dir, gen, String(killAt)], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0 && r.signal !== 'SIGKILL') throw new Error(`writer failed: ${r.stderr}`);
  return r;
}

describe('replaceRunDir: all or nothing', () => {
  it('property: writers SIGKILLed at random steps leave the old bundle or the new one, whole', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: STEPS }), { minLength: 1, maxLength: 2 }), (kills) => {
        const dir = join(scratch(), 'run');
        writeRunBundle(dir, filesOf('g0'));
        let committed = 'g0';
        kills.forEach((killAt, i) => {
          const gen = `g${i + 1}`;
          const r = runWriter(dir, gen, killAt);
          // Killed or not, the directory holds one run whole, or (killed between the two
          // renames) nothing, with the whole old run beside it until recovery puts it back.
          const seen = wholeGeneration(dir);
          if (seen === 'missing') {
            expect(r.signal).toBe('SIGKILL');
            const release = lockRunDir(dir);
            recoverRunDir(dir);
            release();
            expect(wholeGeneration(dir)).toBe(committed);
          } else {
            expect([committed, gen]).toContain(seen);
            if (r.signal !== 'SIGKILL') expect(seen).toBe(gen);
          }
          committed = wholeGeneration(dir);
        });
        // The next writer sweeps whatever the killed ones left beside the directory.
        writeRunBundle(dir, filesOf('last'));
        expect(wholeGeneration(dir)).toBe('last');
        expect(readdirSync(join(dir, '..'))).toEqual(['run']);
      }),
      // Each writer is a child process (about a second each); the examples pin the kill between
      // the two renames (step 7), right after the swap (8) and mid-write (3).
      { numRuns: 5, examples: [[[7, 7]], [[8]], [[3, 10]]] },
    );
  }, 240_000);

  it('a stale report.html goes with the bundle it was drawn from', () => {
    const dir = join(scratch(), 'run');
    writeRunBundle(dir, filesOf('a'));
    writeFileSync(join(dir, 'report.html'), '<p>run a</p>');
    writeRunBundle(dir, filesOf('b'));
    expect(existsSync(join(dir, 'report.html'))).toBe(false);
    expect(wholeGeneration(dir)).toBe('b');
  });

  it('refuses a directory holding files a run did not write, before writing anything', () => {
    const dir = join(scratch(), 'mine');
    mkdirSync(dir);
    writeFileSync(join(dir, 'thesis.tex'), 'years of work');
    const e = thrown(() => writeRunBundle(dir, filesOf('a'), { option: 'out' }), ConfigError);
    expect(e.describe()).toBe(
      `--out ${dir}: holds files a run did not write (thesis.tex); a run replaces its directory whole (choose a new or empty directory)`,
    );
    expect(readdirSync(dir)).toEqual(['thesis.tex']);
    expect(readdirSync(join(dir, '..'))).toEqual(['mine']);
  });

  it('a live writer holds the lock; a dead one does not', () => {
    const dir = join(scratch(), 'run');
    // The parent of this test process is alive for the whole test.
    writeFileSync(`${dir}.lock`, String(process.ppid));
    const e = thrown(() => writeRunBundle(dir, filesOf('a'), { option: 'out' }), FileSystemError);
    expect(e.code).toBe('locked');
    expect(e.describe()).toContain(`another quadrant process (pid ${process.ppid}) is writing this run directory`);
    // A pid that cannot be running (above the kernel's pid_max of 2^22).
    writeFileSync(`${dir}.lock`, String(2 ** 23));
    mkdirSync(`${dir}.tmp-${2 ** 23}`);
    writeFileSync(`${dir}.tmp-${2 ** 23}/nav.csv`, 'half');
    writeRunBundle(dir, filesOf('a'));
    expect(wholeGeneration(dir)).toBe('a');
    expect(readdirSync(join(dir, '..'))).toEqual(['run']);
  });
});

describe('replaceRunDir with a relative directory', () => {
  it('--out . replaces the working directory whole from beside it, never inside it', () => {
    const parent = scratch();
    const dir = join(parent, 'run');
    mkdirSync(dir);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      writeRunBundle('.', filesOf('a'));
    } finally {
      process.chdir(cwd);
    }
    expect(wholeGeneration(dir)).toBe('a');
    expect(readdirSync(parent)).toEqual(['run']);
  });
});
