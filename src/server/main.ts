import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createServer, type TlsOptions } from './server.ts';

// `npm start`: the built app, the resolver and the API on one origin.

const env = process.env;
const port = env.PORT === undefined ? 8080 : Number(env.PORT);
const host = env.HOST ?? '127.0.0.1';
const burst = Number(env.WRITE_RATE_BURST);
const perSecond = Number(env.WRITE_RATE_PER_SEC);

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
  dataDir: resolve(env.DATA_DIR ?? './data'),
  staticDir: resolve(env.STATIC_DIR ?? 'dist'),
  rateLimit: {
    ...(Number.isFinite(burst) && burst > 0 ? { burst } : {}),
    ...(Number.isFinite(perSecond) && perSecond > 0 ? { perSecond } : {}),
  },
});

const { glns, credentials, locationCount } = server.demo;
console.log(`Kala Be Fi listening on ${server.url}`);
if (server.firstStart) console.log(`Demo registry seeded: ${locationCount} locations.`);
console.log(`Demo plates: ${server.url}/demo/plates`);
console.log('Demo GLNs:');
for (const g of glns) console.log(`  ${g.gln}  ${server.url}/414/${g.gln}  (${g.city}: ${g.note})`);
console.log(
  `Demo products (${server.demo.productCount} in the registry; barcodes at ${server.url}/demo/products):`,
);
for (const p of server.demo.products)
  console.log(`  ${p.gtin}  ${server.url}/01/${p.gtin}  (${p.barcode}: ${p.name})`);
// The first demo shop is a Tehran supermarket (guild 4711): its union and the Tehran chamber.
const shown = ['union-4711-tehran', 'union-4771-tehran', 'chamber-tehran'];
console.log(`Union clerk desk: ${server.url}/union  (demo credentials, Bearer tokens):`);
for (const cr of credentials.filter((c) => shown.includes(c.agencyId)))
  console.log(`  ${cr.name}: ${cr.token}`);

const stop = () => {
  server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
