import { Bar } from 'react-chartjs-2';
import { t } from '../../i18n';
import { methodName } from '../common/format';
import type { RegistrationReport } from '../common/types';
import ChartFigure from './ChartFigure';
import { baseOptions } from './chartSetup';

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

/** How many people have registered each method, against everyone who could. */
export function RegistrationByMethodChart({ report }: { report: RegistrationReport }) {
  const labels = report.by_method.map((m) => methodName(m.kind));
  const label = t('admin.activity.usersWithMethod');
  return (
    <ChartFigure
      id="activity-registration-by-method"
      title={t('admin.activity.registrationByMethod')}
      summary={t('admin.activity.registrationSummary', {
        registered: report.users_registered,
        total: report.users_total,
        percent: percent(report.users_registered, report.users_total),
      })}
      chart={
        <Bar data={{ labels, datasets: [{ label, data: report.by_method.map((m) => m.users) }] }} options={baseOptions<'bar'>()} />
      }
      columns={[t('admin.activity.method'), label, t('admin.activity.share')]}
      rows={report.by_method.map((m) => [
        methodName(m.kind),
        m.users,
        t('admin.activity.percent', { percent: percent(m.users, report.users_total) }),
      ])}
    />
  );
}

/** Methods registered (verified) per day. */
export function RegistrationsByDayChart({ report }: { report: RegistrationReport }) {
  const label = t('admin.activity.registrations');
  return (
    <ChartFigure
      id="activity-registrations-by-day"
      title={t('admin.activity.registrationsByDay')}
      chart={
        <Bar
          data={{ labels: report.by_day.map((d) => d.date), datasets: [{ label, data: report.by_day.map((d) => d.registrations) }] }}
          options={baseOptions<'bar'>()}
        />
      }
      columns={[t('admin.activity.date'), label]}
      rows={report.by_day.map((d) => [d.date, d.registrations])}
    />
  );
}
