import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ENFORCEMENT_MOVES,
  MOVES,
  ServiceRequestUpdateResponseSchema,
  UnionQueueSchema,
} from '../../src/api/index.ts';
import { applyUpdate, type CaseState } from '../../src/server/lifecycle/apply-update.ts';
import { expectPersianError, fileOverpricing, type Harness, startServer } from './harness.ts';

const NOW = '2026-01-10T10:00:00.000Z';
const base: CaseState = {
  substatus: 'received',
  escalated: false,
  enforcementStage: 'none',
  expectedAt: '2026-01-20T10:00:00.000Z',
  enforceable: false,
  external: false,
};
const reply = (substatus?: CaseState['substatus'], enforcementStage?: CaseState['enforcementStage']) => ({
  actor: 'union' as const,
  kind: 'reply' as const,
  text: 'بررسی شد',
  substatus,
  enforcementStage,
});

describe('complaint lifecycle rules (pure)', () => {
  it('lets the union move received -> under_review -> hearing_scheduled -> violation_found', () => {
    let s = base;
    for (const next of ['under_review', 'hearing_scheduled', 'violation_found'] as const) {
      const out = applyUpdate(s, reply(next), NOW);
      expect(out.ok).toBe(true);
      if (out.ok) s = out.state;
    }
    expect(s.substatus).toBe('violation_found');
  });

  it('refuses to reopen a decided complaint from the union side', () => {
    for (const closed of ['violation_found', 'no_violation', 'not_our_jurisdiction', 'duplicate'] as const) {
      expect(MOVES.union[closed]).toEqual([]);
      expect(applyUpdate({ ...base, substatus: closed }, reply('under_review'), NOW).ok).toBe(false);
    }
  });

  it('reopens and escalates on an objection after a closure, with a fresh 10-day deadline', () => {
    const out = applyUpdate(
      { ...base, substatus: 'no_violation' },
      { actor: 'reporter', kind: 'objection', text: 'اعتراض دارم' },
      NOW,
    );
    expect(out.ok && out.state).toMatchObject({
      substatus: 'under_review',
      escalated: true,
      expectedAt: '2026-01-20T10:00:00.000Z',
    });
    expect(out.ok && out.notes.map((n) => n.type)).toEqual(['objection', 'escalated']);
  });

  it('refuses an objection while open, a second objection, and one against an external referral', () => {
    const object = { actor: 'reporter' as const, kind: 'objection' as const, text: 'x' };
    expect(applyUpdate(base, object, NOW).ok).toBe(false);
    expect(applyUpdate({ ...base, substatus: 'no_violation', escalated: true }, object, NOW).ok).toBe(false);
    expect(applyUpdate({ ...base, substatus: 'not_our_jurisdiction', external: true }, object, NOW).ok).toBe(
      false,
    );
  });

  it('lets the reporter withdraw only while open, after which nothing more happens', () => {
    const w = applyUpdate(base, { actor: 'reporter', kind: 'withdraw', text: '' }, NOW);
    expect(w.ok && w.state.substatus).toBe('withdrawn');
    expect(
      applyUpdate(
        { ...base, substatus: 'violation_found' },
        { actor: 'reporter', kind: 'withdraw', text: '' },
        NOW,
      ).ok,
    ).toBe(false);
    expect(applyUpdate({ ...base, substatus: 'withdrawn' }, reply('under_review'), NOW).ok).toBe(false);
  });

  it('walks missing-plate enforcement warning -> POS block -> seal -> lifted, never skipping ahead', () => {
    const plate = { ...base, enforceable: true };
    let s = plate;
    for (const stage of ['written_warning', 'pos_block', 'seal', 'lifted'] as const) {
      const out = applyUpdate(s, reply(undefined, stage), NOW);
      expect(out.ok, stage).toBe(true);
      if (out.ok) s = out.state;
    }
    expect(applyUpdate(plate, reply(undefined, 'seal'), NOW).ok).toBe(false);
    expect(ENFORCEMENT_MOVES.lifted).toEqual([]);
  });

  it('refuses enforcement stages on complaints that are not about a missing plate', () => {
    expect(applyUpdate(base, reply(undefined, 'written_warning'), NOW).ok).toBe(false);
  });
});

describe('complaint updates over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
  });
  afterAll(() => h.stop());
  const union = () => h.token('union-4711-tehran');
  const update = (token: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    h.post('/open311/v2/servicerequestupdates.json', body, { Authorization: `Bearer ${token}`, ...headers });

  it("records the union's reply and decision in the reporter's timeline", async () => {
    const c = await fileOverpricing(h);
    const res = await update(union(), {
      service_request_id: c.service_request_id,
      action: 'reply',
      substatus: 'under_review',
      description: 'بازرس اعزام شد',
    });
    expect(res.status).toBe(201);
    const [u] = ServiceRequestUpdateResponseSchema.parse(await res.json());
    expect(u!.request.substatus).toBe('under_review');
    expect(u!.request.notes.map((n) => [n.type, n.author])).toEqual([
      ['created', 'system'],
      ['reply', 'union'],
      ['status_change', 'union'],
    ]);
  });

  it('lets the reporter follow up, object after closure (escalated, reopened) but not reply', async () => {
    const c = await fileOverpricing(h);
    expect(
      (
        await update(c.access_token, {
          service_request_id: c.service_request_id,
          action: 'follow_up',
          description: 'رسید را پیوست کردم',
        })
      ).status,
    ).toBe(201);
    await expectPersianError(
      await update(c.access_token, {
        service_request_id: c.service_request_id,
        action: 'reply',
        substatus: 'no_violation',
      }),
      403,
      'forbidden',
    );
    await expectPersianError(
      await update(c.access_token, {
        service_request_id: c.service_request_id,
        action: 'objection',
        description: 'زود است',
      }),
      409,
      'invalid-transition',
    );
    await update(union(), {
      service_request_id: c.service_request_id,
      action: 'reply',
      substatus: 'no_violation',
      description: 'تخلفی دیده نشد',
    });
    const res = await update(c.access_token, {
      service_request_id: c.service_request_id,
      action: 'objection',
      description: 'قبول ندارم',
    });
    const [u] = ServiceRequestUpdateResponseSchema.parse(await res.json());
    expect(u!.request).toMatchObject({ status: 'open', substatus: 'under_review', escalated: true });
  });

  it('lets the reporter withdraw, and refuses the union changing it afterwards', async () => {
    const c = await fileOverpricing(h);
    const res = await update(c.access_token, {
      service_request_id: c.service_request_id,
      action: 'withdraw',
    });
    const [u] = ServiceRequestUpdateResponseSchema.parse(await res.json());
    expect(u!.request).toMatchObject({ status: 'closed', substatus: 'withdrawn' });
    await expectPersianError(
      await update(union(), {
        service_request_id: c.service_request_id,
        action: 'reply',
        substatus: 'under_review',
      }),
      409,
    );
  });

  it("refuses a union acting on another union's complaint, and a reporter on someone else's, as if the id were unknown", async () => {
    const c = await fileOverpricing(h);
    const other = await fileOverpricing(h);
    // The same 404 as for an unknown id: a token that does not open a complaint learns nothing of it.
    await expectPersianError(
      await update(h.token('union-4771-tehran'), {
        service_request_id: c.service_request_id,
        action: 'reply',
        description: 'x',
      }),
      404,
      'not-found',
    );
    await expectPersianError(
      await update(other.access_token, { service_request_id: c.service_request_id, action: 'withdraw' }),
      404,
      'not-found',
    );
    await expectPersianError(
      await h.post('/open311/v2/servicerequestupdates.json', {
        service_request_id: c.service_request_id,
        action: 'withdraw',
      }),
      401,
    );
    await expectPersianError(
      await update(union(), { service_request_id: c.service_request_id, action: 'dance' }),
      400,
      'validation',
    );
  });

  it('applies an update once for a repeated Idempotency-Key', async () => {
    const c = await fileOverpricing(h);
    const body = { service_request_id: c.service_request_id, action: 'follow_up', description: 'یک بار' };
    await update(c.access_token, body, { 'Idempotency-Key': 'fu-1' });
    const again = await update(c.access_token, body, { 'Idempotency-Key': 'fu-1' });
    const [u] = ServiceRequestUpdateResponseSchema.parse(await again.json());
    expect(u!.request.notes.filter((n) => n.type === 'follow_up')).toHaveLength(1);
  });

  it('runs missing-plate enforcement through the chamber and shows the stage in its queue', async () => {
    const res = await h.post('/open311/v2/requests.json', {
      service_code: 'no_plate',
      lat: 35.7,
      long: 51.34,
    });
    const [c] = (await res.json()) as { service_request_id: string }[];
    const chamber = h.token('chamber-tehran');
    for (const stage of ['written_warning', 'pos_block']) {
      expect(
        (
          await update(chamber, {
            service_request_id: c!.service_request_id,
            action: 'reply',
            enforcement_stage: stage,
          })
        ).status,
      ).toBe(201);
    }
    await expectPersianError(
      await update(chamber, {
        service_request_id: c!.service_request_id,
        action: 'reply',
        enforcement_stage: 'written_warning',
      }),
      409,
    );
    const queue = UnionQueueSchema.parse(
      await (
        await h.get('/open311/v2/union/requests.json', { headers: { Authorization: `Bearer ${chamber}` } })
      ).json(),
    );
    expect(queue.items.find((i) => i.service_request_id === c!.service_request_id)?.enforcement_stage).toBe(
      'pos_block',
    );
  });
});

describe('deadlines', () => {
  it('marks an open complaint overdue in the union queue once the 10 days have passed', async () => {
    let now = new Date('2026-03-01T09:00:00Z');
    const h = await startServer({ now: () => now });
    try {
      const c = await fileOverpricing(h);
      now = new Date('2026-03-12T09:00:00Z');
      const queue = UnionQueueSchema.parse(
        await (
          await h.get('/open311/v2/union/requests.json', {
            headers: { Authorization: `Bearer ${h.token('union-4711-tehran')}` },
          })
        ).json(),
      );
      const item = queue.items.find((i) => i.service_request_id === c.service_request_id)!;
      expect(item.expected_datetime).toBe('2026-03-11T09:00:00.000Z');
      expect(item.overdue).toBe(true);
    } finally {
      await h.stop();
    }
  });
});
