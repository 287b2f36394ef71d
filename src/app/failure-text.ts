import type { Failure } from '../api/client.ts';
import { failureKind, serviceWords } from '../api/failure.ts';
import type { i18n } from '../i18n/setup.ts';

/**
 * One sentence for a failed call, in the app's language. When the service answered with its own
 * words (a refusal, or a 5xx that says what is wrong) they are the best explanation; when there
 * was no usable answer (no network, no answer in time, an answer we could not read) ours are.
 */
export function failureText(t: typeof i18n.t, f: Failure): string {
  return serviceWords(f) ?? t(`failure.${failureKind(f)}`);
}
