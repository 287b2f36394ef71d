import type { AnsweringBody, Outcome, Substatus, WordsState } from '../../api/index.ts';

// Public outcomes of complaints against a shop, and the union's moderation of reporters' words,
// on both engines. Only decided, genuine complaints count: triage and spam never do.

export type OutcomeCountRow = { serviceCode: string; outcome: Outcome; count: number };

export type OutcomeItemRow = {
  id: string;
  serviceCode: string;
  outcome: Outcome;
  requestedAt: string;
  /** The description, only when the reporter published it and a clerk approved it. */
  words: string | null;
};

/** A union's reply that anyone may read (its questions to the reporter are not among them). */
export type UnionReplyRow = { requestId: string; by: AnsweringBody; text: string; datetime: string };

/** A reporter's published words as the desk moderates them. */
export type WordsRow = {
  id: string;
  agencyId: string;
  serviceCode: string;
  gln: string;
  placeName: string;
  substatus: Substatus;
  requestedAt: string;
  words: string;
  state: WordsState;
  reason: string | null;
};

export type WordsDecision = {
  state: Exclude<WordsState, 'pending'>;
  reason: string | null;
  at: string;
  staffId: string;
  staffName: string;
};

export interface OutcomeQueries {
  /** Decided complaints filed at `gln` since `since`, per category and outcome. */
  outcomeCounts(gln: string, since: string): OutcomeCountRow[];
  /** The newest of them, at most `limit`. */
  outcomeItems(gln: string, since: string, limit: number): OutcomeItemRow[];
  /** The unions' public replies on these complaints, oldest first. */
  unionReplies(requestIds: string[]): UnionReplyRow[];
  /** A union's published words in one state, oldest first, at most `limit`. */
  wordsQueue(agencyId: string, state: WordsState, limit: number): WordsRow[];
  /** One complaint's published words; undefined when it has none to moderate. */
  words(requestId: string): WordsRow | undefined;
  /** Records (or changes) the clerk's decision. */
  decideWords(requestId: string, decision: WordsDecision): void;
}
