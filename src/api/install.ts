import { z } from 'zod';

// An app install's token (POST /api/v1/installs), asked for once and sent on every write in the
// `X-Install-Token` header: limits, daily quotas and "me too" count installs by it.

export { INSTALL_TOKEN_HEADER } from './install-token.ts';

export const InstallCreatedSchema = z.object({
  install_id: z.string(),
  install_token: z.string(),
});
export type InstallCreated = z.infer<typeof InstallCreatedSchema>;
