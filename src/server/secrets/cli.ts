import { resolve } from 'node:path';
import { openStorage } from '../store/open.ts';
import { rotateServerKey } from './server-key.ts';
import { rotateDeskCredential } from './union-tokens.ts';

// `npm run secrets -- rotate <agency-id>`: a new demo API key for one union or chamber, printed
// once. `npm run secrets -- rotate-server-key`: a new install-token key (every app fetches a new
// install token on its next write). Run with the service's DATA_DIR; restart the service after
// rotating the server key.

const [command, arg] = process.argv.slice(2);
const dataDir = resolve(process.env.DATA_DIR ?? './data');

if (command === 'rotate' && arg) {
  // The same database the service uses: DATABASE_URL when set, else the SQLite file in DATA_DIR.
  const { store } = await openStorage({ dataDir, databaseUrl: process.env.DATABASE_URL || undefined });
  try {
    const cred = await rotateDeskCredential(store, dataDir, arg);
    if (!cred) {
      console.error(`No union or chamber desk with the id ${arg}.`);
      process.exitCode = 1;
    } else console.log(`${cred.agencyId} (${cred.name}): ${cred.token}`);
  } finally {
    await store.close();
  }
} else if (command === 'rotate-server-key') {
  rotateServerKey(dataDir);
  console.log('New server key written; restart the service.');
} else {
  console.error('usage: npm run secrets -- rotate <agency-id> | rotate-server-key');
  process.exitCode = 2;
}
