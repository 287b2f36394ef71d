import type { EnforcementStage, Note, Substatus } from '../../api/index.ts';
import { canEnforce, STAGE_HOURS, STAGE_LABEL } from './enforcement.ts';
import { isOpen, OBJECTIONABLE, SUBSTATUS_LABEL, UNION_MOVES } from './transitions.ts';

// One update to a complaint, decided without I/O: the state before, who acts and how, the
// clock. Returns the state after and the timeline notes to append, or why it is refused.

export const REVIEW_DAYS = 10; // Guild System Law Art. 72

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
      actor: 'union';
      kind: 'reply';
      text: string;
      substatus?: Substatus;
      enforcementStage?: EnforcementStage;
    };

export type Refusal = { code: 'invalid-transition' | 'forbidden'; description: string };
export type UpdateOutcome = { ok: true; state: CaseState; notes: Note[] } | { ok: false; refusal: Refusal };

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString();
}

const refuse = (description: string, code: Refusal['code'] = 'invalid-transition'): UpdateOutcome => ({
  ok: false,
  refusal: { code, description },
});

export function applyUpdate(state: CaseState, action: UpdateAction, now: string): UpdateOutcome {
  const note = (n: Omit<Note, 'datetime'>): Note => ({ datetime: now, ...n });
  if (state.substatus === 'withdrawn') return refuse('این شکایت پس گرفته شده و دیگر قابل پیگیری نیست.');

  if (action.actor === 'reporter') {
    const text = action.text;
    switch (action.kind) {
      case 'follow_up':
        return { ok: true, state, notes: [note({ type: 'follow_up', author: 'reporter', text })] };
      case 'withdraw':
        if (!isOpen(state.substatus)) return refuse('شکایت بسته‌شده را نمی‌توان پس گرفت.');
        return {
          ok: true,
          state: { ...state, substatus: 'withdrawn' },
          notes: [note({ type: 'withdraw', author: 'reporter', text, substatus: 'withdrawn' })],
        };
      case 'objection': {
        if (state.external)
          return refuse('این شکایت به نهاد دیگری ارجاع شده است؛ اعتراض را به همان نهاد بدهید.');
        if (!OBJECTIONABLE.includes(state.substatus))
          return refuse('اعتراض فقط پس از اعلام نتیجهٔ رسیدگی ممکن است.');
        if (state.escalated)
          return refuse('به این شکایت یک بار اعتراض شده و در مرجع بالاتر در حال بررسی است.');
        return {
          ok: true,
          state: {
            ...state,
            substatus: 'under_review',
            escalated: true,
            expectedAt: addDays(now, REVIEW_DAYS),
          },
          notes: [
            note({ type: 'objection', author: 'reporter', text, substatus: 'under_review' }),
            note({
              type: 'escalated',
              author: 'system',
              text: `اعتراض ثبت شد؛ پرونده بازگشایی و برای رسیدگی در مرجع بالاتر (هیئت عالی نظارت شهرستان) ارسال شد. مهلت رسیدگی: ${REVIEW_DAYS} روز.`,
              substatus: 'under_review',
            }),
          ],
        };
      }
    }
  }

  // The union: a reply, optionally with a decision and/or an enforcement step.
  const next = { ...state };
  const notes: Note[] = [note({ type: 'reply', author: 'union', text: action.text })];
  if (action.substatus && action.substatus !== state.substatus) {
    if (!UNION_MOVES[state.substatus].includes(action.substatus))
      return refuse(
        `تغییر وضعیت از «${SUBSTATUS_LABEL[state.substatus]}» به «${SUBSTATUS_LABEL[action.substatus]}» مجاز نیست.`,
      );
    next.substatus = action.substatus;
    notes.push(
      note({
        type: 'status_change',
        author: 'union',
        text: SUBSTATUS_LABEL[action.substatus],
        substatus: action.substatus,
      }),
    );
  }
  if (action.enforcementStage && action.enforcementStage !== state.enforcementStage) {
    if (!state.enforceable) return refuse('مراحل اعمال قانون فقط برای شکایت نداشتن پلاک است.');
    if (!canEnforce(state.enforcementStage, action.enforcementStage))
      return refuse(
        `مرحلهٔ «${STAGE_LABEL[action.enforcementStage]}» پس از «${STAGE_LABEL[state.enforcementStage]}» مجاز نیست.`,
      );
    next.enforcementStage = action.enforcementStage;
    const hours = STAGE_HOURS[action.enforcementStage];
    const until = hours ? ` تا ${new Date(Date.parse(now) + hours * 3_600_000).toISOString()}` : '';
    notes.push(
      note({
        type: 'enforcement',
        author: 'union',
        text: `${STAGE_LABEL[action.enforcementStage]}${until}`,
        enforcement_stage: action.enforcementStage,
      }),
    );
  }
  return { ok: true, state: next, notes };
}
