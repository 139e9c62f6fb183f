import { useQuery } from '@tanstack/react-query';
import { NavLink, Outlet } from 'react-router';
import { paths } from '../../config/paths';
import { accountQueryOptions } from '../../lib/queries/account';
import { icons } from './nav-icons';
import { SandboxBanner } from './sandbox-banner';
import { UserMenu } from './user-menu';

const nav = [
  { to: paths.home, label: 'LaunchPad', icon: icons.launchpad, end: true },
  { to: paths.integrations, label: 'Integrations', icon: icons.integrations, end: false },
  { to: paths.stacks, label: 'Stacks', icon: icons.stacks, end: false },
  { to: paths.settings, label: 'Settings', icon: icons.settings, end: false },
];

export function AppShell() {
  const account = useQuery(accountQueryOptions());
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {account.data?.mode === 'sandbox' && <SandboxBanner />}
      <div className="app-frame">
        <aside className="sidebar">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true" />
            <span className="brand-name">Rolebridge</span>
          </div>
          <nav aria-label="Main">
            <ul className="nav-list">
              {nav.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end} className="nav-link">
                    {item.icon}
                    <span>{item.label}</span>
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </aside>
        <div className="app-column">
          <header className="topbar">
            <div className="account-name" title="Account name">
              <span className="account-label">Account</span>
              <span className="account-value">{account.data?.name ?? '…'}</span>
              {account.data?.mode === 'sandbox' && <span className="mode-pill">Sandbox</span>}
            </div>
            <UserMenu />
          </header>
          <main id="main" className="main" tabIndex={-1}>
            <Outlet />
          </main>
        </div>
      </div>
    </div>
  );
}
