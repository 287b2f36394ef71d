import type { Substatus } from '../../../api/index.ts';
import { substatusKey } from '../../../api/lifecycle.ts';
import { useT } from '../../../app/t.ts';

type Props = { moves: readonly Substatus[]; label: string };

/**
 * "Move it to…" beside a reply, for the clerk and the county inspector alike: only the states the
 * lifecycle lets this person reach from here (`moves`), or none to keep it where it is. Absent
 * when there is nowhere to go.
 */
export function MoveSelect({ moves, label }: Props) {
  const t = useT();
  if (moves.length === 0) return null;
  return (
    <label class="field">
      <span class="field-label">{label}</span>
      <select class="field-input" name="substatus">
        <option value="">{t('desk:detail.keepStatus')}</option>
        {moves.map((m) => (
          <option key={m} value={m}>
            {t(substatusKey(m))}
          </option>
        ))}
      </select>
    </label>
  );
}
