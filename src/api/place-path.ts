/**
 * The app's shop page for a GLN and its optional AI 254 extension. Part of the contract: the
 * resolver redirects a plate's Digital Link here, and the app routes it.
 */
export function placePath(gln: string, extension?: string): string {
  return extension ? `/place/${gln}/${encodeURIComponent(extension)}` : `/place/${gln}`;
}
