import type { EnforcementStage, Note, Substatus } from './open311.ts';

// The complaint lifecycle, written once as data: which states count as open, who may move a
// complaint from which state to which, the Art. 72 deadline, the outcomes and the missing-plate
// enforcement stages. The server applies these rules; the app's chips and timeline and the clerk
// desk ask the same tables by meaning ("is it open?", "may X move it?") and never list states.
// Words are not here: every label is a locale key (`lifecycle` namespace, locales/*/lifecycle.json).

/** Who can act on a complaint. A chamber inspector handles what a county's chamber is routed. */
export const ACTORS = ['reporter', 'union', 'chamber', 'system'] as const;
export type Actor = (typeof ACTORS)[number];

/** The bodies that answer a reporter: the shop's union, and the county chamber once escalated. */
export const ANSWERING_BODIES = ['union', 'chamber'] as const satisfies readonly Actor[];
export type AnsweringBody = (typeof ANSWERING_BODIES)[number];

/** A note written by a body that answers the reporter (what the reporter counts as news). */
export function isFromAnsweringBody(n: Pick<Note, 'author'>): boolean {
  return (ANSWERING_BODIES as readonly Actor[]).includes(n.author);
}

/** Received, under review or a hearing set: the union still owes an answer. */
export const OPEN_SUBSTATUSES = [
  'received',
  'under_review',
  'hearing_scheduled',
] as const satisfies readonly Substatus[];

export function isOpen(s: Substatus): boolean {
  return (OPEN_SUBSTATUSES as readonly Substatus[]).includes(s);
}

/** Open311's two-valued `status`, derived from the substatus. */
export function statusOf(s: Substatus): 'open' | 'closed' {
  return isOpen(s) ? 'open' : 'closed';
}

/** How a complaint can end: every substatus that is not open. */
export const OUTCOMES = [
  'violation_found',
  'no_violation',
  'withdrawn',
  'not_our_jurisdiction',
  'duplicate',
] as const satisfies readonly Substatus[];
export type Outcome = (typeof OUTCOMES)[number];

export function isOutcome(s: Substatus): s is Outcome {
  return (OUTCOMES as readonly Substatus[]).includes(s);
}

/** The union's (and a chamber inspector's) decisions. Closed states have none: only an objection reopens. */
const DECISIONS: Record<Substatus, readonly Substatus[]> = {
  received: [
    'under_review',
    'hearing_scheduled',
    'violation_found',
    'no_violation',
    'not_our_jurisdiction',
    'duplicate',
  ],
  under_review: ['hearing_scheduled', 'violation_found', 'no_violation', 'not_our_jurisdiction', 'duplicate'],
  hearing_scheduled: ['under_review', 'violation_found', 'no_violation'],
  violation_found: [],
  no_violation: [],
  withdrawn: [],
  not_our_jurisdiction: [],
  duplicate: [],
};

/** An objection (Guild System Law Art. 72) lies against the union's closing decisions, once. */
export const OBJECTIONABLE = [
  'violation_found',
  'no_violation',
  'not_our_jurisdiction',
  'duplicate',
] as const satisfies readonly Substatus[];

export function isObjectionable(s: Substatus): boolean {
  return (OBJECTIONABLE as readonly Substatus[]).includes(s);
}

/** An objection sends a closed complaint back for review, to the body above the union. */
export const REOPENED_AS = 'under_review' satisfies Substatus;

const none = (): Record<Substatus, readonly Substatus[]> => ({
  received: [],
  under_review: [],
  hearing_scheduled: [],
  violation_found: [],
  no_violation: [],
  withdrawn: [],
  not_our_jurisdiction: [],
  duplicate: [],
});

/**
 * Every allowed move, per actor. The reporter withdraws while open and objects (reopening for
 * review) after a closing decision; the system refers a complaint outside the guild system at
 * filing. Anything not listed is refused.
 */
export const MOVES: Record<Actor, Record<Substatus, readonly Substatus[]>> = {
  reporter: {
    ...none(),
    received: ['withdrawn'],
    under_review: ['withdrawn'],
    hearing_scheduled: ['withdrawn'],
    violation_found: [REOPENED_AS],
    no_violation: [REOPENED_AS],
    not_our_jurisdiction: [REOPENED_AS],
    duplicate: [REOPENED_AS],
  },
  union: DECISIONS,
  chamber: DECISIONS,
  system: { ...none(), received: ['not_our_jurisdiction'] },
};

export function mayMove(actor: Actor, from: Substatus, to: Substatus): boolean {
  return MOVES[actor][from].includes(to);
}

/** Guild System Law Art. 72: the union answers within ten days; an objection restarts the clock. */
export const REVIEW_DAYS = 10;

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString();
}

/** The answer is due by this moment, counted from filing (or from the objection). */
export function reviewDeadline(fromIso: string): string {
  return addDays(fromIso, REVIEW_DAYS);
}

/** Open and past its deadline. */
export function isOverdue(s: Substatus, expectedAt: string, now: Date): boolean {
  return isOpen(s) && Date.parse(expectedAt) < now.getTime();
}

// Missing-plate enforcement: a written warning, then the shop's POS terminals blocked for two
// weeks, then a 30-day seal; any stage is lifted within 72 hours once the plate is posted.

export const ENFORCEMENT_MOVES: Record<EnforcementStage, readonly EnforcementStage[]> = {
  none: ['written_warning'],
  written_warning: ['pos_block', 'lifted'],
  pos_block: ['seal', 'lifted'],
  seal: ['lifted'],
  lifted: [],
};

/** Only the bodies that decide complaints take enforcement steps. */
export const ENFORCERS: readonly Actor[] = ['union', 'chamber'];

export function mayEnforce(actor: Actor, from: EnforcementStage, to: EnforcementStage): boolean {
  return ENFORCERS.includes(actor) && ENFORCEMENT_MOVES[from].includes(to);
}

/** How long a stage lasts, in hours (lifted: the deadline to lift once the plate is up). */
export const STAGE_HOURS: Partial<Record<EnforcementStage, number>> = {
  pos_block: 14 * 24,
  seal: 30 * 24,
  lifted: 72,
};

/** When a stage taken at `at` ends, or undefined for stages with no duration. */
export function stageEnds(stage: EnforcementStage, at: string): string | undefined {
  const hours = STAGE_HOURS[stage];
  return hours ? new Date(Date.parse(at) + hours * 3_600_000).toISOString() : undefined;
}

// ---- Words, by key. Every key below exists in locales/{fa,en}/lifecycle.json.

/** Why a move is refused: a stable code the service answers in and each side words itself. */
export const REFUSALS = [
  'withdrawn-final',
  'withdraw-closed',
  'objection-external',
  'objection-open',
  'objection-twice',
  'move-not-allowed',
  'enforcement-not-plate',
  'enforcement-order',
  'reporter-no-decision',
  'union-no-reporter-action',
  'reporter-text-needed',
  'union-reply-empty',
] as const;
export type RefusalReason = (typeof REFUSALS)[number];

export const substatusKey = (s: Substatus) => `lifecycle:substatus.${s}`;
export const outcomeKey = (o: Outcome) => `lifecycle:outcome.${o}`;
export const stageKey = (s: EnforcementStage) => `lifecycle:stage.${s}`;
export const refusalKey = (r: RefusalReason) => `lifecycle:refusal.${r}`;

/** Notes the system writes: the code says what happened; the words come from the locales. */
export const NOTE_CODES = [
  'notice.union',
  'notice.chamber',
  'notice.external',
  'referred',
  'escalated',
  'status',
  'enforcement',
  /** The union's question to the reporter: its text is the union's, the code says to answer it. */
  'question',
  'overdue',
  'visit',
] as const;
export type NoteCode = (typeof NOTE_CODES)[number];

export type NoteMessage = { key: string; params: Record<string, string | number> };

/**
 * What a timeline shows for a note besides its type and author: the system's words for it, or
 * null when the note carries only what a person wrote. Notes stored before codes existed (their
 * text a Persian sentence) are read by their type and state, so they too show in the reader's
 * language; only an old filing notice keeps its stored text.
 */
export function noteMessage(n: Note): NoteMessage | null {
  const params = n.params ?? {};
  switch (n.code ?? legacyCode(n)) {
    case 'notice.union':
    case 'notice.chamber':
    case 'notice.external':
      return { key: `lifecycle:note.${n.code}`, params };
    case 'referred':
      return { key: 'lifecycle:note.referred', params };
    case 'escalated':
      return { key: 'lifecycle:note.escalated', params: { days: REVIEW_DAYS, ...params } };
    case 'overdue':
      return { key: 'lifecycle:note.overdue', params: { days: REVIEW_DAYS, ...params } };
    case 'visit':
      return { key: `lifecycle:note.visit.${params.outcome}`, params: {} };
    case 'status':
      return n.substatus ? { key: substatusKey(n.substatus), params } : null;
    case 'enforcement': {
      if (!n.enforcement_stage) return null;
      const until = params.until ?? stageEnds(n.enforcement_stage, n.datetime);
      return until
        ? { key: 'lifecycle:note.enforcementUntil', params: { stage: n.enforcement_stage, until } }
        : { key: stageKey(n.enforcement_stage), params: {} };
    }
    default:
      return null;
  }
}

function legacyCode(n: Note): NoteCode | undefined {
  if (n.type === 'escalated') return 'escalated';
  if (n.type === 'enforcement') return 'enforcement';
  if (n.type === 'status_change') return n.author === 'system' ? 'referred' : 'status';
  return undefined;
}
