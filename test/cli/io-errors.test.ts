import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSystemError } from '../../datasets/errors.ts';
import { writeFilesAtomic } from '../../datasets/write-files-atomic.ts';
import { thrown } from '../builders.ts';
import { runCli } from './run-cli.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'quadrant.mjs');
const scratch = () => mkdtempSync(join(tmpdir(), 'quadrant-io-'));

/** One line on stderr, no stack trace. */
function oneLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  return lines[0];
}

describe('output paths are checked before any work, one line naming the option', () => {
  it('regimes --out EXISTING_DIR: exit 2, and no temporary file left behind', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'existing'));
    const r = runCli(['regimes', '--out', join(dir, 'existing'), '--data', join(dir, 'no-data-needed')]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(`quadrant: --out ${join(dir, 'existing')}: is a directory; name a file to write`);
    expect(readdirSync(dir)).toEqual(['existing']);
  });

  it('sweep --format parquet --out EXISTING_DIR: exit 2 before the grid is read', () => {
    const dir = scratch();
    const r = runCli(['sweep', '--grid', join(dir, 'no-such-grid.json'), '--format', 'parquet', '--out', dir]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(`quadrant: --out ${dir}: is a directory; name a file to write`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("regimes --out '' is a usage error, not stdout", () => {
    const r = runCli(['regimes', '--out', '', '--data', scratch()]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe('quadrant: --out: needs a file name, got ""');
  });

  it('report --report-dir FILE: exit 2, naming the file', () => {
    const file = join(scratch(), 'report.html');
    writeFileSync(file, '');
    const r = runCli(['report', '--run', scratch(), '--report-dir', file]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(`quadrant: --report-dir ${file}: is a file; name a directory to write into`);
  });

  it('--out under a file: exit 2, naming the file in the way', () => {
    const file = join(scratch(), 'plain');
    writeFileSync(file, '');
    const r = runCli(['regimes', '--out', join(file, 'x.csv'), '--data', scratch()]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(`quadrant: --out ${join(file, 'x.csv')}: cannot be created: ${file} is a file, not a directory`);
  });

  it('--strategy naming a directory: exit 2 before any data is read', () => {
    const dir = join(scratch(), 'mine.json');
    mkdirSync(dir);
    const r = runCli(['run', '--strategy', dir, '--data', join(scratch(), 'no-data')]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(new RegExp(`^quadrant: --strategy ${dir}: is a directory; name a strategy file`));
  });

  it('run --run-dir into a read-only directory, as an unprivileged user: exit 2, nothing written', () => {
    const parent = scratch();
    chmodSync(parent, 0o755);
    const ro = join(parent, 'read-only');
    mkdirSync(ro, { mode: 0o555 });
    const out = join(ro, 'run');
    const args = [BIN, 'run', '--run-dir', out, '--data', join(parent, 'no-data')];
    let r: { status: number | null; stderr: string };
    if (process.getuid?.() === 0) {
      // root writes anywhere: run the CLI as nobody (setpriv, util-linux) so the permission holds.
      const probe = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']);
      expect(probe.status, 'setpriv is needed to drop root for this test').toBe(0);
      r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...args], {
        encoding: 'utf8',
        env: { ...process.env, TZ: 'UTC', HOME: parent },
      });
    } else {
      r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
    }
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toBe(`quadrant: --run-dir ${out}: cannot write in ${ro}: permission denied (EACCES)`);
    expect(readdirSync(ro)).toEqual([]);
  });
});

describe('terminal injection', () => {
  it('a file name carrying ESC]0;…BEL ESC[2J is printed with ? for each control character', () => {
    const dir = scratch();
    const name = join(dir, '\u001b]0;pwned\u0007\u001b[2J.json');
    writeFileSync(name, '{"weights": {"cash": 2}}');
    const r = runCli(['run', '--strategy', name, '--data', join(dir, 'no-data')]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(`quadrant: ${dir}/?]0;pwned??[2J.json: weights: weights sum to 2, not 1`);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('writeFilesAtomic', () => {
  it('a rename that fails (the target is a directory) removes every temporary file and names the path', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'b.csv'));
    const e = thrown(
      () =>
        writeFilesAtomic(
          [
            { path: join(dir, 'a.csv'), content: 'a' },
            { path: join(dir, 'b.csv'), content: 'b' },
          ],
          'out',
        ),
      FileSystemError,
    );
    expect(e.describe()).toBe(`--out ${join(dir, 'b.csv')}: cannot write: is a directory (EISDIR)`);
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
    expect(existsSync(join(dir, 'b.csv'))).toBe(true);
  });
});

describe('writeFilesAtomic sweeps what killed writers left', () => {
  it('removes PATH.tmp-PID-N of a process that no longer runs, keeps a live one', () => {
    const dir = scratch();
    const dead = 2 ** 23; // above the kernel's pid_max (2^22): no such process
    writeFileSync(join(dir, `out.csv.tmp-${dead}-0`), 'half');
    writeFileSync(join(dir, `out.csv.tmp-${process.ppid}-0`), 'a live writer');
    writeFilesAtomic([{ path: join(dir, 'out.csv'), content: 'whole' }]);
    expect(readdirSync(dir).sort()).toEqual(['out.csv', `out.csv.tmp-${process.ppid}-0`]);
  });
});

describe('describeFailure: any error is one printable line', () => {
  it('an internal error names itself without its stack; a system error names its path', async () => {
    const { describeFailure } = await import('../../cli/main.ts');
    const prev = process.env.QUADRANT_DEBUG;
    delete process.env.QUADRANT_DEBUG;
    try {
      expect(describeFailure(new RangeError('Maximum call stack size exceeded'))).toBe(
        'internal error: RangeError: Maximum call stack size exceeded (QUADRANT_DEBUG=1 prints the stack trace; please report it)',
      );
      const errno = Object.assign(new Error("EACCES: permission denied, open '/x/\u001b[2Jy'"), { code: 'EACCES', path: '/x/\u001b[2Jy' });
      expect(describeFailure(errno)).toBe('/x/?[2Jy: permission denied (EACCES)');
    } finally {
      if (prev !== undefined) process.env.QUADRANT_DEBUG = prev;
    }
  });
});
