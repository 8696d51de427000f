// Renderer entry: mounts the app with the Chinese locale.
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { z } from 'zod';
// antd's styles as one static stylesheet (zero-runtime mode below): no style is computed or
// injected while a page renders, and none is removed and rebuilt when a page is left and opened
// again; the theme's tokens reach it as CSS variables.
import 'antd/dist/antd.css';
import { localToday } from '@shared/domain/today';
import { App } from './app/app';
import { parseHash } from './app/routes';
import { watchEarly } from './features/home/home-client';
import { MessageHost } from './app/message-host';
import './app/app.css';

dayjs.locale('zh-cn');
// The CSP forbids eval; tell zod not to probe for it (the probe logs a CSP violation).
z.config({ jitless: true });

// A clerk who asked the system for reduced motion gets no animations: dialogs are there at once.
const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

// The window opens on the start page: its worker starts reading now, while the first screen renders.
if (parseHash(window.location.hash).area === 'home') watchEarly(localToday());

const root = document.getElementById('root');
if (!root) throw new Error('root element missing');

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
