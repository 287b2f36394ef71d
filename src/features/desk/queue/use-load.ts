import { useEffect, useState } from 'preact/hooks';

// A page's one load: its value, its error sentence, and a reload that keeps the value shown
// while the new one comes.

export type Loaded<T> = {
  value: T | undefined;
  error: string | undefined;
  loading: boolean;
  reload: () => void;
};

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `deps` names what `load` reads.
  useEffect(() => {
    let live = true;
    setLoading(true);
    load().then(
      (v) => {
        if (!live) return;
        setValue(v);
        setError(undefined);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(e instanceof Error ? e.message : String(e));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [...deps, round]);
  return { value, error, loading, reload: () => setRound((r) => r + 1) };
}
