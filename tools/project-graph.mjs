// @nx/enforce-module-boundaries reads the project graph that Nx caches in .nx/workspace-data;
// on a fresh clone nothing has computed it yet and the rule skips itself with a mere warning.
// Computing it first (with `nx show projects`) makes ESLint outside `nx lint` enforce the boundaries.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const SKIPPED_RULE_WARNING = 'No cached ProjectGraph';

export function ensureProjectGraph(root) {
  const nx = path.join(root, 'node_modules', '.bin', 'nx');
  const r = spawnSync(nx, ['show', 'projects'], { cwd: root, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } });
  if (r.status !== 0) throw new Error(`nx show projects failed: ${(r.stderr || r.stdout).slice(0, 500)}`);
}
