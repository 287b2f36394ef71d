import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Harness, startServer } from './harness.ts';

// The service with its HTTPS option (TLS_CERT_FILE / TLS_KEY_FILE in `npm start`), on a
// certificate made here for 127.0.0.1 by openssl. `ca` is that certificate, for clients to trust.

export type TlsServer = { h: Harness; ca: string; stop(): Promise<void> };

export async function startTlsServer(): Promise<TlsServer> {
  const certDir = mkdtempSync(join(tmpdir(), 'kbf-tls-'));
  const [key, cert] = [join(certDir, 'key.pem'), join(certDir, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
      ...['-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'],
      ...['-addext', 'subjectAltName=IP:127.0.0.1'],
    ],
    { stdio: 'ignore' },
  );
  const h = await startServer({ tls: { cert: readFileSync(cert), key: readFileSync(key) } });
  return {
    h,
    ca: readFileSync(cert, 'utf8'),
    stop: async () => {
      await h.stop();
      rmSync(certDir, { recursive: true, force: true });
    },
  };
}
