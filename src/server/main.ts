import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_CHAMBERS, DEMO_UNIONS } from './demo/demo-desks.ts';
import { processLog } from './log.ts';
import { createServer, type TlsOptions } from './server.ts';

// `npm start`: the built app, the resolver and the API on one origin. Limits, PUBLIC_URL,
// TRUST_PROXY, SERVER_KEY, DATABASE_URL, DATABASE_REPLICA_URL, LOG_FORMAT and METRICS_TOKEN come
// from the environment (README).

const env = process.env;
// JSON lines with LOG_FORMAT=json (npm run serve and start:cluster pass --log=json), else text.
const log = processLog();
const port = env.PORT === undefined ? 8080 : Number(env.PORT);
const host = env.HOST ?? '127.0.0.1';
const dataDir = resolve(env.DATA_DIR ?? './data');

// HTTPS without a reverse proxy: both files or neither (see README, "Serving over HTTPS").
if (Boolean(env.TLS_CERT_FILE) !== Boolean(env.TLS_KEY_FILE)) {
  log.error('Set both TLS_CERT_FILE and TLS_KEY_FILE, or neither.');
  process.exit(1);
}
const tls: TlsOptions | undefined = env.TLS_CERT_FILE
  ? { cert: readFileSync(env.TLS_CERT_FILE), key: readFileSync(env.TLS_KEY_FILE!) }
  : undefined;

const server = await createServer({
  port,
  host,
  tls,
  dataDir,
  databaseUrl: env.DATABASE_URL || undefined,
  staticDir: resolve(env.STATIC_DIR ?? 'dist'),
  env,
});

const { glns, credentials, locationCount } = server.demo;
const origin = server.deps.publicOrigin();
log.info(`Kala Be Fi listening on ${server.url}`, { url: server.url, pid: process.pid });
if (origin !== server.url) log.info(`Public URL: ${origin}`, { public_url: origin });
if (server.firstStart)
  log.info(`Demo registry seeded: ${locationCount} locations.`, { locations: locationCount });
// start:cluster's other workers stay quiet: the first one prints the demo for all.
if (!env.KBF_QUIET) {
  log.info(`Demo plates: ${origin}/demo/plates`);
  for (const g of glns) log.info(`Demo GLN ${g.gln}  ${origin}/414/${g.gln}  (${g.city}: ${g.note})`);
  if (server.firstStart) {
    // Printed once, at the first start that drew them; they stay in DATA_DIR/secrets only. People
    // sign in at the desk with their own accounts (below); these keys are for a union's or a
    // chamber's own system calling the Open311 API.
    const shown: string[] = [...DEMO_UNIONS, ...DEMO_CHAMBERS];
    for (const cr of credentials.filter((c) => shown.includes(c.agencyId)))
      log.info(
        `Demo API key, for the body's own system (Open311 Bearer, shown once), ${cr.name}: ${cr.token}`,
      );
  }
  if (server.firstStart) {
    log.info(`Desk: ${origin}/desk (demo people, passwords shown once):`);
    for (const u of server.demo.deskUsers)
      log.info(`  ${u.username.padEnd(22)} ${u.password}  (${u.role}${u.agencyId ? `, ${u.agencyId}` : ''})`);
  }
  log.info(`Demo desk people: ${resolve(dataDir, 'secrets/desk-users.json')}`);
  log.info(
    `Every union's and chamber's demo API key: ${resolve(dataDir, 'secrets/union-tokens.json')} (rotate: npm run secrets -- rotate <agency-id>)`,
  );
  log.info(
    `Metrics for Prometheus: ${origin}/metrics with the token in ${resolve(dataDir, 'secrets/metrics.token')} (or METRICS_TOKEN)`,
  );
  log.info(
    `Demo products (${server.demo.productCount} in the registry; barcodes at ${origin}/demo/products):`,
  );
  for (const p of server.demo.products)
    log.info(`Demo GTIN ${p.gtin}  ${origin}/01/${p.gtin}  (${p.barcode}: ${p.name})`);
}

const stop = () => {
  server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
