import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { t } from '../../i18n';
import { problemMessage, settle, type AdminProblem } from '../common/problem';
import { ErrorAlert, StatusRegion } from '../common/StatusMessages';
import type { RegistrationReport, ResetReport } from '../common/types';
import { RegistrationByMethodChart, RegistrationsByDayChart } from './RegistrationCharts';
import { ResetCharts } from './ResetChartsGroup';

const PERIODS = [7, 30, 90] as const;

interface Reports {
  resets: ResetReport | null;
  registration: RegistrationReport | null;
  problem: AdminProblem | null;
}

/** Usage of self-service reset and registration coverage, as charts with text alternatives. */
export default function ActivityPage() {
  const [days, setDays] = useState<number>(30);
  const [reports, setReports] = useState<Reports | null>(null);

  useEffect(() => {
    let current = true;
    void Promise.all([
      settle(api.GET('/api/v1/admin/reports/resets', { params: { query: { days } } })),
      settle(api.GET('/api/v1/admin/reports/registration', { params: { query: { days } } })),
    ]).then(([resets, registration]) => {
      if (!current) return;
      setReports({
        resets: resets.ok ? resets.data : null,
        registration: registration.ok ? registration.data : null,
        problem: !resets.ok ? resets.problem : !registration.ok ? registration.problem : null,
      });
    });
    return () => {
      current = false;
    };
  }, [days]);

  return (
    <section aria-labelledby="admin-activity-heading">
      <h2 id="admin-activity-heading">{t('admin.activity.title')}</h2>
      <div className="admin-field admin-field-narrow">
        <label htmlFor="activity-days">{t('admin.activity.period')}</label>
        <select
          id="activity-days"
          value={days}
          onChange={(event) => {
            setReports(null);
            setDays(Number(event.target.value));
          }}
        >
          {PERIODS.map((period) => (
            <option key={period} value={period}>
              {t('admin.activity.lastDays', { days: period })}
            </option>
          ))}
        </select>
      </div>
      <StatusRegion message={reports === null ? t('admin.common.loading') : ''} />
      {reports?.problem && <ErrorAlert message={problemMessage(reports.problem)} />}
      {reports?.resets && <ResetCharts report={reports.resets} />}
      {reports?.registration && (
        <section aria-labelledby="activity-registration-heading">
          <h3 id="activity-registration-heading">{t('admin.activity.registrationTitle')}</h3>
          <div className="admin-chart-grid">
            <RegistrationByMethodChart report={reports.registration} />
            <RegistrationsByDayChart report={reports.registration} />
          </div>
        </section>
      )}
    </section>
  );
}
