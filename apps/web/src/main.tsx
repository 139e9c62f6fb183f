import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './styles.css';
import './styles/controls.css';
import './styles/wizard.css';
import './styles/launchpad-settings.css';
import './styles/settings-tokens-audit.css';
import './styles/settings-webhooks.css';
import './styles/stacks.css';
import './styles/health.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
