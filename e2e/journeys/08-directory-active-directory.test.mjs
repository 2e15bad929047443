// Journey 8: people kept in Active Directory (a real Samba DC over LDAPS, the integration tests'
// own fixture; it needs root). As journey 7: a person of the directory signs in through the app,
// registers the mobile phone the directory keeps, resets a forgotten password — written to
// `unicodePwd`, and it binds in the DC itself — is locked out by the domain's policy after wrong
// passwords on the sign-in page, and unlocks through /recover (`lockoutTime` back to 0).
import { test } from 'node:test';
import { journey, apiAs, setPilotPolicy } from '../lib/journey.mjs';
import { binds, ldapAdd, registerResetUnlock, startFixture, unicodePwd } from '../lib/directory.mjs';

const PHONE = '+14155550401';

test('8. a person kept in Active Directory registers, resets and unlocks through the app (sqlite)', async () => {
  const dc = await startFixture('samba_fixture');
  const dn = `CN=lee,${dc.ou}`;
  ldapAdd(dc, `dn: ${dn}\nobjectClass: user\nsAMAccountName: lee\ndisplayName: Lee Person\n`
    + `mail: lee@example.org\nmobile: ${PHONE}\nunicodePwd:: ${unicodePwd(dc.seed_password)}\nuserAccountControl: 512\n`);
  try {
    await journey('08-active-directory', { backend: 'sqlite', env: dc.env }, async (j) => {
      // The OU's administrator is the one member of its SSPR Admins group; everyone is in scope.
      const api = await apiAs(j.stack.url, dc.admin, dc.seed_password);
      await setPilotPolicy(api, null, { scope: 'all', group_ids: [], methods_required: 1, methods_enabled: ['email', 'mobile_sms'] });
      await registerResetUnlock(j, {
        person: 'lee',
        phone: PHONE,
        password: dc.seed_password,
        // The domain's complexity rule wants an upper-case letter too.
        newPassword: 'Granite meadow kestrel sings 58',
        lockAfter: 3,
        // Samba has no Who am I? operation: a bind by ldapsearch.
        bindsAs: (password) => binds(dc, dn, password, { whoami: false }),
      });
    });
  } finally {
    await dc.stop();
  }
});
