import { join } from 'node:path';

/** The offline snapshot the benchmarks read: QUADRANT_DATA, else ../shared/datasets beside the repository. */
export const SNAPSHOT_DIR = process.env.QUADRANT_DATA ?? join(import.meta.dirname, '..', '..', 'shared', 'datasets');
