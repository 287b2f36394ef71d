// What the last desk action came to: a polite status line for success (read out without moving
// focus) and an alert for a refusal. One place, so every desk form announces the same way.

export function ActionOutcome({ done, error }: { done: string | undefined; error: string | undefined }) {
  return (
    <>
      <p class="desk-done" role="status">
        {done}
      </p>
      {error && (
        <p role="alert" class="desk-error">
          {error}
        </p>
      )}
    </>
  );
}
