import { describe, expect, it } from 'vitest';
import { loginHref, safeRedirect } from './redirect';

describe('safeRedirect', () => {
  it('returns to the page the user asked for', () => {
    expect(safeRedirect('/integrations?label=prod&label=eu')).toBe(
      '/integrations?label=prod&label=eu',
    );
  });

  it('refuses targets outside the app', () => {
    expect(safeRedirect('//evil.example/x')).toBe('/');
    expect(safeRedirect('https://evil.example')).toBe('/');
    expect(safeRedirect('/\\evil.example')).toBe('/');
    expect(safeRedirect(null)).toBe('/');
  });

  it('does not send the user back to the login page', () => {
    expect(safeRedirect('/login?redirectTo=/x')).toBe('/');
  });
});

describe('loginHref', () => {
  it('keeps the full intended URL, filters included', () => {
    const href = loginHref({ pathname: '/integrations', search: '?label=a&q=x', hash: '' });
    const target = new URL(href, 'http://localhost').searchParams.get('redirectTo');
    expect(target).toBe('/integrations?label=a&q=x');
    expect(safeRedirect(target)).toBe('/integrations?label=a&q=x');
  });

  it('sends a plain /login when the user was on the home page', () => {
    expect(loginHref({ pathname: '/', search: '', hash: '' })).toBe('/login');
  });
});
