import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createService, type Service, type ServiceOptions } from './service.ts';

// The service on a real socket. Tests call createServer({ dataDir, port: 0 }) and speak HTTP.

/** PEM certificate chain and private key: with them the service speaks HTTPS itself. */
export type TlsOptions = { cert: string | Buffer; key: string | Buffer };
export type ServerOptions = ServiceOptions & { port?: number; host?: string; tls?: TlsOptions };
export type RunningServer = Omit<Service, 'close'> & {
  url: string;
  port: number;
  host: string;
  close(): Promise<void>;
};

export async function createServer(opts: ServerOptions): Promise<RunningServer> {
  const service = await createService(opts);
  const host = opts.host ?? '127.0.0.1';
  // Handlers still running: one whose client has gone still writes to the store, so the store
  // is closed only once there are none.
  let running = 0;
  let idle: (() => void) | undefined;
  const fetch: typeof service.app.fetch = async (...args) => {
    running++;
    try {
      return await service.app.fetch(...args);
    } finally {
      if (--running === 0) idle?.();
    }
  };
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const listen = { fetch, port: opts.port ?? 0, hostname: host };
    const s = opts.tls
      ? serve({ ...listen, createServer: createHttpsServer, serverOptions: { ...opts.tls } }, () =>
          resolve(s),
        )
      : serve(listen, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  const url = `${opts.tls ? 'https' : 'http'}://${shown}:${port}`;
  service.listeningAt(url);
  return {
    ...service,
    url,
    port,
    host,
    close: () =>
      new Promise<void>((resolve) => {
        // Stop taking connections, let requests in flight finish (they still need the store),
        // then close the store. Idle keep-alive sockets are ended now; anything still busy after
        // a few seconds is cut, so a stuck client cannot hold a shutdown for ever.
        const s = server as unknown as { closeIdleConnections(): void; closeAllConnections(): void };
        server.close(async () => {
          clearTimeout(cut);
          if (running > 0) await new Promise<void>((done) => (idle = done));
          await service.close();
          resolve();
        });
        s.closeIdleConnections();
        const cut = setTimeout(() => s.closeAllConnections(), 5000);
      }),
  };
}
