import { describe, expect, it } from 'vitest';
import { MAX_PROBLEMS, ProblemList, ProblemsError, quote } from '../../datasets/problems.ts';

describe('ProblemList', () => {
  it('keeps MAX_PROBLEMS problems and counts the rest in the one-line message', () => {
    const list = new ProblemList();
    for (let i = 0; i < 5_000_000; i++) list.add(`roles[${i}]`, 'unknown-role', 'unknown role');
    expect(list.items).toHaveLength(MAX_PROBLEMS);
    let err: unknown;
    try {
      list.throwIfAny('bad.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ProblemsError);
    const pe = err as ProblemsError;
    expect(pe.total).toBe(5_000_000);
    expect(pe.exitCode).toBe(2);
    // 5,000,000 − 1 shown in the message, counted by hand.
    expect(pe.describe()).toBe('bad.yaml: roles[0]: unknown role (and 4,999,999 more problems)');
  });

  it('returns the value when there is no problem, the problems otherwise', () => {
    const ok = new ProblemList();
    expect(ok.result(() => 42)).toEqual({ ok: true, value: 42 });
    const bad = new ProblemList();
    bad.add('name', 'bad-config', 'must be a string');
    expect(bad.result(() => 42)).toEqual({ ok: false, problems: [{ path: 'name', code: 'bad-config', message: 'must be a string' }] });
  });
});

describe('quote', () => {
  it('clips long values and says how long they were', () => {
    expect(quote('x'.repeat(1000), 5)).toBe('"xxxx… (1,002 characters)');
  });
  it('escapes terminal control characters (ESC, BEL, DEL, C1)', () => {
    expect(quote('a\u001b]0;t\u0007b\u009b')).toBe('"a\\u001b]0;t\\u0007b\\u009b"');
  });
  it('quotes short data as JSON', () => {
    expect(quote([1, 'a'])).toBe('[1,"a"]');
  });
});
