import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { onBeforeUpdateReload } from '../../../app/sw-bridge.ts';
import { type Complaint, type ComplaintDraft, findDraft, putComplaint } from '../../../db/complaints.ts';
import { newId } from '../../../sync/queue.ts';
import { emptyDraft, type Target } from './evidence.ts';

// The complaint form's state lives in Dexie as the shopper types, so a reload, a killed tab or
// an app update (sw-bridge saves before it reloads) loses nothing.

const SAVE_DELAY_MS = 300;

export type DraftTarget = Target & {
  /** Resume this draft (from the drafts list) rather than the place's most recent one. */
  draftId?: string;
  placeName?: string;
  serviceCode?: string;
  attributes?: Record<string, string>;
};

export type DraftState = {
  complaint: Complaint | undefined;
  update: (patch: Partial<ComplaintDraft>) => void;
  saveNow: () => Promise<void>;
  saved: boolean;
};

function fresh(target: DraftTarget, now: number): Complaint {
  const draft = emptyDraft(target.serviceCode);
  draft.attributes = { ...target.attributes };
  if (target.lat !== undefined) draft.lat = target.lat;
  if (target.long !== undefined) draft.long = target.long;
  if (target.ext) draft.ext = target.ext;
  return {
    id: newId(),
    gln: target.gln,
    serviceCode: target.serviceCode ?? '',
    status: 'draft',
    createdAt: now,
    updatedAt: now,
    unread: 0,
    data: { draft, notes: [], seenUnionNotes: 0, placeName: target.placeName },
  };
}

export function useDraft(target: DraftTarget): DraftState {
  const [complaint, setComplaint] = useState<Complaint>();
  const [saved, setSaved] = useState(false);
  const latest = useRef<Complaint>();
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  // The shop's name often arrives after the draft was made; the drafts list wants it.
  const placeName = useRef(target.placeName);
  placeName.current = target.placeName;

  useEffect(() => {
    let live = true;
    void findDraft(target.gln, target.draftId).then((found) => {
      if (!live) return;
      // A draft for another category or position than the one asked for is not resumed.
      const fits =
        found?.data.draft &&
        (!target.serviceCode || found.data.draft.serviceCode === target.serviceCode) &&
        (target.lat === undefined || found.data.draft.lat === target.lat);
      const c = fits ? found! : fresh(target, Date.now());
      latest.current = c;
      setComplaint(c);
    });
    return () => {
      live = false;
    };
  }, [target.gln, target.serviceCode, target.lat, target.draftId]);

  const saveNow = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = undefined;
    if (!dirty.current || !latest.current) return;
    dirty.current = false;
    await putComplaint(latest.current);
    setSaved(true);
  }, []);

  const update = useCallback(
    (patch: Partial<ComplaintDraft>) => {
      const c = latest.current;
      if (!c?.data.draft) return;
      const draft = { ...c.data.draft, ...patch };
      const next: Complaint = {
        ...c,
        serviceCode: draft.serviceCode ?? '',
        updatedAt: Date.now(),
        data: {
          ...c.data,
          draft,
          serviceName: draft.serviceName ?? c.data.serviceName,
          placeName: c.data.placeName ?? placeName.current,
        },
      };
      latest.current = next;
      dirty.current = true;
      setSaved(false);
      setComplaint(next);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), SAVE_DELAY_MS);
    },
    [saveNow],
  );

  useEffect(() => {
    const off = onBeforeUpdateReload(saveNow);
    const onHide = () => void saveNow();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      off();
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      void saveNow();
    };
  }, [saveNow]);

  return { complaint, update, saveNow, saved };
}
