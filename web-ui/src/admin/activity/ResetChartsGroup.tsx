import { t } from '../../i18n';
import type { ResetReport } from '../common/types';
import { ResetsByDayChart, ResetsByMethodChart } from './ResetCharts';

/** The self-service reset and unlock charts, under one heading. */
export function ResetCharts({ report }: { report: ResetReport }) {
  return (
    <section aria-labelledby="activity-resets-heading">
      <h3 id="activity-resets-heading">{t('admin.activity.resetsTitle')}</h3>
      <div className="admin-chart-grid">
        <ResetsByDayChart report={report} />
        <ResetsByMethodChart report={report} />
      </div>
    </section>
  );
}
