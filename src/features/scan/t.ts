import { i18n } from '../../i18n/setup.ts';

/** The scan namespace's strings (locales/{fa,en}/scan.json). */
export function t(key: string, options?: Record<string, unknown>): string {
  return i18n.t(`scan:${key}`, options ?? {}) as string;
}
