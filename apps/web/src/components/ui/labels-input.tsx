import { useId, useState, type KeyboardEvent } from 'react';
import { Chip } from './chip';
import { describedBy } from './field';

type Props = {
  value: string[];
  onChange: (labels: string[]) => void;
  onBlur: () => void;
  error?: string | undefined;
  name: string;
  /** What labels do here; integrations and stacks read them differently. */
  hint?: string;
  placeholder?: string;
};

const integrationHint =
  'Press Enter or comma to add. autoattach:<stack-label> attaches to matching stacks.';

/** A chip input: labels are committed on Enter, comma, space or leaving the field. */
export function LabelsInput({
  value,
  onChange,
  onBlur,
  error,
  name,
  hint = integrationHint,
  placeholder = 'e.g. production  autoattach:prod',
}: Props) {
  const id = useId();
  const [draft, setDraft] = useState('');

  const commit = (text: string) => {
    const fresh = text
      .split(/[\s,]+/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !value.includes(l));
    if (fresh.length > 0) onChange([...value, ...new Set(fresh)]);
    setDraft('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit(draft);
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        Labels <span className="field-optional">(optional)</span>
      </label>
      <div className="labels-input">
        {value.map((l) => (
          <Chip
            key={l}
            onRemove={() => onChange(value.filter((x) => x !== l))}
            removeLabel={`Remove label ${l}`}
          >
            {l}
          </Chip>
        ))}
        <input
          id={id}
          name={name}
          className="labels-input-field"
          value={draft}
          autoComplete="off"
          placeholder={value.length === 0 ? placeholder : ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          onChange={(event) => {
            const text = event.target.value;
            if (/[\s,]/.test(text)) commit(text);
            else setDraft(text);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            commit(draft);
            onBlur();
          }}
        />
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
