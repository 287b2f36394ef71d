import { type FunctionComponent, h } from 'preact';
import type { DeskComplaint } from '../../../api/index.ts';
import { EnforcementPanel } from '../field/EnforcementPanel.tsx';

// Extra panels on a complaint's desk page, built by other parts of the desk (enforcement stages,
// escalation): each receives the complaint and a callback that reloads it after an action. The
// detail page renders them in this order below its own sections.

export type ComplaintPanelProps = { complaint: DeskComplaint; reload: () => void };
export type ComplaintPanel = { id: string; component: FunctionComponent<ComplaintPanelProps> };

export const COMPLAINT_PANELS: ComplaintPanel[] = [
  {
    id: 'enforcement',
    // The enforcement panel needs only the complaint's id (the stages are the shop's).
    component: ({ complaint, reload }) =>
      h(EnforcementPanel, { complaint: { service_request_id: complaint.item.id }, reload }),
  },
];
