import i18next from 'i18next';
import enClips from '../../../locales/en/clips.json' with { type: 'json' };
import enLifecycle from '../../../locales/en/lifecycle.json' with { type: 'json' };
import enServer from '../../../locales/en/server.json' with { type: 'json' };
import faClips from '../../../locales/fa/clips.json' with { type: 'json' };
import faLifecycle from '../../../locales/fa/lifecycle.json' with { type: 'json' };
import faServer from '../../../locales/fa/server.json' with { type: 'json' };
import type { EnforcementStage, Note, ServiceRequest, Substatus, UnionQueue } from '../../api/index.ts';
import { ENFORCEMENT_MOVES, MOVES, noteMessage, stageKey, substatusKey } from '../../api/lifecycle.ts';

// The union clerk's desk: a plain page over the same Open311 endpoints the app uses. Bundled for
// the browser by routes/union-page.ts, so it reads the lifecycle tables and the locales the
// service and the app read: the clerk is offered only the moves the lifecycle allows.

type Lang = 'fa' | 'en';
const lang: Lang = document.documentElement.lang === 'en' ? 'en' : 'fa';
const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  lng: lang,
  fallbackLng: 'fa',
  ns: ['server', 'lifecycle', 'clips'],
  defaultNS: 'server',
  resources: {
    fa: { server: faServer, lifecycle: faLifecycle, clips: faClips },
    en: { server: enServer, lifecycle: enLifecycle, clips: enClips },
  },
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});
const t = i18n.t.bind(i18n);

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const dateFmt = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fa-IR-u-ca-persian', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Asia/Tehran',
});
const numberLocale = lang === 'en' ? 'en-GB' : 'fa-IR';
const formatDate = (iso: string) => dateFmt.format(new Date(iso));
const state = {
  token: sessionStorage.getItem('union-token') || '',
  selected: null as string | null,
  next: null as string | null,
};
// Reporter-written text is isolated, so no direction it carries can reorder the page around it.
const isolated = (text: string) => {
  const bdi = document.createElement('bdi');
  bdi.textContent = text;
  return bdi;
};

function say(text: string) {
  $('message').textContent = text;
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, {
    ...init,
    headers: {
      Authorization: `Bearer ${state.token}`,
      'Accept-Language': lang,
      'Content-Type': 'application/json',
      ...init.headers,
    },
  });
  const body = await res.json().catch(() => null);
  if (!res.ok)
    throw new Error(
      Array.isArray(body)
        ? body.map((e: { description: string }) => e.description).join(' ')
        : t('clerk.networkError'),
    );
  return body as T;
}

function cell(row: HTMLTableRowElement, text: string, className?: string) {
  const td = document.createElement('td');
  td.append(isolated(text));
  if (className) td.className = className;
  row.append(td);
}

// One page at a time (the service pages by cursor); "more" appends the next.
async function loadQueue(more = false) {
  const q = new URLSearchParams({ view: $<HTMLSelectElement>('view').value });
  if ($<HTMLInputElement>('only-open').checked) q.set('status', 'open');
  if (more && state.next) q.set('cursor', state.next);
  const queue = await call<UnionQueue>(`/open311/v2/union/requests.json?${q}`);
  $('union-name').textContent = queue.union.name;
  state.next = queue.next_cursor || null;
  $('more').hidden = !state.next;
  $('triage-count').textContent = queue.triage_count
    ? t('clerk.triageCount', { n: queue.triage_count.toLocaleString(numberLocale) })
    : '';
  const tbody = $('queue');
  if (!more) tbody.replaceChildren();
  for (const item of queue.items) {
    const tr = document.createElement('tr');
    tr.tabIndex = 0;
    cell(tr, item.service_request_id, 'ltr');
    cell(tr, item.escalated ? t('clerk.escalated', { name: item.service_name }) : item.service_name);
    cell(tr, item.location_name || item.address || '—');
    cell(tr, t(substatusKey(item.substatus)));
    cell(tr, formatDate(item.expected_datetime), item.overdue ? 'overdue' : '');
    const open = () => showDetail(item.service_request_id).catch((e: Error) => say(e.message));
    tr.addEventListener('click', open);
    tr.addEventListener('keydown', (e) => e.key === 'Enter' && open());
    tbody.append(tr);
  }
  if (!more && queue.items.length === 0) say(t('clerk.emptyQueue'));
}

/** The choices a select offers: no change, then only what the lifecycle allows from here. */
function fillChoices(id: string, values: readonly string[], label: (v: string) => string) {
  const select = $<HTMLSelectElement>(id);
  const none = new Option(t('clerk.noChange'), '');
  select.replaceChildren(none, ...values.map((v) => new Option(label(v), v)));
  select.disabled = values.length === 0;
}

function noteText(n: Note): string {
  const message = noteMessage(n);
  if (!message) return n.text;
  const params = Object.fromEntries(
    Object.entries(message.params).map(([k, v]) => [
      k,
      k === 'date' || k === 'until' ? formatDate(String(v)) : v,
    ]),
  );
  return t(message.key, params);
}

async function showDetail(id: string) {
  const [req] = await call<ServiceRequest[]>(`/open311/v2/requests/${encodeURIComponent(id)}.json`);
  if (!req) return;
  state.selected = id;
  $('detail').hidden = false;
  $('detail-title').textContent = `${req.service_name} — ${req.service_request_id}`;
  const facts = $('facts');
  facts.replaceChildren();
  const fact = (k: string, v: unknown) => {
    if (v === undefined || v === '') return;
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.append(isolated(String(v)));
    facts.append(dt, dd);
  };
  fact(t('clerk.fact.status'), `${t(`lifecycle:status.${req.status}`)} / ${t(substatusKey(req.substatus))}`);
  fact(t('clerk.fact.gln'), req.address_id);
  fact(t('clerk.fact.address'), req.address);
  fact(t('clerk.fact.description'), req.description);
  fact(t('clerk.fact.stage'), t(stageKey(req.enforcement_stage)));
  for (const [k, v] of Object.entries(req.attribute || {})) fact(k, v);
  showPhotos(req.media_urls || (req.media_url ? [req.media_url] : []));
  const notes = $('notes');
  notes.replaceChildren();
  for (const n of req.notes) {
    const li = document.createElement('li');
    const small = document.createElement('small');
    small.textContent = `${formatDate(n.datetime)} — ${t(`clerk.author.${n.author}`)}`;
    li.append(small, document.createElement('br'), isolated(noteText(n)));
    notes.append(li);
  }
  fillChoices('reply-status', MOVES.union[req.substatus], (s) => t(substatusKey(s as Substatus)));
  fillChoices('reply-stage', ENFORCEMENT_MOVES[req.enforcement_stage], (s) =>
    t(stageKey(s as EnforcementStage)),
  );
}

// Every photo as a thumbnail that opens the full image, every voice note or video as a link to
// it; URLs are the service's own media paths.
function showPhotos(urls: string[]) {
  const list = $('photos');
  list.replaceChildren();
  $('photos-block').hidden = urls.length === 0;
  urls.forEach((url, i) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = url;
    a.target = '_blank';
    a.rel = 'noopener';
    const clip = /\.(m4a|mp4)$/.exec(url);
    if (clip) {
      a.textContent = t(clip[1] === 'mp4' ? 'clips:picker.video' : 'clips:picker.voice');
      li.append(a);
      list.append(li);
      return;
    }
    const img = document.createElement('img');
    img.src = url;
    img.alt = t('clerk.photoAlt', {
      n: (i + 1).toLocaleString(numberLocale),
      total: urls.length.toLocaleString(numberLocale),
    });
    img.loading = 'lazy';
    a.append(img);
    li.append(a);
    list.append(li);
  });
}

$('login').addEventListener('submit', (e) => {
  e.preventDefault();
  state.token = $<HTMLInputElement>('token').value.trim();
  sessionStorage.setItem('union-token', state.token);
  start();
});

$('reply').addEventListener('submit', async (e) => {
  e.preventDefault();
  const body: Record<string, string | null> = {
    service_request_id: state.selected,
    action: 'reply',
    description: $<HTMLTextAreaElement>('reply-text').value,
  };
  const status = $<HTMLSelectElement>('reply-status').value;
  const stage = $<HTMLSelectElement>('reply-stage').value;
  if (status) body.substatus = status;
  if (stage) body.enforcement_stage = stage;
  try {
    await call('/open311/v2/servicerequestupdates.json', { method: 'POST', body: JSON.stringify(body) });
    $<HTMLTextAreaElement>('reply-text').value = '';
    say(t('clerk.replied'));
    if (state.selected) await showDetail(state.selected);
    await loadQueue();
  } catch (err) {
    say((err as Error).message);
  }
});

async function judge(decision: 'spam' | 'genuine') {
  try {
    await call(`/open311/v2/union/requests/${encodeURIComponent(state.selected ?? '')}/triage.json`, {
      method: 'POST',
      body: JSON.stringify({ decision }),
    });
    say(t(decision === 'spam' ? 'clerk.markedSpam' : 'clerk.markedGenuine'));
    await loadQueue();
  } catch (err) {
    say((err as Error).message);
  }
}

$('reload').addEventListener('click', () => loadQueue().catch((e: Error) => say(e.message)));
$('more').addEventListener('click', () => loadQueue(true).catch((e: Error) => say(e.message)));
$('only-open').addEventListener('change', () => loadQueue().catch((e: Error) => say(e.message)));
$('view').addEventListener('change', () => loadQueue().catch((e: Error) => say(e.message)));
$('mark-spam').addEventListener('click', () => judge('spam'));
$('mark-genuine').addEventListener('click', () => judge('genuine'));

function start() {
  if (!state.token) return;
  say('');
  loadQueue()
    .then(() => {
      $('desk').hidden = false;
      $('login').hidden = true;
    })
    .catch((e: Error) => say(e.message));
}
start();
