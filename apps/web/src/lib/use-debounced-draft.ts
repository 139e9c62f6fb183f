import { useEffect, useEffectEvent, useState } from 'react';

/**
 * Keeps a local draft of `value` for an input and calls `commit` once typing pauses.
 * When `value` changes from outside (a "Clear filters" button), the draft follows it.
 */
export function useDebouncedDraft(value: string, commit: (next: string) => void, delayMs = 300) {
  const [draft, setDraft] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    setLastValue(value);
    setDraft(value);
  }
  const onCommit = useEffectEvent((next: string) => commit(next));

  useEffect(() => {
    if (draft === lastValue) return;
    const timer = setTimeout(() => onCommit(draft), delayMs);
    return () => clearTimeout(timer);
  }, [draft, lastValue, delayMs]);

  return [draft, setDraft] as const;
}
