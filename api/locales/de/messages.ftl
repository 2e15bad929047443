# Die eigenen Texte des Dienstes: Codes per E-Mail, SMS und Anruf.

helpdesk-visit = Wenn Sie Hilfe brauchen, besuchen Sie { $url }
helpdesk-write = Wenn Sie Hilfe brauchen, schreiben Sie an { $email }
helpdesk-contact = Wenn Sie Hilfe brauchen, wenden Sie sich an Ihren Helpdesk.

code-email-subject = Ihr Bestätigungscode für { $org }
code-email-intro = Ihr Bestätigungscode für { $org } lautet:
code-email-html-intro = Ihr Bestätigungscode lautet:
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
