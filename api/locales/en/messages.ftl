# The service's own words: codes by email, text message and call. The web app's catalogue is
# in web-ui/src/i18n/ftl; both are Project Fluent. Every language has every message, with the
# same variables (a test checks it).

helpdesk-visit = If you need help, visit { $url }
helpdesk-write = If you need help, write to { $email }
helpdesk-contact = If you need help, contact your helpdesk.

code-email-subject = Your { $org } verification code
code-email-intro = Your { $org } verification code is:
code-email-html-intro = Your verification code is:
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
