import type { TFunction } from 'i18next';
import {
  type ApiError,
  checkEvidence as checkRules,
  evidenceProblemKey,
  type ServiceDefinition,
} from '../../api/index.ts';
import type { AttributeValue } from '../store/types.ts';

// A complaint's `attribute[...]` evidence against its category's definition, by the rules the
// form uses too (src/api/evidence.ts); each rejection worded from the same locale strings.

export type EvidenceCheck =
  | { ok: true; value: Record<string, AttributeValue> }
  | { ok: false; errors: ApiError };

export function checkEvidence(
  def: ServiceDefinition,
  input: Record<string, unknown> | undefined,
  t: TFunction,
): EvidenceCheck {
  const out = checkRules(def, input);
  if (out.ok) return { ok: true, value: out.value };
  return {
    ok: false,
    errors: out.issues.map((i) => ({
      code: 'validation',
      description: t('validation:evidenceItem', { code: i.code, problem: t(evidenceProblemKey(i.problem)) }),
    })),
  };
}
