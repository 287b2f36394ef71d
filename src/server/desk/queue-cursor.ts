import { z } from 'zod';
import type { QueueCursor } from '../store/types.ts';

// Where a page of a queue ends, as an opaque token the client hands back: the last row's sort
// key. A token that does not parse is refused (400), never guessed at.

const CursorSchema = z.object({
  escalated: z.union([z.literal(0), z.literal(1)]),
  expectedAt: z.string().max(40),
  id: z.string().max(20),
  triage: z.string().max(120).optional(),
});

export const encodeCursor = (c: QueueCursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

export function decodeCursor(s: string): QueueCursor | undefined {
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(s, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
