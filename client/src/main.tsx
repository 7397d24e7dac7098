import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { captureToken } from './auth/token';
import { initI18n } from './i18n';
import { App } from './App';
import { registerServiceWorker } from './collab/serviceWorker';
import { handOverFirstPaint } from './firstPaint/firstPaint';
import './styles/app.css';

// Take the token out of the address bar before anything renders or is logged.
captureToken();

async function start(): Promise<void> {
  await initI18n();
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // A document link arrives with its text already on screen: the editor takes over from it.
  handOverFirstPaint(container);
}

registerServiceWorker();

start().catch((error: unknown) => {
  // The translation layer itself failed: nothing better to show than the bare error.
  document.body.textContent = String(error);
});
