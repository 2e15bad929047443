import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App';
import { initialLanguage, setLanguage } from './i18n';
import './styles.css';
import { applyTheme, savedTheme } from './theme';

applyTheme(savedTheme());
const root = document.getElementById('root');
// The first page is drawn in the person's language (English at once; another once loaded).
void setLanguage(initialLanguage()).finally(() => {
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
