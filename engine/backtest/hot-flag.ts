/**
 * A boolean read from an object's field, as a hot loop should test it. Tested as it is, every
 * `if` on it runs V8's full truthiness check (false, "", undetectable, number, bigint, …);
 * `=== true` hands the compiler a boolean it can prove. On the speed workload that measured
 * 5–7% of a replay (the quiet loops test their switches every day, a fill per role).
 */
export function hotFlag(x: boolean): boolean {
  return x === true;
}
