import { REVIEW_DAYS } from '../../api/index.ts';
import type { ServiceDeps } from '../deps.ts';

// Guild System Law Art. 72: a union that lets the ten days pass loses the case to the county
// chamber's inspectors. A sweep on a timer finds such complaints; the county queue runs the same
// sweep when it is read, so an inspector never waits for the timer. Each complaint is escalated
// once (the store's claim is atomic), however many instances sweep.

/** Deadlines are counted in days: a quarter of an hour late is nothing, and reads check too. */
export const ESCALATION_SWEEP_EVERY_MS = 15 * 60_000;

/** Escalates every overdue open complaint not escalated yet; returns their ids. */
export async function escalateOverdue(deps: ServiceDeps): Promise<string[]> {
  const { store } = deps;
  const now = deps.now().toISOString();
  return store.transaction(async () => {
    const ids = await store.claimOverdue(now);
    for (const id of ids) {
      const req = await store.request(id);
      if (!req) continue;
      await store.updateRequest(
        id,
        {
          substatus: req.substatus,
          escalated: req.escalated,
          enforcementStage: req.enforcementStage,
          expectedAt: req.expectedAt,
          updatedAt: now,
        },
        [
          {
            type: 'escalated',
            datetime: now,
            author: 'system',
            text: '',
            substatus: req.substatus,
            code: 'overdue',
            params: { days: REVIEW_DAYS },
          },
        ],
      );
    }
    return ids;
  });
}

/** The sweep on a timer; the timer never keeps the process alive. */
export function startEscalationSweep(deps: ServiceDeps): () => void {
  const timer = setInterval(() => void escalateOverdue(deps).catch(() => {}), ESCALATION_SWEEP_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
