import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { prepareDesk, startDailyBackups } from './backup';
import { requestPersistentStorage } from './platform/storage';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

// Desktop app: a backup before this version upgrades the database, and today's backup, before
// anything opens it (renderer/src/backup/auto.ts). Never blocks the start on a failure.
void prepareDesk()
  .catch(() => [])
  .finally(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
    startDailyBackups();
  });

void requestPersistentStorage();

// End-to-end tests seed through the app's own write path (testing/e2e-hook.ts); other builds
// drop this branch and never bundle the module.
if (__E2E__) void import('./testing/e2e-hook').then((m) => m.install());
