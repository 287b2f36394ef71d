import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { INSTALL_TOKEN_HEADER } from '../../api/install-token.ts';

// An install token: a random install id and the service's HMAC of it. The app asks for one once
// (POST /api/v1/installs) and sends it on every write as `X-Install-Token`. Limits, quotas and
// "me too" count installs by the id inside a token the service signed, never by an id the client
// merely states, so nobody can speak for a thousand phones without asking for a thousand tokens
// (and asking is itself limited per address). It names no one and carries no expiry: rotating the
// server key (npm run secrets -- rotate-server-key) retires every token at once.

export const INSTALL_HEADER = INSTALL_TOKEN_HEADER.toLowerCase();
const ID = /^[A-Za-z0-9_-]{22}$/;

export type InstallTokens = {
  issue(): { installId: string; token: string };
  /** The install id a token proves, or undefined for a forged, malformed or retired one. */
  verify(token: string | undefined): string | undefined;
};

export function createInstallTokens(key: Buffer): InstallTokens {
  const sign = (id: string) => createHmac('sha256', key).update(`install:${id}`).digest();
  return {
    issue() {
      const installId = randomBytes(16).toString('base64url');
      return { installId, token: `${installId}.${sign(installId).toString('base64url')}` };
    },
    verify(token) {
      if (!token || token.length > 100) return undefined;
      const [id, sig] = token.split('.');
      if (!id || !sig || !ID.test(id)) return undefined;
      const given = Buffer.from(sig, 'base64url');
      const want = sign(id);
      return given.length === want.length && timingSafeEqual(given, want) ? id : undefined;
    },
  };
}

export function installOf(c: Context, tokens: InstallTokens): string | undefined {
  return tokens.verify(c.req.header(INSTALL_HEADER));
}
