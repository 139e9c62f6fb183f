import { describe, expect, it } from 'vitest';
import {
  addLabel,
  applyFiltersToSearchParams,
  filtersFromSearchParams,
  hasActiveFilters,
  noFilters,
  removeLabel,
} from './filters';

const parse = (search: string) => filtersFromSearchParams(new URLSearchParams(search));

describe('integration filters in the URL', () => {
  it('reads repeated labels, the space and the search text', () => {
    expect(parse('?label=prod&label=eu&space=root&q=deploy')).toEqual({
      labels: ['prod', 'eu'],
      space: 'root',
      q: 'deploy',
    });
  });

  it('survives a round trip, so a shared link shows the same view', () => {
    const filters = { labels: ['autoattach:prod', 'team-a'], space: 'platform', q: 'ci role' };
    const search = applyFiltersToSearchParams(filters).toString();
    expect(search).toBe('label=autoattach%3Aprod&label=team-a&space=platform&q=ci+role');
    expect(parse(search)).toEqual(filters);
  });

  it('ignores values the API would reject instead of failing the page', () => {
    expect(parse('?label=has%20space&label=ok&label=ok&space=Not%20A%20Space')).toEqual({
      labels: ['ok'],
      space: null,
      q: '',
    });
  });

  it('keeps unrelated params and drops empty filters', () => {
    const current = new URLSearchParams('tab=all&label=old&q=x');
    const next = applyFiltersToSearchParams({ labels: [], space: null, q: '  ' }, current);
    expect(next.toString()).toBe('tab=all');
  });

  it('adds a label once and removes it again', () => {
    const one = addLabel(noFilters, 'prod');
    expect(addLabel(one, 'prod').labels).toEqual(['prod']);
    expect(hasActiveFilters(one)).toBe(true);
    expect(hasActiveFilters(removeLabel(one, 'prod'))).toBe(false);
  });
});
