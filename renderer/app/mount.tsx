// Mounts the window: antd's locale, theme and message host around the app.
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { z } from 'zod';
import { App } from './app';
import { MessageHost } from './message-host';

/** Renders the app into `root`. */
export function mount(root: HTMLElement): void {
  dayjs.locale('zh-cn');
  // The CSP forbids eval; tell zod not to probe for it (the probe logs a CSP violation).
  z.config({ jitless: true });

  // A clerk who asked the system for reduced motion gets no animations: dialogs are there at once.
  const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

  // The first render is a transition: React renders the window in slices and lets the browser run
  // between them, instead of one long task while the clerk's first click waits.
  const app = createRoot(root);
  startTransition(() => {
    app.render(
      <StrictMode>
        <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ zeroRuntime: true, token: { colorPrimary: '#a61b29', borderRadius: 4, motion: !reducedMotion } }}>
          <AntApp>
            <MessageHost />
            <App />
          </AntApp>
        </ConfigProvider>
      </StrictMode>,
    );
  });
}
