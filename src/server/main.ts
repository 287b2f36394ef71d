import { resolve } from 'node:path';
import { createServer } from './server.ts';

// `npm start`: the built app, the resolver and the API on one origin.

const env = process.env;
const port = env.PORT === undefined ? 8080 : Number(env.PORT);
const host = env.HOST ?? '127.0.0.1';
const burst = Number(env.WRITE_RATE_BURST);
const perSecond = Number(env.WRITE_RATE_PER_SEC);

const server = await createServer({
  port,
  host,
  dataDir: resolve(env.DATA_DIR ?? './data'),
  databaseUrl: env.DATABASE_URL || undefined,
  staticDir: resolve(env.STATIC_DIR ?? 'dist'),
  rateLimit: {
    ...(Number.isFinite(burst) && burst > 0 ? { burst } : {}),
    ...(Number.isFinite(perSecond) && perSecond > 0 ? { perSecond } : {}),
  },
});

const { glns, credentials, locationCount } = server.demo;
console.log(`Kala Be Fi listening on ${server.url}`);
if (server.firstStart) console.log(`Demo registry seeded: ${locationCount} locations.`);
// start:cluster's other workers stay quiet: the first one prints the demo for all.
if (!env.KBF_QUIET) {
  console.log(`Demo plates: ${server.url}/demo/plates`);
  console.log('Demo GLNs:');
  for (const g of glns) console.log(`  ${g.gln}  ${server.url}/414/${g.gln}  (${g.city}: ${g.note})`);
  // The first demo shop is a Tehran supermarket (guild 4711): its union and the Tehran chamber.
  const shown = ['union-4711-tehran', 'union-4771-tehran', 'chamber-tehran'];
  console.log(`Union clerk desk: ${server.url}/union  (demo credentials, Bearer tokens):`);
  for (const cr of credentials.filter((c) => shown.includes(c.agencyId)))
    console.log(`  ${cr.name}: ${cr.token}`);
}

const stop = () => {
  server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
