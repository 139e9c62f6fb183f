import { describe, expect, it } from 'vitest';
import {
  addLabel,
  applyFiltersToSearchParams,
  filtersFromSearchParams,
  applyPagesToSearchParams,
  hasActiveFilters,
  noFilters,
  pagesFromSearchParams,
  removeLabel,
} from './filters';

const parse = (search: string) => filtersFromSearchParams(new URLSearchParams(search));

describe('integration filters in the URL', () => {
  it('reads repeated labels, the space and the search text', () => {
    expect(parse('?label=prod&label=eu&space=root&q=deploy&status=failing')).toEqual({
      labels: ['prod', 'eu'],
      space: 'root',
      q: 'deploy',
      status: 'failing',
    });
  });

  it('survives a round trip, so a shared link shows the same view', () => {
    const filters = {
      labels: ['autoattach:prod', 'team-a'],
      space: 'platform',
      q: 'ci role',
      status: 'not-checked' as const,
    };
    const search = applyFiltersToSearchParams(filters).toString();
    expect(search).toBe(
      'label=autoattach%3Aprod&label=team-a&space=platform&q=ci+role&status=not-checked',
    );
    expect(parse(search)).toEqual(filters);
  });

  it('ignores values the API would reject instead of failing the page', () => {
    expect(
      parse('?label=has%20space&label=ok&label=ok&space=Not%20A%20Space&status=green'),
    ).toEqual({ labels: ['ok'], space: null, q: '', status: null });
  });

  it('keeps unrelated params and drops empty filters', () => {
    const current = new URLSearchParams('tab=all&label=old&q=x&pages=3');
    const next = applyFiltersToSearchParams({ ...noFilters, q: '  ' }, current);
    expect(next.toString()).toBe('tab=all');
  });

  it('adds a label once and removes it again', () => {
    const one = addLabel(noFilters, 'prod');
    expect(addLabel(one, 'prod').labels).toEqual(['prod']);
    expect(hasActiveFilters(one)).toBe(true);
    expect(hasActiveFilters(removeLabel(one, 'prod'))).toBe(false);
  });

  it('remembers loaded pages, within bounds, and forgets them when filters change', () => {
    const url = applyPagesToSearchParams(3, new URLSearchParams('label=prod'));
    expect(url.toString()).toBe('label=prod&pages=3');
    expect(pagesFromSearchParams(url)).toBe(3);
    expect(applyPagesToSearchParams(1, url).toString()).toBe('label=prod');
    for (const bad of ['pages=0', 'pages=-2', 'pages=1.5', 'pages=x', ''])
      expect(pagesFromSearchParams(new URLSearchParams(bad))).toBe(1);
    expect(pagesFromSearchParams(new URLSearchParams('pages=999'))).toBe(20);
    expect(applyFiltersToSearchParams(addLabel(noFilters, 'eu'), url).get('pages')).toBeNull();
  });
});
