app-name = Passwort-Self-Service
app-skip_to_content = Zum Hauptinhalt springen
app-language = Sprache
app-theme = Farben
app-theme-system = Wie auf diesem Gerät
app-theme-light = Hell
app-theme-dark = Dunkel
app-loading = Wird geladen…
app-not_found-title = Seite nicht gefunden
app-not_found-body = Unter dieser Adresse gibt es nichts.
app-not_found-home = Zur Startseite
nav-label = Hauptnavigation
nav-security_info = Meine Sicherheitsinformationen
nav-change_password = Passwort ändern
nav-admin = Verwaltung
nav-sign_out = Abmelden
nav-sign_in = Anmelden
nav-signed_in_as = Angemeldet als { $name }
action-continue = Weiter
action-cancel = Abbrechen
action-back = Zurück
action-save = Speichern
action-verify = Bestätigen
action-remove = Entfernen
action-start_again = Neu beginnen
action-try_again = Erneut versuchen
action-working = Bitte warten…
helpdesk-stuck = Kommen Sie nicht weiter?
helpdesk-link = Wenden Sie sich an Ihren Helpdesk
helpdesk-email = Schreiben Sie Ihrem Helpdesk an { $email }
helpdesk-none = Wenn Sie nicht weiterkommen, wenden Sie sich an Ihren IT-Helpdesk.
form-required = Dieses Feld ist erforderlich.
form-error_summary = Bitte korrigieren Sie die markierten Felder.
error-network_error = Der Dienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.
error-server_error = Bei uns ist ein Fehler aufgetreten. Bitte versuchen Sie es gleich noch einmal.
error-internal_error = Bei uns ist ein Fehler aufgetreten. Bitte versuchen Sie es gleich noch einmal.
error-unexpected = Ein Fehler ist aufgetreten. Bitte versuchen Sie es erneut.
error-unauthenticated = Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.
error-forbidden = Dazu sind Sie nicht berechtigt.
error-cross_site_request = Diese Anfrage kam von einer anderen Website und wurde abgelehnt. Öffnen Sie diesen Dienst über seine eigene Adresse und versuchen Sie es erneut.
error-password_change_required = Ihr Passwort wurde von einem Administrator festgelegt. Wählen Sie zuerst ein eigenes Passwort.
error-not_found = Das gibt es nicht mehr. Laden Sie die Seite neu und versuchen Sie es erneut.
error-validation_failed = Einige Felder sind ungültig.
error-throttled = Zu viele Versuche. Bitte warten Sie { $wait } und versuchen Sie es dann erneut.
error-throttled_no_wait = Zu viele Versuche. Bitte warten Sie kurz und versuchen Sie es dann erneut.
error-overloaded = Der Dienst ist ausgelastet. Bitte versuchen Sie es in { $wait } erneut.
error-storage_unavailable = Der Dienst ist ausgelastet. Bitte versuchen Sie es gleich noch einmal.
error-payload_too_large = Ihre Eingabe ist zu lang.
error-unsupported_media_type = Die Anfrage konnte nicht gelesen werden. Bitte laden Sie die Seite neu.
error-malformed_json = Die Anfrage konnte nicht gelesen werden. Bitte laden Sie die Seite neu.
error-delivery_failed = Die Nachricht konnte nicht gesendet werden. Es wurde nichts angerechnet; bitte versuchen Sie es erneut.
error-country_not_allowed = SMS und Anrufe in dieses Land sind hier nicht aktiviert. Verwenden Sie eine Nummer in einem anderen Land oder eine andere Methode.
captcha-label = Ich bin kein Roboter
captcha-verifying = Wird geprüft…
captcha-verified = Geprüft
captcha-error = Die Prüfung ist fehlgeschlagen. Versuchen Sie es erneut.
captcha-expired = Die Prüfung ist abgelaufen. Bitte wiederholen Sie sie.
captcha-required = Bitte schließen Sie zuerst die Prüfung ab.
captcha-wait = Wird geprüft… bitte warten.
captcha-reload = Neu laden
wait-seconds = { $n ->
        [one] { $n } Sekunde
       *[other] { $n } Sekunden
    }
wait-one_second = 1 Sekunde
wait-minutes = { $n ->
        [one] { $n } Minute
       *[other] { $n } Minuten
    }
wait-one_minute = 1 Minute
wait-hours = { $n ->
        [one] { $n } Stunde
       *[other] { $n } Stunden
    }
wait-one_hour = 1 Stunde
