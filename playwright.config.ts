// e2e: the built renderer (browser edition) in Debian's Chromium, served by `vite preview`.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/chromium';

// E2E_PORT lets two e2e runs (e.g. a fresh-clone CI check beside a local run) use different ports.
const port = Number(process.env.E2E_PORT ?? 4317);

export default defineConfig({
  testDir: 'test/e2e',
  // Generous bounds: they catch a hang, while a 2-core machine under load (seen: loading the demo
  // data, 0.4 s alone, exceeded 15 s while other processes took the cores) does not fail a test.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
    // The app then turns antd's animations off (renderer/app/mount.tsx): a click or a keystroke never lands
    // on a dialog still zooming in, which on a loaded machine lost clicks and moved the focus.
    reducedMotion: 'reduce',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    },
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
