import { useState } from 'preact/hooks';
import type { ReplyTemplate } from '../../../api/index.ts';
import { useT } from '../../../app/t.ts';
import { formatDate } from '../../../i18n/format.ts';
import { ActionOutcome } from '../ActionOutcome.tsx';
import '../queue/locale.ts';
import { deleteTemplate, loadCategories, loadTemplates, saveTemplate } from '../queue/queue-api.ts';
import { useLoad } from '../queue/use-load.ts';
import '../queue/queue.css';
import '../complaint/complaint.css';

// The union's reply templates per category. Every clerk reads them on a complaint's page; the
// manager writes them here (the service refuses anyone else's writes).

export default function TemplatesPage() {
  const t = useT();
  const list = useLoad(() => loadTemplates(), []);
  const categories = useLoad(loadCategories, []);
  const [editing, setEditing] = useState<ReplyTemplate>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const nameOf = (code: string) => categories.value?.find((c) => c.code === code)?.name ?? code;

  async function run(work: () => Promise<unknown>, doneKey: string) {
    setError(undefined);
    setDone(undefined);
    try {
      await work();
      setDone(t(doneKey));
      setEditing(undefined);
      list.reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <section class="desk-templates" aria-labelledby="templates-title">
      <h1 id="templates-title">{t('desk:templates.title')}</h1>
      <ActionOutcome done={done} error={error} />
      <form
        class="desk-form"
        key={editing?.id ?? 'new'}
        aria-labelledby="template-form-title"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const input = {
            service_code: String(f.get('service_code') ?? ''),
            title: String(f.get('title') ?? '').trim(),
            body: String(f.get('body') ?? '').trim(),
          };
          void run(() => saveTemplate(input, editing?.id), 'desk:templates.saved');
        }}
      >
        <h2 id="template-form-title">{editing ? t('desk:templates.edit') : t('desk:templates.new')}</h2>
        <label class="field">
          <span class="field-label">{t('desk:queue.category')}</span>
          <select class="field-input" name="service_code" required defaultValue={editing?.service_code}>
            {(categories.value ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="field-label">{t('desk:templates.titleField')}</span>
          <input class="field-input" name="title" required maxLength={120} defaultValue={editing?.title} />
        </label>
        <label class="field">
          <span class="field-label">{t('desk:templates.body')}</span>
          <textarea class="field-input" name="body" rows={5} required defaultValue={editing?.body} />
        </label>
        <button type="submit" class="btn btn-primary">
          {t('desk:templates.save')}
        </button>
        {editing && (
          <button type="button" class="btn" onClick={() => setEditing(undefined)}>
            {t('desk:templates.cancel')}
          </button>
        )}
      </form>
      <h2>{t('desk:templates.list')}</h2>
      {list.value?.length === 0 && <p>{t('desk:templates.empty')}</p>}
      <ul class="desk-template-list">
        {(list.value ?? []).map((x) => (
          <li key={x.id}>
            <h3>
              {x.title} <span class="desk-tag">{nameOf(x.service_code)}</span>
            </h3>
            <p>{x.body}</p>
            <p class="field-hint">
              {t('desk:templates.updated')} <time dateTime={x.updated_at}>{formatDate(x.updated_at)}</time>
            </p>
            <button
              type="button"
              class="btn"
              onClick={() => setEditing(x)}
              aria-label={t('desk:templates.editOne', { title: x.title })}
            >
              {t('desk:templates.edit')}
            </button>{' '}
            <button
              type="button"
              class="btn btn-danger"
              aria-label={t('desk:templates.deleteOne', { title: x.title })}
              onClick={() => void run(() => deleteTemplate(x.id), 'desk:templates.deleted')}
            >
              {t('desk:templates.delete')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
