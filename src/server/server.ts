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
  const service = createService(opts);
  const host = opts.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const listen = { fetch: service.app.fetch, port: opts.port ?? 0, hostname: host };
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
        // Keep-alive sockets would hold the server open; end them, then the store.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => {
          service.close();
          resolve();
        });
      }),
  };
}
