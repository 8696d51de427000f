// Entry of the Electron main process (bundled to dist-electron/main.cjs). Deliberately thin: it
// wires the app:// protocol, the security policy, the IPC handlers, the menu, one window and the
// on-quit backup (./quit-flow.ts). No business rules live here; the renderer owns the data.
import path from 'node:path';
import { app, dialog, Menu, protocol, session, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { createBackupHost, registerIpcHandlers } from './ipc';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { APP_SCHEME, APP_START_URL, hardenAllContents, hardenSession, parseDevServerUrl, type SecurityOptions } from './security';
import { QuitFlow } from './quit-flow';
import { createMainWindow } from './window';

/** Chinese application menu: only what a clerk needs (quit, editing shortcuts, zoom for printing checks). */
export function buildMenuTemplate(devMode: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: '重新加载' },
    { type: 'separator' },
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (devMode) view.push({ type: 'separator' }, { role: 'toggleDevTools', label: '开发者工具' });
  return [
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
  ];
}

/** Starts the app. Runs once, when the bundle is loaded by Electron. */
export function startMainProcess(): void {
  // Privileged schemes can only be registered before `ready`.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

  if (!app.requestSingleInstanceLock()) {
    // Two instances would write the same IndexedDB; the first one is focused instead.
    app.quit();
    return;
  }

  // The dev server is honoured only from an unpackaged checkout started with --dev.
  const devOrigin = !app.isPackaged && process.argv.includes('--dev')
    ? parseDevServerUrl(process.env.VITE_DEV_SERVER_URL)
    : undefined;
  const options: SecurityOptions = { devOrigin };
  const startUrl = devOrigin ? `${devOrigin}/` : APP_START_URL;
  let mainWindow: BrowserWindow | undefined;

  hardenAllContents(app, options);

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => app.quit());

  // Closing the window or quitting from the menu first lets the page make its on-quit backup;
  // the host accepts one only then.
  const backups = createBackupHost({ closing: () => quit.closing });
  const quit = new QuitFlow({ beforeClose: () => backups.abortAll(), busy: () => backups.writing });
  app.on('before-quit', (event) => quit.beforeQuit(event));

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession, options);
      protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(app.getAppPath(), 'dist', 'renderer')));
      registerIpcHandlers(options, { backups, quit });
      Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(devOrigin !== undefined)));
      mainWindow = createMainWindow(startUrl);
      quit.attach(mainWindow);
      mainWindow.on('closed', () => {
        mainWindow = undefined;
      });
      // Temporary files left by a backup that a crash or power cut interrupted.
      void backups.cleanUp().catch((error: unknown) => console.error('[main] backup clean-up failed:', error));
    })
    .catch((error: unknown) => {
      console.error('[main] startup failed:', error);
      dialog.showErrorBox('新媒体阵地台账无法启动', '程序启动时出错。请重新安装本程序；若仍无法启动，请联系信息化管理部门。');
      app.exit(1);
    });
}

startMainProcess();
