/**
 * The app window, its session, and the rules every web contents obeys: the bridge preload only in
 * documents of the app's own origin, a CSP on every response, no navigation away from the app, no
 * new windows, no webviews, every permission request denied.
 *
 * External links: the app opens none. `setWindowOpenHandler` denies every new window, and
 * navigation to any non-app URL is cancelled. (A validated http(s) check, `isSafeExternalUrl`,
 * exists for the day a feature needs one; see the README's security notes.)
 */
import { BrowserWindow, session, type Session, type WebContents } from 'electron';
import path from 'node:path';
import { APP_ENTRY, APP_ORIGIN, isAppUrl } from './security';

/** The app window runs in a session of its own, apart from any helper window (print preview). */
export const APP_PARTITION = 'persist:association-desk';

export function appSession(): Session {
  return session.fromPartition(APP_PARTITION);
}

export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          "default-src 'self'; script-src app://desk/assets/; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' https:; worker-src 'self' blob:; frame-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ],
      },
    });
  });
}

/**
 * The bridge is injected only into documents served from `app://desk/`: a page that is not the
 * app never sees `window.desk`, even if it were somehow loaded into the window.
 */
export function registerBridgePreload(ses: Session): void {
  ses.registerPreloadScript({
    id: 'desk-bridge',
    type: 'frame',
    filePath: path.join(__dirname, 'preload.js'),
    matches: [`${APP_ORIGIN}/*`],
  });
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function createMainWindow(ses: Session): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: '协会办事台',
    backgroundColor: '#f5f5f5',
    webPreferences: {
      session: ses,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY);
  return win;
}
