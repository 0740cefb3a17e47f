import { isRole, ROLES, type Role } from '../datasets/catalog.ts';
import { ConfigError, type ErrorCode } from '../datasets/errors.ts';

export const QUADRANTS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

/** Target weights by role; roles not named weigh 0. */
export type RoleWeights = Partial<Record<Role, number>>;

/** Target weights for each quadrant (the playbook's shape). */
export type QuadrantTable = Record<Quadrant, RoleWeights>;

/** One problem found in a configuration: where (a dotted field path) and what. */
export interface ConfigIssue {
  field: string;
  message: string;
  code: ErrorCode;
}

/**
 * Checks a role → weight map: known roles, finite numbers, no negative weight unless
 * `allowShorts`, a sum of 1 (to 1e-9). Returns the problems instead of throwing.
 */
export function checkRoleWeights(weights: unknown, field: string, allowShorts = false): ConfigIssue[] {
  if (typeof weights !== 'object' || weights === null || Array.isArray(weights)) return [{ field, message: 'must be a map of role → weight', code: 'bad-config' }];
  const issues: ConfigIssue[] = [];
  let sum = 0;
  for (const [role, w] of Object.entries(weights as Record<string, unknown>)) {
    if (!isRole(role)) {
      issues.push({ field: `${field}.${role}`, message: `unknown role "${role}" (roles: ${ROLES.join(', ')})`, code: 'unknown-role' });
      continue;
    }
    if (typeof w !== 'number' || !Number.isFinite(w)) {
      issues.push({ field: `${field}.${role}`, message: `weight must be a number, got ${JSON.stringify(w)}`, code: 'bad-weights' });
      continue;
    }
    if (w < 0 && !allowShorts) issues.push({ field: `${field}.${role}`, message: `negative weight ${w} needs shorts (allowShorts: true)`, code: 'bad-weights' });
    sum += w;
  }
  if (issues.length === 0 && Math.abs(sum - 1) > 1e-9) issues.push({ field, message: `weights sum to ${round(sum)}, not 1`, code: 'bad-weights' });
  return issues;
}

/** Checks a whole quadrant table (every quadrant present, each checked by checkRoleWeights). */
export function checkQuadrantTable(table: unknown, field: string, allowShorts = false): ConfigIssue[] {
  if (typeof table !== 'object' || table === null || Array.isArray(table)) return [{ field, message: 'must map Q1..Q4 to role weights', code: 'bad-config' }];
  const issues: ConfigIssue[] = [];
  for (const key of Object.keys(table)) {
    if (!(QUADRANTS as readonly string[]).includes(key)) issues.push({ field: `${field}.${key}`, message: `unknown quadrant "${key}" (Q1, Q2, Q3, Q4)`, code: 'bad-config' });
  }
  for (const q of QUADRANTS) {
    const row = (table as Record<string, unknown>)[q];
    if (row === undefined) issues.push({ field: `${field}.${q}`, message: 'missing: every quadrant needs its weights', code: 'bad-config' });
    else issues.push(...checkRoleWeights(row, `${field}.${q}`, allowShorts));
  }
  return issues;
}

/** The first issue as one ConfigError naming its field (and how many more problems there are). */
export function issuesError(issues: ConfigIssue[], file?: string): ConfigError {
  const [first] = issues;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return new ConfigError(first.code, `${first.field}: ${first.message}${more}`, { field: first.field, file });
}

/** Throws {@link issuesError} when there is any issue. */
export function throwIssues(issues: ConfigIssue[], file?: string): void {
  if (issues.length > 0) throw issuesError(issues, file);
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
