import { useState } from 'react';

/** A details page's switch between showing a record and editing it, with the notice after. */
export function useEditMode(initialNotice: string | null = null) {
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState(initialNotice);
  return {
    editing,
    notice,
    setNotice,
    start: () => {
      setNotice(null);
      setEditing(true);
    },
    cancel: () => setEditing(false),
    saved: () => {
      setEditing(false);
      setNotice('Changes saved.');
    },
  };
}
