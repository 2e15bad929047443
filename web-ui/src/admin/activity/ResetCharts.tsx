import { Bar, Line } from 'react-chartjs-2';
import { t } from '../../i18n';
import { methodName } from '../common/format';
import type { ResetReport } from '../common/types';
import ChartFigure from './ChartFigure';
import { baseOptions } from './chartSetup';

/** Resets, unlocks, started flows and failed verifications, day by day. */
export function ResetsByDayChart({ report }: { report: ResetReport }) {
  const labels = report.by_day.map((day) => day.date);
  const series = [
    { label: t('admin.activity.started'), data: report.by_day.map((d) => d.started) },
    { label: t('admin.activity.passwordResets'), data: report.by_day.map((d) => d.password_resets) },
    { label: t('admin.activity.unlocks'), data: report.by_day.map((d) => d.unlocks) },
    { label: t('admin.activity.failedVerifications'), data: report.by_day.map((d) => d.failed_verifications) },
  ];
  const totals = {
    resets: report.by_day.reduce((sum, d) => sum + d.password_resets, 0),
    unlocks: report.by_day.reduce((sum, d) => sum + d.unlocks, 0),
  };
  return (
    <ChartFigure
      id="activity-resets-by-day"
      title={t('admin.activity.resetsByDay', { days: report.days })}
      summary={t('admin.activity.resetsSummary', { resets: totals.resets, unlocks: totals.unlocks, days: report.days })}
      chart={<Line data={{ labels, datasets: series }} options={baseOptions<'line'>()} />}
      columns={[t('admin.activity.date'), ...series.map((s) => s.label)]}
      rows={report.by_day.map((d) => [d.date, d.started, d.password_resets, d.unlocks, d.failed_verifications])}
    />
  );
}

/** How each method did: verified, failed, and the resets and unlocks it helped finish. */
export function ResetsByMethodChart({ report }: { report: ResetReport }) {
  const labels = report.by_method.map((m) => methodName(m.kind));
  const series = [
    { label: t('admin.activity.verified'), data: report.by_method.map((m) => m.verified) },
    { label: t('admin.activity.failed'), data: report.by_method.map((m) => m.failed) },
    { label: t('admin.activity.passwordResets'), data: report.by_method.map((m) => m.password_resets) },
    { label: t('admin.activity.unlocks'), data: report.by_method.map((m) => m.unlocks) },
  ];
  return (
    <ChartFigure
      id="activity-resets-by-method"
      title={t('admin.activity.byMethod')}
      chart={<Bar data={{ labels, datasets: series }} options={baseOptions<'bar'>()} />}
      columns={[t('admin.activity.method'), ...series.map((s) => s.label)]}
      rows={report.by_method.map((m) => [methodName(m.kind), m.verified, m.failed, m.password_resets, m.unlocks])}
    />
  );
}
