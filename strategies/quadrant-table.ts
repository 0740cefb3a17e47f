import { isRole, ROLES, type Role } from '../datasets/catalog.ts';
import { ConfigError } from '../datasets/errors.ts';
import { ProblemList, quote, type SafeParse } from '../datasets/problems.ts';

export const QUADRANTS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

/** Target weights by role; roles not named weigh 0. */
export type RoleWeights = Partial<Record<Role, number>>;

/** Target weights for each quadrant (the playbook's shape). */
export type QuadrantTable = Record<Quadrant, RoleWeights>;

function isMap(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Checks a role → weight map into `problems`: known roles (own keys only, so `__proto__` or
 * `toString` is an unknown role), finite numbers, no negative weight unless `allowShorts`, a
 * sum of 1 (to 1e-9).
 */
export function checkRoleWeights(weights: unknown, path: string, problems: ProblemList, allowShorts = false): void {
  if (!isMap(weights)) {
    problems.add(path, 'bad-config', `must be a map of role → weight, got ${quote(weights)}`);
    return;
  }
  const before = problems.total;
  let sum = 0;
  for (const role of Object.keys(weights)) {
    const w = weights[role];
    if (!isRole(role)) {
      problems.add(`${path}.${clipKey(role)}`, 'unknown-role', `unknown role ${quote(role)} (roles: ${ROLES.join(', ')})`);
      continue;
    }
    if (typeof w !== 'number' || !Number.isFinite(w)) {
      problems.add(`${path}.${role}`, 'bad-weights', `weight must be a number, got ${quote(w)}`);
      continue;
    }
    if (w < 0 && !allowShorts) problems.add(`${path}.${role}`, 'bad-weights', `negative weight ${w} needs shorts (allowShorts: true)`);
    sum += w;
  }
  if (problems.total === before && Math.abs(sum - 1) > 1e-9) problems.add(path, 'bad-weights', `weights sum to ${round(sum)}, not 1`);
}

/** Checks a whole quadrant table into `problems` (every quadrant present, each by checkRoleWeights). */
export function checkQuadrantTable(table: unknown, path: string, problems: ProblemList, allowShorts = false): void {
  if (!isMap(table)) {
    problems.add(path, 'bad-config', `must map Q1..Q4 to role weights, got ${quote(table)}`);
    return;
  }
  for (const key of Object.keys(table)) {
    if (!(QUADRANTS as readonly string[]).includes(key))
      problems.add(`${path}.${clipKey(key)}`, 'bad-config', `unknown quadrant ${quote(key)} (Q1, Q2, Q3, Q4)`);
  }
  for (const q of QUADRANTS) {
    const row = Object.hasOwn(table, q) ? table[q] : undefined;
    if (row === undefined) problems.add(`${path}.${q}`, 'bad-config', 'missing: every quadrant needs its weights');
    else checkRoleWeights(row, `${path}.${q}`, problems, allowShorts);
  }
}

/** The table, or every problem found in it. */
export function safeParseQuadrantTable(table: unknown, path = 'table', allowShorts = false): SafeParse<QuadrantTable> {
  const problems = new ProblemList();
  checkQuadrantTable(table, path, problems, allowShorts);
  return problems.result(() => table as QuadrantTable);
}

/** The table. @throws ProblemsError carrying every problem, each naming its field (`table.Q2.us_small`). */
export function parseQuadrantTable(table: unknown, path = 'table', allowShorts = false, file?: string): QuadrantTable {
  const problems = new ProblemList();
  checkQuadrantTable(table, path, problems, allowShorts);
  problems.throwIfAny(file);
  return table as QuadrantTable;
}

/** The weights. @throws ProblemsError carrying every problem (see checkRoleWeights). */
export function parseRoleWeights(weights: unknown, path = 'weights', allowShorts = false): RoleWeights {
  const problems = new ProblemList();
  checkRoleWeights(weights, path, problems, allowShorts);
  problems.throwIfAny();
  return weights as RoleWeights;
}

/** A key as it appears in a problem's path: clipped and without control characters. */
function clipKey(key: string): string {
  const clean = key.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

/** Weights as a row over `roles` (missing roles 0). */
export function weightsRow(weights: RoleWeights, roles: readonly Role[]): Float64Array {
  const row = new Float64Array(roles.length);
  for (const [role, w] of Object.entries(weights) as [Role, number][]) {
    const k = roles.indexOf(role);
    if (k < 0) throw new ConfigError('unknown-role', `role "${role}" is not in the market`, { field: `weights.${role}` });
    row[k] = w;
  }
  return row;
}

/** A table as 5 × R rows (row 0, warm-up, all zero; rows 1..4 = Q1..Q4). */
export function tableRows(table: QuadrantTable, roles: readonly Role[]): Float64Array {
  const out = new Float64Array(5 * roles.length);
  QUADRANTS.forEach((q, i) => out.set(weightsRow(table[q], roles), (i + 1) * roles.length));
  return out;
}

function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
