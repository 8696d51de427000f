// Renderer entry. It starts the start page's worker, then loads the window's code in steps.
import { localToday } from '@shared/domain/today';
import { parseHash } from './app/routes';
import { watchEarly } from './features/home/home-client';
// antd's styles as one static stylesheet (zero-runtime mode, app/mount.tsx): no style is computed
// or injected while a page renders, and none is removed and rebuilt when a page is left and opened
// again; the theme's tokens reach it as CSS variables. Imported here, the stylesheets are links in
// the page's head, read with the page rather than when the app's code arrives.
import 'antd/dist/antd.css';
import './app/app.css';

// The window opens on the start page: its worker starts reading now, while the window's code loads.
if (parseHash(window.location.hash).area === 'home') watchEarly(localToday());

const root = document.getElementById('root');
if (!root) throw new Error('root element missing');

// Each import below evaluates its modules in a task of its own (React's renderer, then the data
// layer, then antd and the app; vite.config.ts has all of them fetched with the page). Evaluated as
// one module graph, they were one task of 150–270 ms at every start on a 2-core machine.
await import('react-dom/client');
const { db } = await import('./db/database');
// Chromium's opening of the store is most of a start (0.7–1 s at a whole university's scale): it
// starts now, while antd and the app are evaluated. A failure is the app's first read's to show.
db.open().catch(() => undefined);
const { mount } = await import('./app/mount');
mount(root);
