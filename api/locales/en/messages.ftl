# The service's own words: codes by email, text message and call. The web app's catalogue is
# in web-ui/src/i18n/ftl; both are Project Fluent. Every language has every message, with the
# same variables (a test checks it).

helpdesk-visit = If you need help, visit { $url }
helpdesk-write = If you need help, write to { $email }
helpdesk-contact = If you need help, contact your helpdesk.

code-email-subject = Your { $org } verification code
code-email-intro = Your { $org } verification code is:
code-email-expiry = It expires in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. Nobody from { $org } will ever ask you for it.
code-email-ignore = If you did not ask for this code, you can ignore this message.
code-sms = { $code } is your { $org } verification code. It expires in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. Do not share it.
code-voice = Your { $org } verification code is { $digits }. Again: { $digits }.

# Notices: emails about the account. The body's paragraphs are separate messages; the
# administrators may replace a notice's subject and body per language (customization.messages).
notice-greeting = Hello { $name },
notice-not-you = If this was not you, tell your helpdesk now.

security-info-changed-subject = Your { $org } security info changed
security-info-changed-body = The security info of your { $org } account changed on { $when }: { $change }.
security-info-changed-advice = If this was you, there is nothing to do. If it was not, someone else may have access to your account: change your password and tell your helpdesk now.

password-reset-subject = Your { $org } password was reset
password-reset-body = The password of your { $org } account was reset on { $when } using self-service password reset.

account-unlocked-subject = Your { $org } account was unlocked
account-unlocked-body = Your { $org } account was unlocked on { $when } using self-service password reset. Your password did not change.

administrator-reset-subject = An { $org } administrator reset their password
administrator-reset-body = The administrator { $administrator } reset their password on { $when } using self-service password reset.

recovery-code-used-subject = A { $org } recovery code was used
recovery-code-used-body = One of your recovery codes was used on { $when } to { $purpose ->
        [unlock_account] unlock your account
        [step_up] confirm a change of your security info
       *[reset_password] reset your password
    }. It no longer works; { $left } of your { $total } codes are left.
recovery-code-used-few = Generate a new set in My security info before they run out.

account-locked-subject = Your { $org } account was locked
account-locked-body = Your { $org } account was locked on { $when } after { $failures } failed sign-ins. It unlocks by itself in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }, or you can unlock it now.
account-locked-link = Unlock your account: { $link }

# What changed, in "security info changed" ({ $change }).
change-added = { $method } added
change-added-named = { $method } { $detail } added
change-replaced = { $method } changed
change-removed = { $method } removed
change-questions-added = security questions added
change-questions-changed = security questions changed
change-codes-generated = recovery codes generated
change-codes-regenerated = new recovery codes generated (the old ones no longer work)

method-email = email address
method-mobile_sms = mobile phone for text messages
method-mobile_voice = mobile phone for calls
method-office_voice = office phone
method-authenticator_app = authenticator app
method-security_questions = security questions
method-recovery_codes = recovery codes
method-passkey = passkey
