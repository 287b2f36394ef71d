import type { ComponentType } from 'preact';
import { EnforcementPanel, type PanelProps } from '../field/EnforcementPanel.tsx';

// Extra panels of a complaint's detail page, each given the complaint and a reload callback; the
// detail page renders them in this order below its own sections.

export type { PanelProps };

export const COMPLAINT_PANELS: ComponentType<PanelProps>[] = [EnforcementPanel];
