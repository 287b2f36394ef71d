// The union clerk's desk: a plain page over the same Open311 endpoints the app uses.
const $ = (id) => document.getElementById(id);
const dateFmt = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Asia/Tehran',
});
// Status names for the clerk: the reply form's own options, plus the two a clerk cannot choose.
const LABELS = {
  open: 'باز',
  closed: 'بسته',
  received: 'دریافت شد',
  withdrawn: 'شاکی انصراف داد',
  ...Object.fromEntries(
    [...$('reply-status').options].filter((o) => o.value).map((o) => [o.value, o.textContent]),
  ),
};
const label = (code) => LABELS[code] || code;
const state = { token: sessionStorage.getItem('union-token') || '', selected: null, next: null };
// Reporter-written text is isolated, so no direction it carries can reorder the page around it.
const isolated = (text) => {
  const bdi = document.createElement('bdi');
  bdi.textContent = text;
  return bdi;
};

function say(text) {
  $('message').textContent = text || '';
}

async function call(path, init = {}) {
  const res = await fetch(path, {
    ...init,
    headers: {
      Authorization: `Bearer ${state.token}`,
      'Content-Type': 'application/json',
      ...(init.headers || {}),
    },
  });
  const body = await res.json().catch(() => null);
  if (!res.ok)
    throw new Error(Array.isArray(body) ? body.map((e) => e.description).join(' ') : 'خطا در ارتباط با سرور');
  return body;
}

function cell(row, text, className) {
  const td = document.createElement('td');
  td.append(isolated(text));
  if (className) td.className = className;
  row.append(td);
}

// One page at a time (the service pages by cursor); "more" appends the next.
async function loadQueue(more = false) {
  const q = new URLSearchParams({ view: $('view').value });
  if ($('only-open').checked) q.set('status', 'open');
  if (more && state.next) q.set('cursor', state.next);
  const queue = await call(`/open311/v2/union/requests.json?${q}`);
  $('union-name').textContent = queue.union.name;
  state.next = queue.next_cursor || null;
  $('more').hidden = !state.next;
  $('triage-count').textContent = queue.triage_count
    ? `${queue.triage_count.toLocaleString('fa-IR')} شکایت انبوه در انتظار بررسی اولیه`
    : '';
  const tbody = $('queue');
  if (!more) tbody.replaceChildren();
  for (const item of queue.items) {
    const tr = document.createElement('tr');
    tr.tabIndex = 0;
    cell(tr, item.service_request_id, 'ltr');
    cell(tr, item.service_name + (item.escalated ? ' (اعتراض)' : ''));
    cell(tr, item.location_name || item.address || '—');
    cell(tr, label(item.substatus));
    cell(tr, dateFmt.format(new Date(item.expected_datetime)), item.overdue ? 'overdue' : '');
    const open = () => showDetail(item.service_request_id).catch((e) => say(e.message));
    tr.addEventListener('click', open);
    tr.addEventListener('keydown', (e) => e.key === 'Enter' && open());
    tbody.append(tr);
  }
  if (!more && queue.items.length === 0) say('شکایتی در صف نیست.');
}

async function showDetail(id) {
  const [req] = await call(`/open311/v2/requests/${encodeURIComponent(id)}.json`);
  state.selected = id;
  $('detail').hidden = false;
  $('detail-title').textContent = `${req.service_name} — ${req.service_request_id}`;
  const facts = $('facts');
  facts.replaceChildren();
  const fact = (k, v) => {
    if (v === undefined || v === '') return;
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.append(isolated(String(v)));
    facts.append(dt, dd);
  };
  fact('وضعیت', `${label(req.status)} / ${label(req.substatus)}`);
  fact('شناسهٔ مکان', req.address_id);
  fact('نشانی', req.address);
  fact('شرح', req.description);
  fact('مرحلهٔ اعمال قانون', req.enforcement_stage);
  for (const [k, v] of Object.entries(req.attribute || {})) fact(k, v);
  showPhotos(req.media_urls || (req.media_url ? [req.media_url] : []));
  const notes = $('notes');
  notes.replaceChildren();
  for (const n of req.notes) {
    const li = document.createElement('li');
    const small = document.createElement('small');
    small.textContent = `${dateFmt.format(new Date(n.datetime))} — ${n.author}`;
    li.append(small, document.createElement('br'), isolated(n.text));
    notes.append(li);
  }
}

// Every photo as a thumbnail that opens the full image; URLs are the service's own media paths.
function showPhotos(urls) {
  const list = $('photos');
  list.replaceChildren();
  $('photos-block').hidden = urls.length === 0;
  urls.forEach((url, i) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = url;
    a.target = '_blank';
    a.rel = 'noopener';
    const img = document.createElement('img');
    img.src = url;
    img.alt = `تصویر ${(i + 1).toLocaleString('fa-IR')} از ${urls.length.toLocaleString('fa-IR')}`;
    img.loading = 'lazy';
    a.append(img);
    li.append(a);
    list.append(li);
  });
}

$('login').addEventListener('submit', (e) => {
  e.preventDefault();
  state.token = $('token').value.trim();
  sessionStorage.setItem('union-token', state.token);
  start();
});

$('reply').addEventListener('submit', async (e) => {
  e.preventDefault();
  const body = { service_request_id: state.selected, action: 'reply', description: $('reply-text').value };
  if ($('reply-status').value) body.substatus = $('reply-status').value;
  if ($('reply-stage').value) body.enforcement_stage = $('reply-stage').value;
  try {
    await call('/open311/v2/servicerequestupdates.json', { method: 'POST', body: JSON.stringify(body) });
    $('reply-text').value = '';
    say('پاسخ ثبت شد.');
    await showDetail(state.selected);
    await loadQueue();
  } catch (err) {
    say(err.message);
  }
});

async function judge(decision) {
  try {
    await call(`/open311/v2/union/requests/${encodeURIComponent(state.selected)}/triage.json`, {
      method: 'POST',
      body: JSON.stringify({ decision }),
    });
    say(decision === 'spam' ? 'به‌عنوان هرزنامه علامت خورد.' : 'به صف رسیدگی رفت.');
    await loadQueue();
  } catch (err) {
    say(err.message);
  }
}

$('reload').addEventListener('click', () => loadQueue().catch((e) => say(e.message)));
$('more').addEventListener('click', () => loadQueue(true).catch((e) => say(e.message)));
$('only-open').addEventListener('change', () => loadQueue().catch((e) => say(e.message)));
$('view').addEventListener('change', () => loadQueue().catch((e) => say(e.message)));
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
    .catch((e) => say(e.message));
}
start();
