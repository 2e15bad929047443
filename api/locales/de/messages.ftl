# Die eigenen Texte des Dienstes: Codes per E-Mail, SMS und Anruf.

helpdesk-visit = Wenn Sie Hilfe brauchen, besuchen Sie { $url }
helpdesk-write = Wenn Sie Hilfe brauchen, schreiben Sie an { $email }
helpdesk-contact = Wenn Sie Hilfe brauchen, wenden Sie sich an Ihren Helpdesk.

code-email-subject = Ihr Bestätigungscode für { $org }
code-email-intro = Ihr Bestätigungscode für { $org } lautet:
code-email-expiry = Er läuft in { $minutes ->
        [one] { $minutes } Minute
       *[other] { $minutes } Minuten
    } ab. Niemand von { $org } wird Sie jemals danach fragen.
code-email-ignore = Wenn Sie diesen Code nicht angefordert haben, können Sie diese Nachricht ignorieren.
code-sms = { $code } ist Ihr Bestätigungscode für { $org }. Er läuft in { $minutes ->
        [one] { $minutes } Minute
       *[other] { $minutes } Minuten
    } ab. Geben Sie ihn nicht weiter.
code-voice = Ihr Bestätigungscode für { $org } lautet { $digits }. Noch einmal: { $digits }.

# Benachrichtigungen: E-Mails zum Konto. Die Absätze des Textes sind einzelne Nachrichten; die
# Administratoren können Betreff und Text einer Benachrichtigung je Sprache ersetzen (customization.messages).
notice-greeting = Guten Tag { $name },
notice-not-you = Wenn Sie das nicht waren, informieren Sie sofort Ihren Helpdesk.

security-info-changed-subject = Ihre Sicherheitsinformationen für { $org } wurden geändert
security-info-changed-body = Die Sicherheitsinformationen Ihres Kontos bei { $org } wurden am { $when } geändert: { $change }.
security-info-changed-advice = Wenn Sie das waren, müssen Sie nichts weiter tun. Wenn nicht, hat möglicherweise jemand anderes Zugriff auf Ihr Konto: Ändern Sie Ihr Passwort und informieren Sie sofort Ihren Helpdesk.

password-reset-subject = Ihr Passwort für { $org } wurde zurückgesetzt
password-reset-body = Das Passwort Ihres Kontos bei { $org } wurde am { $when } über den Passwort-Self-Service zurückgesetzt.

account-unlocked-subject = Ihr Konto bei { $org } wurde entsperrt
account-unlocked-body = Ihr Konto bei { $org } wurde am { $when } über den Passwort-Self-Service entsperrt. Ihr Passwort wurde nicht geändert.

administrator-reset-subject = Ein Administrator von { $org } hat sein Passwort zurückgesetzt
administrator-reset-body = Der Administrator { $administrator } hat am { $when } sein Passwort über den Passwort-Self-Service zurückgesetzt.

recovery-code-used-subject = Ein Wiederherstellungscode für { $org } wurde verwendet
recovery-code-used-body = Einer Ihrer Wiederherstellungscodes wurde am { $when } verwendet, um { $purpose ->
        [unlock_account] Ihr Konto zu entsperren
        [step_up] eine Änderung Ihrer Sicherheitsinformationen zu bestätigen
       *[reset_password] Ihr Passwort zurückzusetzen
    }. Dieser Code funktioniert nicht mehr; Sie haben noch { $left } von { $total } Codes.
recovery-code-used-few = Erstellen Sie unter „Meine Sicherheitsinformationen“ neue Codes, bevor alle aufgebraucht sind.

account-locked-subject = Ihr Konto bei { $org } wurde gesperrt
account-locked-body = Ihr Konto bei { $org } wurde am { $when } nach { $failures ->
        [one] { $failures } fehlgeschlagenen Anmeldeversuch
       *[other] { $failures } fehlgeschlagenen Anmeldeversuchen
    } gesperrt. Es wird in { $minutes ->
        [one] { $minutes } Minute
       *[other] { $minutes } Minuten
    } automatisch entsperrt, Sie können es aber auch jetzt entsperren.
account-locked-link = Konto entsperren: { $link }

# Was geändert wurde, in „Sicherheitsinformationen geändert“ ({ $change }).
change-added = { $method } hinzugefügt
change-added-named = { $method } { $detail } hinzugefügt
change-replaced = { $method } geändert
change-removed = { $method } entfernt
change-questions-added = Sicherheitsfragen hinzugefügt
change-questions-changed = Sicherheitsfragen geändert
change-codes-generated = Wiederherstellungscodes erstellt
change-codes-regenerated = neue Wiederherstellungscodes erstellt (die alten funktionieren nicht mehr)

method-email = E-Mail-Adresse
method-mobile_sms = Mobiltelefon für SMS
method-mobile_voice = Mobiltelefon für Anrufe
method-office_voice = Bürotelefon
method-authenticator_app = Authentifizierungs-App
method-security_questions = Sicherheitsfragen
method-recovery_codes = Wiederherstellungscodes
method-passkey = Passkey
