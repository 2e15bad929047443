import { Link } from 'react-router-dom';
import { t } from '../i18n';

export function NotFoundPage() {
  return (
    <div className="narrow">
      <h1>{t('app.not_found.title')}</h1>
      <p>{t('app.not_found.body')}</p>
      <p>
        <Link to="/">{t('app.not_found.home')}</Link>
      </p>
    </div>
  );
}
