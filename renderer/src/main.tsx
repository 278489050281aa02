import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { requestPersistentStorage } from './platform/storage';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

void requestPersistentStorage();

// End-to-end tests seed through the app's own write path (testing/e2e-hook.ts); other builds
// drop this branch and never bundle the module.
if (__E2E__) void import('./testing/e2e-hook').then((m) => m.install());
