import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_CHAMBERS, DEMO_UNIONS } from './demo/demo-desks.ts';
import { createServer, type TlsOptions } from './server.ts';

// `npm start`: the built app, the resolver and the API on one origin. Limits, PUBLIC_URL,
// TRUST_PROXY and SERVER_KEY come from the environment (README "Limits").

const env = process.env;
const port = env.PORT === undefined ? 8080 : Number(env.PORT);
const host = env.HOST ?? '127.0.0.1';
const dataDir = resolve(env.DATA_DIR ?? './data');

// HTTPS without a reverse proxy: both files or neither (see README, "Serving over HTTPS").
if (Boolean(env.TLS_CERT_FILE) !== Boolean(env.TLS_KEY_FILE)) {
  console.error('Set both TLS_CERT_FILE and TLS_KEY_FILE, or neither.');
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
console.log(`Kala Be Fi listening on ${server.url}`);
if (origin !== server.url) console.log(`Public URL: ${origin}`);
if (server.firstStart) console.log(`Demo registry seeded: ${locationCount} locations.`);
// start:cluster's other workers stay quiet: the first one prints the demo for all.
if (!env.KBF_QUIET) {
  console.log(`Demo plates: ${origin}/demo/plates`);
  console.log('Demo GLNs:');
  for (const g of glns) console.log(`  ${g.gln}  ${origin}/414/${g.gln}  (${g.city}: ${g.note})`);
  console.log(`Union clerk desk: ${origin}/union`);
  if (server.firstStart) {
    // Printed once, at the first start that drew them; they stay in DATA_DIR/secrets only.
    const shown: string[] = [...DEMO_UNIONS, ...DEMO_CHAMBERS];
    console.log('Demo clerk credentials (Bearer tokens, shown once):');
    for (const cr of credentials.filter((c) => shown.includes(c.agencyId)))
      console.log(`  ${cr.name}: ${cr.token}`);
  }
  if (server.firstStart) {
    console.log(`Desk: ${origin}/desk (demo people, passwords shown once):`);
    for (const u of server.demo.deskUsers)
      console.log(
        `  ${u.username.padEnd(22)} ${u.password}  (${u.role}${u.agencyId ? `, ${u.agencyId}` : ''})`,
      );
  }
  console.log(`Demo desk people: ${resolve(dataDir, 'secrets/desk-users.json')}`);
  console.log(
    `Every desk's token: ${resolve(dataDir, 'secrets/union-tokens.json')} (rotate: npm run secrets -- rotate <agency-id>)`,
  );
  console.log(
    `Demo products (${server.demo.productCount} in the registry; barcodes at ${origin}/demo/products):`,
  );
  for (const p of server.demo.products)
    console.log(`  ${p.gtin}  ${origin}/01/${p.gtin}  (${p.barcode}: ${p.name})`);
}

const stop = () => {
  server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
