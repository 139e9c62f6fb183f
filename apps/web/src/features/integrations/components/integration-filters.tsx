import { label as labelSchema, verificationStatus } from '@rolebridge/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { Chip } from '../../../components/ui/chip';
import { spaceTree, spacesQueryOptions } from '../../../lib/queries/spaces';
import {
  addLabel,
  hasActiveFilters,
  noFilters,
  removeLabel,
  type IntegrationFilters,
} from '../utils/filters';
import { SearchBox } from '../../../components/ui/search-box';

type Props = {
  filters: IntegrationFilters;
  onChange: (next: IntegrationFilters, options?: { replace?: boolean }) => void;
};

export function IntegrationFiltersBar({ filters, onChange }: Props) {
  const spaces = useQuery(spacesQueryOptions());
  const [labelDraft, setLabelDraft] = useState('');
  const [labelError, setLabelError] = useState<string | null>(null);

  const submitLabel = (event: FormEvent) => {
    event.preventDefault();
    const value = labelDraft.trim();
    if (!value) return;
    const parsed = labelSchema.safeParse(value);
    if (!parsed.success) {
      setLabelError(parsed.error.issues[0]?.message ?? 'Not a valid label');
      return;
    }
    setLabelError(null);
    setLabelDraft('');
    onChange(addLabel(filters, parsed.data));
  };

  return (
    <div className="filters" role="search" aria-label="Filter integrations">
      <div className="filters-row">
        <SearchBox
          value={filters.q}
          onChange={(q) => onChange({ ...filters, q }, { replace: true })}
        />
        <div className="filter-field">
          <label htmlFor="space-filter" className="filter-label">
            Space
          </label>
          <select
            id="space-filter"
            className="input select"
            value={filters.space ?? ''}
            onChange={(event) => onChange({ ...filters, space: event.target.value || null })}
          >
            <option value="">All spaces</option>
            {spaceTree(spaces.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {'\u00a0\u00a0'.repeat(s.depth)}
                {s.name}
              </option>
            ))}
            {filters.space && !spaces.data?.some((s) => s.id === filters.space) && (
              <option value={filters.space}>{filters.space}</option>
            )}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor="status-filter" className="filter-label">
            Status
          </label>
          <select
            id="status-filter"
            className="input select"
            value={filters.status ?? ''}
            onChange={(event) => {
              const status = verificationStatus.safeParse(event.target.value);
              onChange({ ...filters, status: status.success ? status.data : null });
            }}
          >
            <option value="">Any status</option>
            <option value="verified">Verified</option>
            <option value="failing">Failing</option>
            <option value="not-checked">Not verified</option>
          </select>
        </div>
        <form className="filter-field" onSubmit={submitLabel}>
          <label htmlFor="label-filter" className="filter-label">
            Label
          </label>
          <input
            id="label-filter"
            className="input input-narrow"
            placeholder="Add label filter"
            value={labelDraft}
            aria-invalid={labelError ? true : undefined}
            aria-describedby={labelError ? 'label-filter-error' : undefined}
            onChange={(event) => setLabelDraft(event.target.value)}
          />
        </form>
      </div>
      {labelError && (
        <p id="label-filter-error" className="field-error">
          {labelError}
        </p>
      )}
      {hasActiveFilters(filters) && (
        <div className="active-filters">
          {filters.labels.length > 0 && (
            <span className="active-filters-title">Labels (all of):</span>
          )}
          {filters.labels.map((l) => (
            <Chip
              key={l}
              tone="accent"
              onRemove={() => onChange(removeLabel(filters, l))}
              removeLabel={`Remove label filter ${l}`}
            >
              {l}
            </Chip>
          ))}
          <Button variant="ghost" size="sm" onClick={() => onChange(noFilters)}>
            Clear all
          </Button>
        </div>
      )}
    </div>
  );
}
