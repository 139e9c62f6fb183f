import { useId } from 'react';
import { useDebouncedDraft } from '../../lib/use-debounced-draft';

type Props = {
  value: string;
  onChange: (q: string) => void;
  /** The accessible name, e.g. "Search integrations"; the field itself shows a placeholder. */
  label?: string;
};

export function SearchBox({ value, onChange, label = 'Search integrations' }: Props) {
  const id = useId();
  const [draft, setDraft] = useDebouncedDraft(value, onChange);
  return (
    <div className="search-box">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <svg
        className="search-icon"
        aria-hidden="true"
        width="16"
        height="16"
        viewBox="0 0 16 16"
        fill="none"
      >
        <circle cx="7" cy="7" r="4.5" stroke="currentColor" strokeWidth="1.5" />
        <path d="m10.5 10.5 3 3" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <input
        id={id}
        type="search"
        className="input"
        placeholder="Search by name"
        autoComplete="off"
        maxLength={100}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
      />
    </div>
  );
}
