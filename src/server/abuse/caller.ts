import type { Context } from 'hono';
import { sha256 } from '../complaints/auth.ts';
import type { ServiceDeps } from '../deps.ts';
import { fail, MESSAGES } from '../http/errors.ts';
import { clientAddress } from './client-address.ts';
import { installOf } from './install-token.ts';
import { addressKey } from './limits.ts';

/** A write's author as quotas know it: the install (hashed, as stored) and the address (hashed). */
export type Writer = { installHash: string; addressKey: string };

/** The caller's install, proven by its token, or a 401 `install-required` to answer with. */
export function requireInstall(c: Context, deps: ServiceDeps): Writer | Response {
  const install = installOf(c, deps.installs);
  if (!install) return fail(c, 401, 'install-required', MESSAGES.installRequired);
  return {
    installHash: sha256(install),
    addressKey: addressKey(clientAddress(c, deps.limits.trustProxy)),
  };
}
