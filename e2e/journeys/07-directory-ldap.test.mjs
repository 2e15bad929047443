// Journey 7: people kept in OpenLDAP (a real slapd, the integration tests' own fixture). A person
// of the directory signs in through the app (a bind as them), registers the mobile phone the
// form suggests from the directory, resets a forgotten password through /recover — and the new
// password binds in slapd itself (ldapwhoami) — then locks the account in slapd with wrong
// passwords on the sign-in page and unlocks it through /recover.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { journey, apiAs, setPilotPolicy } from '../lib/journey.mjs';
import { binds, registerResetUnlock, startFixture } from '../lib/directory.mjs';

test('7. a person kept in OpenLDAP registers, resets and unlocks through the app (sqlite)', async () => {
  const slapd = await startFixture('slapd_fixture');
  const dn = slapd.people.find((p) => p.username === 'lee').dn;
  try {
    await journey('07-ldap', { backend: 'sqlite', env: slapd.env }, async (j) => {
      // Dana administers through the directory's sspr-admins group; staff are in scope.
      const api = await apiAs(j.stack.url, 'dana', slapd.seed_password);
      const groups = (await api('GET', '/api/v1/admin/groups')).body.items;
      const staff = groups.find((g) => g.name === 'staff');
      assert.ok(staff, `the directory's groups: ${JSON.stringify(groups)}`);
      await setPilotPolicy(api, staff.group_id, { methods_required: 1, methods_enabled: ['email', 'mobile_sms'] });
      await registerResetUnlock(j, {
        person: 'lee',
        phone: '+14155550301',
        password: slapd.seed_password,
        newPassword: 'granite meadow kestrel sings 58',
        lockAfter: 3,
        bindsAs: (password) => binds(slapd, dn, password),
      });
    });
  } finally {
    await slapd.stop();
  }
});
