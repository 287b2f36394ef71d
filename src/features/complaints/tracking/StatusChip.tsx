import { useT } from '../../../app/t.ts';
import type { Complaint } from '../../../db/complaints.ts';
import { chipOf } from './status.ts';
import './status-chip.css';

export function StatusChip({ complaint }: { complaint: Complaint }) {
  const t = useT();
  const chip = chipOf(complaint);
  return (
    <span class={`status-chip status-${chip.tone}`} data-status={chip.key}>
      {t(chip.key)}
    </span>
  );
}
