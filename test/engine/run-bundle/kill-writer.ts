/**
 * A run-bundle writer that kills itself with SIGKILL after step `killAt` of writeRunBundle (or
 * finishes when killAt is past the last step): `node --import tsx kill-writer.ts DIR GEN KILLAT`.
 * Every file of generation GEN says so, so a reader can tell which run each file came from.
 */
import { RUN_FILES, writeRunBundle } from '../../../engine/run-bundle/index.ts';

const [dir, gen, killAt] = process.argv.slice(2);
let step = 0;
const files = RUN_FILES.map((name) => ({ name, content: `${name} of run ${gen}\n`.repeat(2000) }));
writeRunBundle(dir, files, {
  hooks: {
    onStep: () => {
      if (step++ === Number(killAt)) process.kill(process.pid, 'SIGKILL');
    },
  },
});
