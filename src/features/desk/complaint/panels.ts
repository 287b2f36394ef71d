import type { FunctionComponent } from 'preact';
import type { DeskComplaint } from '../../../api/index.ts';

// Extra panels on a complaint's desk page, built by other parts of the desk (enforcement stages,
// escalation): each receives the complaint and a callback that reloads it after an action.

export type ComplaintPanelProps = { complaint: DeskComplaint; reload: () => void };
export type ComplaintPanel = { id: string; component: FunctionComponent<ComplaintPanelProps> };

export const COMPLAINT_PANELS: ComplaintPanel[] = [];
