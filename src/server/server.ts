import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createService, type Service, type ServiceOptions } from './service.ts';

// The service on a real socket. Tests call createServer({ dataDir, port: 0 }) and speak HTTP.

export type ServerOptions = ServiceOptions & { port?: number; host?: string };
export type RunningServer = Omit<Service, 'close'> & {
  url: string;
  port: number;
  host: string;
  close(): Promise<void>;
};

export async function createServer(opts: ServerOptions): Promise<RunningServer> {
  const service = await createService(opts);
  const host = opts.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: service.app.fetch, port: opts.port ?? 0, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    ...service,
    url: `http://${shown}:${port}`,
    port,
    host,
    close: () =>
      new Promise<void>((resolve) => {
        // Keep-alive sockets would hold the server open; end them, then the store.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => {
          service.close().then(resolve);
        });
      }),
  };
}
