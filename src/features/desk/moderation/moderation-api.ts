import {
  MODERATION_API,
  type ModerationDecision,
  type ModerationItem,
  ModerationItemSchema,
  type ModerationList,
  ModerationListSchema,
  type WordsState,
} from '../../../api/index.ts';
import { deskClient } from '../session.ts';

// The moderation page's calls, one per intent, through the desk's one client (CSRF header,
// sign-in when the session is gone); answers are checked against the wire schemas, and a refusal
// arrives as an Error whose message is the service's sentence in the UI's language.

async function checked<T>(
  r: Promise<{ status: string; data?: unknown; errors?: { description: string }[] }>,
  parse: (v: unknown) => T,
): Promise<T> {
  const answer = await r;
  if (answer.status === 'ok') return parse(answer.data);
  throw new Error(answer.errors?.[0]?.description ?? answer.status);
}

export const loadWords = (state: WordsState): Promise<ModerationList> =>
  checked(deskClient().get<unknown>(`${MODERATION_API.queue}?state=${state}`), (v) =>
    ModerationListSchema.parse(v),
  );

export const decideWords = (id: string, decision: ModerationDecision): Promise<ModerationItem> =>
  checked(deskClient().send<unknown>('POST', MODERATION_API.decide(id), decision), (v) =>
    ModerationItemSchema.parse(v),
  );
