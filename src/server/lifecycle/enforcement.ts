import type { EnforcementStage } from '../../api/index.ts';

// Missing-plate enforcement: a written warning, then the shop's POS terminals blocked for two
// weeks, then a 30-day seal; any stage is lifted within 72 hours once the plate is posted.

export const ENFORCEMENT_MOVES: Record<EnforcementStage, readonly EnforcementStage[]> = {
  none: ['written_warning'],
  written_warning: ['pos_block', 'lifted'],
  pos_block: ['seal', 'lifted'],
  seal: ['lifted'],
  lifted: [],
};

/** How long a stage lasts, in hours (lifted: the deadline to lift once the plate is up). */
export const STAGE_HOURS: Partial<Record<EnforcementStage, number>> = {
  pos_block: 14 * 24,
  seal: 30 * 24,
  lifted: 72,
};

export const STAGE_LABEL: Record<EnforcementStage, string> = {
  none: 'بدون اقدام',
  written_warning: 'اخطار کتبی',
  pos_block: 'مسدودسازی کارتخوان به مدت دو هفته',
  seal: 'پلمب ۳۰ روزه',
  lifted: 'رفع محدودیت پس از نصب پلاک (حداکثر ظرف ۷۲ ساعت)',
};

export function canEnforce(from: EnforcementStage, to: EnforcementStage): boolean {
  return ENFORCEMENT_MOVES[from].includes(to);
}
