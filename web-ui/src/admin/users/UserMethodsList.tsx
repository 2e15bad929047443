import { t } from '../../i18n';
import { formatDateTime, methodName } from '../common/format';
import type { MethodView } from '../common/types';

/** A user's registered methods, masked as the API gives them: never a full address or number. */
export default function UserMethodsList({ methods }: { methods: MethodView[] }) {
  if (methods.length === 0) return <p>{t('admin.user.noMethods')}</p>;
  return (
    <div className="admin-table-wrap" role="region" aria-label={t('admin.user.methods')} tabIndex={0}>
      <table className="admin-table">
        <caption className="admin-visually-hidden">{t('admin.user.methods')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.user.methodKind')}</th>
            <th scope="col">{t('admin.user.methodHint')}</th>
            <th scope="col">{t('admin.user.methodStatus')}</th>
            <th scope="col">{t('admin.user.methodAdded')}</th>
          </tr>
        </thead>
        <tbody>
          {methods.map((method) => (
            <tr key={method.method_id}>
              <td>{methodName(method.kind)}</td>
              <td>{method.hint}</td>
              <td>{method.status === 'active' ? t('admin.user.methodActive') : t('admin.user.methodPending')}</td>
              <td>{formatDateTime(method.activated_at ?? method.created_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
