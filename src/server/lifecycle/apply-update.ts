import {
  type Actor,
  type EnforcementStage,
  isOpen,
  mayEnforce,
  mayMove,
  type Note,
  REOPENED_AS,
  REVIEW_DAYS,
  type RefusalReason,
  reviewDeadline,
  type Substatus,
  stageEnds,
} from '../../api/index.ts';

// One update to a complaint, decided without I/O: the state before, who acts and how, the
// clock. Returns the state after and the timeline notes to append, or why it is refused. The
// rules themselves are the tables in src/api/lifecycle.ts; this applies them.

export type CaseState = {
  substatus: Substatus;
  escalated: boolean;
  enforcementStage: EnforcementStage;
  expectedAt: string;
  /** Missing-plate categories carry enforcement stages. */
  enforceable: boolean;
  /** Routed to a body outside the guild system: nothing to object to here. */
  external: boolean;
};

export type UpdateAction =
  | { actor: 'reporter'; kind: 'follow_up' | 'objection' | 'withdraw'; text: string }
  | {
      actor: Extract<Actor, 'union' | 'chamber'>;
      kind: 'reply';
      text: string;
      substatus?: Substatus;
      enforcementStage?: EnforcementStage;
    }
  /** The deciding body asks the reporter for more; they answer with a follow-up. No state moves. */
  | { actor: Extract<Actor, 'union' | 'chamber'>; kind: 'question'; text: string };

/** A refusal as codes: the HTTP layer words it in the caller's language. */
export type Refusal = {
  code: 'invalid-transition' | 'forbidden';
  reason: RefusalReason;
  params?: Record<string, string>;
};
export type UpdateOutcome = { ok: true; state: CaseState; notes: Note[] } | { ok: false; refusal: Refusal };

const refuse = (reason: RefusalReason, params?: Record<string, string>): UpdateOutcome => ({
  ok: false,
  refusal: { code: 'invalid-transition', reason, ...(params ? { params } : {}) },
});

export function applyUpdate(state: CaseState, action: UpdateAction, now: string): UpdateOutcome {
  const note = (n: Omit<Note, 'datetime'>): Note => ({ datetime: now, ...n });
  if (state.substatus === 'withdrawn') return refuse('withdrawn-final');

  if (action.actor === 'reporter') {
    const text = action.text;
    switch (action.kind) {
      case 'follow_up':
        return { ok: true, state, notes: [note({ type: 'follow_up', author: 'reporter', text })] };
      case 'withdraw':
        if (!mayMove('reporter', state.substatus, 'withdrawn')) return refuse('withdraw-closed');
        return {
          ok: true,
          state: { ...state, substatus: 'withdrawn' },
          notes: [note({ type: 'withdraw', author: 'reporter', text, substatus: 'withdrawn' })],
        };
      case 'objection': {
        if (state.external) return refuse('objection-external');
        if (isOpen(state.substatus) || !mayMove('reporter', state.substatus, REOPENED_AS))
          return refuse('objection-open');
        if (state.escalated) return refuse('objection-twice');
        return {
          ok: true,
          state: { ...state, substatus: REOPENED_AS, escalated: true, expectedAt: reviewDeadline(now) },
          notes: [
            note({ type: 'objection', author: 'reporter', text, substatus: REOPENED_AS }),
            note({
              type: 'escalated',
              author: 'system',
              text: '',
              substatus: REOPENED_AS,
              code: 'escalated',
              params: { days: REVIEW_DAYS },
            }),
          ],
        };
      }
    }
  }

  if (action.kind === 'question')
    return {
      ok: true,
      state,
      notes: [note({ type: 'reply', author: action.actor, text: action.text, code: 'question' })],
    };

  // The deciding body: a reply, optionally with a decision and/or an enforcement step.
  const actor = action.actor;
  const next = { ...state };
  const notes: Note[] = [note({ type: 'reply', author: actor, text: action.text })];
  if (action.substatus && action.substatus !== state.substatus) {
    if (!mayMove(actor, state.substatus, action.substatus))
      return refuse('move-not-allowed', { from: state.substatus, to: action.substatus });
    next.substatus = action.substatus;
    notes.push(
      note({
        type: 'status_change',
        author: actor,
        text: '',
        substatus: action.substatus,
        code: 'status',
      }),
    );
  }
  if (action.enforcementStage && action.enforcementStage !== state.enforcementStage) {
    if (!state.enforceable) return refuse('enforcement-not-plate');
    if (!mayEnforce(actor, state.enforcementStage, action.enforcementStage))
      return refuse('enforcement-order', { from: state.enforcementStage, to: action.enforcementStage });
    next.enforcementStage = action.enforcementStage;
    const until = stageEnds(action.enforcementStage, now);
    notes.push(
      note({
        type: 'enforcement',
        author: actor,
        text: '',
        enforcement_stage: action.enforcementStage,
        code: 'enforcement',
        ...(until ? { params: { until } } : {}),
      }),
    );
  }
  return { ok: true, state: next, notes };
}
