import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../../api/app-client.ts';
import type { Service, ServiceAttribute } from '../../../api/index.ts';
import { failureText } from '../../../app/failure-text.ts';
import { useT } from '../../../app/t.ts';
import { isQuotaError } from '../../../db/persistence.ts';
import { submitComplaint } from '../../../sync/queue.ts';
import { CategoryPicker } from './CategoryPicker.tsx';
import { DetailsStep } from './DetailsStep.tsx';
import { deviceId } from './device-id.ts';
import { buildRequest, type FieldErrors, validateDetails } from './evidence.ts';
import { ReviewStep } from './ReviewStep.tsx';
import { SameCategoryNotice } from './SameCategoryNotice.tsx';
import { loadDefinition, loadServices } from './service-cache.ts';
import { type DraftTarget, useDraft } from './use-draft.ts';
import '../../../ui/field.css';
import './form.css';

type Props = {
  target: DraftTarget;
  placeName: string;
  /** Which categories the picker offers (a missing plate offers only the no-plate ones). */
  filter?: (s: Service) => boolean;
  photoLabelKey?: string;
  onSubmitted: (id: string) => void;
};

const STEPS = ['category', 'details', 'review'] as const;

/** The complaint wizard: category, then evidence, then review; the draft is saved as it is typed. */
export function ComplaintForm({ target, placeName, filter, photoLabelKey, onSubmitted }: Props) {
  const t = useT();
  const { complaint, update, saveNow } = useDraft(target);
  const [services, setServices] = useState<Service[]>();
  const [servicesError, setServicesError] = useState<string>();
  const [attributes, setAttributes] = useState<ServiceAttribute[]>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  const draft = complaint?.data.draft;
  const code = draft?.serviceCode;

  useEffect(() => {
    void loadServices(api()).then((r) => {
      if (r.status === 'ok') setServices(filter ? r.data.filter(filter) : r.data);
      else setServicesError(failureText(t, r));
    });
  }, []);

  useEffect(() => {
    if (!code) return setAttributes(undefined);
    void loadDefinition(api(), code).then((r) => setAttributes(r.status === 'ok' ? r.data.attributes : []));
  }, [code]);

  if (!complaint || !draft) return <p role="status">{t('common.loading')}</p>;
  const step = draft.step;
  const stepIndex = STEPS.indexOf(step) + 1;
  const service = services?.find((s) => s.service_code === code);
  const serviceName = service?.service_name ?? draft.serviceName ?? '';

  const go = (next: (typeof STEPS)[number]) => {
    update({ step: next });
    setErrors({});
    // The step changes in place; move focus so a screen reader announces the new step.
    queueMicrotask(() => heading.current?.focus());
  };

  const pick = (s: Service) => {
    update({ serviceCode: s.service_code, serviceName: s.service_name, step: 'details' });
    queueMicrotask(() => heading.current?.focus());
  };

  const toReview = () => {
    const found = validateDetails(draft, attributes ?? []);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      queueMicrotask(() => document.getElementById(first)?.focus());
      return;
    }
    go('review');
  };

  const submit = async () => {
    setBusy(true);
    setSubmitError(undefined);
    try {
      await saveNow();
      await submitComplaint(
        { ...complaint, data: { ...complaint.data, placeName } },
        buildRequest(draft, attributes ?? [], { ...target, ...draftPosition(draft) }, deviceId()),
      );
      onSubmitted(complaint.id);
    } catch (error) {
      setSubmitError(isQuotaError(error) ? 'form.storageFull' : 'form.submitFailed');
      setBusy(false);
    }
  };

  return (
    <div class="complaint-form">
      <p class="step-count">{t('complaints:form.stepOf', { step: stepIndex, total: STEPS.length })}</p>
      <h2 ref={heading} tabIndex={-1}>
        {t(`complaints:form.steps.${step}`)}
      </h2>
      {step !== 'category' && serviceName && <p class="chosen-category">{serviceName}</p>}
      {step === 'category' &&
        (services ? (
          <CategoryPicker services={services} selected={code} onPick={pick} />
        ) : servicesError ? (
          <p class="banner banner-danger" role="alert">
            {t('complaints:form.servicesFailed')} {servicesError}
          </p>
        ) : (
          <p role="status">{t('complaints:form.loadingServices')}</p>
        ))}
      {step === 'details' && attributes && (
        <DetailsStep
          draft={draft}
          attributes={attributes}
          errors={errors}
          photoLabelKey={photoLabelKey}
          offerPublish={Boolean(target.gln)}
          notice={target.gln && code ? <SameCategoryNotice gln={target.gln} serviceCode={code} /> : undefined}
          onChange={update}
          onBack={() => go('category')}
          onNext={toReview}
        />
      )}
      {step === 'details' && !attributes && <p role="status">{t('common.loading')}</p>}
      {step === 'review' && (
        <ReviewStep
          draft={draft}
          serviceName={serviceName}
          placeName={placeName}
          attributes={attributes ?? []}
          busy={busy}
          error={submitError}
          onEdit={() => go('details')}
          onSubmit={submit}
        />
      )}
    </div>
  );
}

function draftPosition(d: { lat?: number; long?: number }) {
  return d.lat !== undefined && d.long !== undefined ? { lat: d.lat, long: d.long } : {};
}
