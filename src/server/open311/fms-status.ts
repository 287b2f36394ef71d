import type { FmsStatus, Substatus } from '../../api/index.ts';

// FixMyStreet's states and this service's lifecycle, in one table each way. A FixMyStreet client
// reads these on the update feed and sends them on POST servicerequestupdates.

export const FMS_STATUS_OF: Record<Substatus, FmsStatus> = {
  received: 'OPEN',
  under_review: 'INVESTIGATING',
  hearing_scheduled: 'ACTION_SCHEDULED',
  violation_found: 'FIXED',
  no_violation: 'NO_FURTHER_ACTION',
  withdrawn: 'CLOSED',
  not_our_jurisdiction: 'NOT_COUNCILS_RESPONSIBILITY',
  duplicate: 'DUPLICATE',
};

/**
 * The state a union moves a complaint to when it sends a FixMyStreet status. OPEN leaves the
 * state as it is (a reply only); CLOSED says nothing about the outcome, so a union must name one.
 */
export const SUBSTATUS_OF_FMS: Partial<Record<FmsStatus, Substatus | 'unchanged'>> = {
  OPEN: 'unchanged',
  INVESTIGATING: 'under_review',
  IN_PROGRESS: 'under_review',
  ACTION_SCHEDULED: 'hearing_scheduled',
  FIXED: 'violation_found',
  NO_FURTHER_ACTION: 'no_violation',
  NOT_COUNCILS_RESPONSIBILITY: 'not_our_jurisdiction',
  INTERNAL_REFERRAL: 'not_our_jurisdiction',
  DUPLICATE: 'duplicate',
};
