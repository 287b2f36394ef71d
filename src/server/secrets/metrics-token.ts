import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readSecretFile, secretsDir, writeSecretFile } from './secret-files.ts';

// The operator's token for /metrics: METRICS_TOKEN when given (every instance the same, from the
// orchestrator's secrets), otherwise drawn at random on first start into
// DATA_DIR/secrets/metrics.token (0600) for the operator to give the Prometheus scrape job.

const MIN_CHARS = 32;

export function loadMetricsToken(dataDir: string, env: NodeJS.ProcessEnv = {}): string {
  const given = env.METRICS_TOKEN?.trim();
  if (given) {
    if (given.length < MIN_CHARS)
      throw new Error(`METRICS_TOKEN must be at least ${MIN_CHARS} characters of random text`);
    return given;
  }
  const file = join(secretsDir(dataDir), 'metrics.token');
  const kept = readSecretFile(file)?.trim();
  if (kept && kept.length >= MIN_CHARS) return kept;
  const fresh = randomBytes(32).toString('base64url');
  writeSecretFile(file, `${fresh}\n`);
  return fresh;
}
