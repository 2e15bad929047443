## Anmelden

signin-title = Anmelden
signin-intro = Melden Sie sich an, um festzulegen, wie Sie Ihre Identität nachweisen, wenn Sie Ihr Passwort vergessen haben.
signin-username = Benutzername
signin-password = Passwort
signin-submit = Anmelden
signin-cant_access = Sie können nicht auf Ihr Konto zugreifen?
signin-error-invalid_credentials = Benutzername oder Passwort ist falsch.
signin-error-account_locked = Ihr Konto wurde nach zu vielen fehlgeschlagenen Anmeldeversuchen gesperrt. Versuchen Sie es in { $wait } erneut, oder entsperren Sie es jetzt.
signin-error-account_locked_no_wait = Ihr Konto wurde nach zu vielen fehlgeschlagenen Anmeldeversuchen gesperrt. Versuchen Sie es später erneut, oder entsperren Sie es jetzt.
signin-error-account_disabled = Ihr Konto ist deaktiviert. Wenden Sie sich an Ihren Helpdesk.
signin-unlock_link = Mein Konto entsperren
signin-signed_out = Sie haben sich abgemeldet.

## Methoden

method-email = E-Mail
method-mobile_sms = Mobiltelefon (SMS)
method-mobile_voice = Mobiltelefon (Sprachanruf)
method-office_voice = Bürotelefon (Sprachanruf)
method-authenticator_app = Authentifizierungs-App
method-security_questions = Sicherheitsfragen
method-recovery_codes = Wiederherstellungscodes
method-passkey = Passkey
method-codes_left = Noch { $n } von 10 Codes verfügbar
method-status-active = Aktiv
method-status-pending = Wartet auf den Code
method-status-pending_app = Nicht abgeschlossen: entfernen und neu einrichten

## Sicherheitsinformationen

security-title = Meine Sicherheitsinformationen
security-intro = Mit diesen Methoden können Sie Ihre Identität nachweisen, wenn Sie Ihr Passwort zurücksetzen oder Ihr Konto entsperren.
security-status = Eingerichtete Methoden: { $registered }. Erforderlich: { $required }.
security-compliant = Sie haben genügend Methoden eingerichtet, um Ihr Passwort selbst zurückzusetzen.
security-not_compliant = Fügen Sie weitere Methoden hinzu: Sie benötigen { $required ->
        [one] { $required } Methode
       *[other] { $required } Methoden
    }, um Ihr Passwort selbst zurückzusetzen.
security-list_label = Ihre Methoden
security-none = Sie haben noch keine Methode eingerichtet.
security-added_on = Hinzugefügt am { $date }
security-remove = { $method } entfernen
security-remove_confirm = { $method } ({ $hint }) entfernen? Sie können diese Methode dann nicht mehr verwenden, um Ihr Passwort zurückzusetzen.
security-removed = { $method } wurde entfernt.
security-removed_short = { $method } wurde entfernt. Sie haben jetzt weniger Methoden als erforderlich: Fügen Sie eine weitere hinzu, damit Sie Ihr Passwort weiterhin selbst zurücksetzen können.
security-enter_code_for = Geben Sie den Code für { $method } ein
security-add_title = Methode hinzufügen
security-add_kind = Hinzuzufügende Methode
security-add_button = { $method } hinzufügen
security-added = { $method } ist eingerichtet.
security-reconfirm_title = Sind diese Angaben noch aktuell?
security-reconfirm_intro = Bitte prüfen Sie, ob Ihre Methoden noch korrekt und aktuell sind.
security-reconfirm_button = Ja, sie sind noch korrekt
security-reconfirmed = Vielen Dank, Ihre Methoden sind bestätigt.
security-reconfirm_due = Bitte bestätigen Sie Ihre Methoden bis { $date }.
security-error-use_security_questions_endpoint = Richten Sie Sicherheitsfragen über das Fragenformular ein.
security-error-method_not_enabled = Ihre Organisation lässt diese Methode nicht zu.
security-error-not_allowed_for_administrators = Administratoren können diese Methode nicht verwenden.
security-error-already_active = Diese Methode ist bereits eingerichtet.
security-error-no_code_method = Diese Methode verwendet keinen Code.
security-error-no_code_pending = Für diese Methode steht kein Code aus. Fordern Sie einen neuen an.

## Formulare zum Hinzufügen

add-email-label = E-Mail-Adresse
add-email-help = Wir senden einen Code an diese Adresse.
add-phone-label = Telefonnummer
add-phone-help = Im internationalen Format, beginnend mit + und der Landesvorwahl, zum Beispiel +44 20 7946 0958.
add-extension-label = Durchwahl (optional)
add-extension-help = Nur Ziffern.
add-send_code = Code senden
add-code_sent_email = Wir haben einen Code an { $hint } gesendet.
add-code_sent_phone_sms = Wir haben eine SMS mit einem Code an { $hint } gesendet.
add-code_sent_phone_voice = Wir rufen { $hint } an und lesen Ihnen einen Code vor.
add-app-intro = Öffnen Sie Ihre Authentifizierungs-App, fügen Sie ein Konto hinzu, und scannen Sie diesen QR-Code.
add-app-qr_alt = QR-Code für Ihre Authentifizierungs-App
add-app-manual = Scannen nicht möglich? Geben Sie stattdessen diesen Schlüssel in der App ein:
add-app-start = Authentifizierungs-App einrichten
add-app-code_label = Der 6-stellige Code aus der App
add-app-code_help = Geben Sie den Code ein, den die App gerade anzeigt. Er ändert sich alle 30 Sekunden.
add-codes-intro = Mit Wiederherstellungscodes können Sie Ihr Passwort zurücksetzen, wenn Ihnen keine Ihrer anderen Methoden zur Verfügung steht. Jeder Code funktioniert nur einmal. Bewahren Sie die Codes an einem sicheren Ort auf, getrennt von Ihren Geräten.
add-codes-replace_intro = Neue Codes ersetzen Ihre aktuellen Codes: Die alten sind sofort ungültig.
add-codes-start = Wiederherstellungscodes erstellen
add-codes-regenerate = Neue Codes erstellen
add-codes-shown_once = Speichern Sie diese Codes jetzt: Sie werden nur dieses eine Mal angezeigt.
add-codes-list_label = Ihre Wiederherstellungscodes
add-codes-download = Herunterladen
add-codes-print = Drucken
add-codes-file_title = Ihre Wiederherstellungscodes, erstellt am { $date }. Jeder Code funktioniert nur einmal.
add-codes-saved = Ich habe meine Codes gespeichert
add-codes-done = Fertig
recover-recovery_code = Geben Sie einen Ihrer Wiederherstellungscodes ein. Jeder Code funktioniert nur einmal.
recover-recovery_code_label = Wiederherstellungscode
recover-recovery_code_help = Zum Beispiel abcd-efgh-jk. Bindestriche, Leerzeichen und Großschreibung spielen keine Rolle.
add-passkey-intro = Mit einem Passkey weisen Sie Ihre Identität über dieses Gerät (oder Ihr Smartphone) und dessen Fingerabdruck, Gesichtserkennung oder PIN nach. Sie müssen nichts eingeben, und Phishing ist nicht möglich.
add-passkey-name = Name
add-passkey-name_help = Damit Sie Ihre Passkeys unterscheiden können, zum Beispiel „Arbeitslaptop“.
add-passkey-start = Passkey erstellen
passkey-unsupported = Dieser Browser unterstützt keine Passkeys. Versuchen Sie es mit einem anderen Browser oder Gerät.
passkey-use = Meinen Passkey verwenden
passkey-recover_intro = Verwenden Sie einen Passkey, den Sie für dieses Konto erstellt haben. Ihr Browser fragt nach Ihrem Fingerabdruck, Ihrer Gesichtserkennung oder Ihrer PIN.
passkey-device-NotAllowedError = Der Passkey wurde nicht verwendet: Der Vorgang wurde abgebrochen oder hat zu lange gedauert, oder dieses Gerät hat keinen Passkey für dieses Konto.
passkey-device-InvalidStateError = Auf diesem Gerät ist bereits einer Ihrer Passkeys gespeichert.
passkey-device-NotSupportedError = Dieses Gerät kann die benötigte Art von Passkey nicht erstellen.
passkey-device-SecurityError = Passkeys funktionieren unter dieser Adresse nicht. Informieren Sie Ihren Helpdesk.
passkey-device-Unsupported = Dieser Browser unterstützt keine Passkeys. Versuchen Sie es mit einem anderen Browser oder Gerät.
field-passkey_rejected = Dieser Passkey wurde nicht akzeptiert. Verwenden Sie einen Passkey, den Sie für dieses Konto auf dieser Website erstellt haben.
field-passkey_not_requested = Das hat zu lange gedauert oder wurde bereits verwendet. Versuchen Sie es erneut.
security-error-passkeys_unavailable = Passkeys sind bei diesem Dienst nicht verfügbar. Informieren Sie Ihren Helpdesk.
add-questions-intro = Wählen Sie { $count ->
        [one] { $count } Frage
       *[other] { $count } Fragen
    } aus, und beantworten Sie sie. Antworten müssen 3 bis 40 Zeichen lang sein; Großschreibung und Leerzeichen spielen keine Rolle.
add-questions-question_n = Frage { $n }
add-questions-answer_n = Antwort { $n }
add-questions-choose = Frage auswählen
add-questions-save = Antworten speichern
add-questions-duplicate = Wählen Sie für jede Antwort eine andere Frage.
add-questions-answer_length = Antworten müssen 3 bis 40 Zeichen lang sein.

## Codeeingabe

code-label = Code
code-help = Geben Sie den Code ein, den Sie erhalten haben.
code-resend = Neuen Code senden
code-resend_in = Sie können in { $n } s einen neuen Code anfordern.
code-resent = Ein neuer Code wurde gesendet.
code-expires = Der Code ist { $wait } gültig.

## Feld- und Codefehler (der `code` der API)

field-invalid_code = Dieser Code ist falsch.
field-invalid_code_left = Dieser Code ist falsch. Noch { $n ->
        [one] { $n } Versuch
       *[other] { $n } Versuche
    }.
field-invalid_code_left_one = Dieser Code ist falsch. Noch 1 Versuch.
field-code_expired = Dieser Code ist abgelaufen. Fordern Sie einen neuen an.
field-too_many_attempts = Zu viele falsche Codes. Fordern Sie einen neuen an.
field-no_code_pending = Es wurde noch kein Code gesendet. Fordern Sie einen an.
field-wrong_answers = Diese Antworten sind nicht richtig. Bitte beantworten Sie die neuen Fragen.
field-questions_not_asked = Das sind nicht die aktuell gestellten Fragen. Bitte beantworten Sie die angezeigten Fragen.
field-totp_invalid = Dieser Code ist falsch. Prüfen Sie, ob die Uhrzeit Ihres Telefons stimmt, und geben Sie den aktuellen Code ein.
field-recovery_code_invalid = Das ist keiner Ihrer unbenutzten Wiederherstellungscodes. Jeder Code funktioniert nur einmal.
field-totp_replayed = Dieser Code wurde bereits verwendet. Warten Sie auf den nächsten Code in Ihrer App.
field-too_short = Das Passwort ist zu kurz.
field-too_long = Das Passwort ist zu lang.
field-common_password = Dieses Passwort ist zu verbreitet. Wählen Sie ein anderes.
field-banned_word = Das Passwort enthält ein Wort, das hier nicht zulässig ist.
field-personal_information = Das Passwort darf weder Ihren Namen noch Ihren Benutzernamen enthalten.
field-too_weak = Das Passwort ist zu leicht zu erraten. Versuchen Sie eine längere Passphrase aus mehreren Wörtern, die nichts miteinander zu tun haben.
field-reused = Sie haben dieses Passwort vor Kurzem verwendet. Wählen Sie ein neues.
field-invalid_characters = Das Passwort enthält unzulässige Zeichen.
field-incorrect = Ihr aktuelles Passwort ist falsch.
field-destination_mismatch = Das ist nicht die hinterlegte Adresse oder Nummer.
field-captcha_invalid = Die Prüfung, ob Sie ein Mensch sind, ist fehlgeschlagen oder abgelaufen. Bitte wiederholen Sie sie.
field-missing_field = Dieses Feld ist erforderlich.
field-invalid_email = Geben Sie eine gültige E-Mail-Adresse ein.
field-invalid_phone = Geben Sie die Nummer im internationalen Format ein, beginnend mit +.
field-invalid_extension = Die Durchwahl darf nur Ziffern enthalten.
field-unknown_question = Wählen Sie eine Frage aus der Liste.
field-mismatch = Die beiden Passwörter stimmen nicht überein.

## Passwörter

password-current = Aktuelles Passwort
password-new = Neues Passwort
password-confirm = Neues Passwort bestätigen
password-show = Passwörter anzeigen
password-rules_title = Ihr neues Passwort muss:
password-rule-min_length = mindestens { $n } Zeichen lang sein
password-rule-max_length = höchstens { $n } Zeichen lang sein
password-rule-strength = schwer zu erraten sein (am besten eine Passphrase aus mehreren Wörtern)
password-rule-match = in beiden Feldern übereinstimmen
password-rule-met = erfüllt
password-rule-not_met = noch nicht erfüllt
password-strength-label = Stärke
password-strength-0 = Sehr schwach
password-strength-1 = Schwach
password-strength-2 = Mittel
password-strength-3 = Stark
password-strength-4 = Sehr stark
password-strength-empty = Noch nicht eingegeben

## Passwort ändern

change-title = Passwort ändern
change-required = Ihr Passwort wurde von einem Administrator festgelegt. Wählen Sie ein eigenes Passwort, um fortzufahren.
change-submit = Passwort ändern
change-done = Ihr Passwort wurde geändert.

## Registrierung

register-title = Sicherheitsinformationen einrichten
register-intro = Ihre Organisation bittet Sie, { $required ->
        [one] { $required } Methode
       *[other] { $required } Methoden
    } zum Nachweis Ihrer Identität einzurichten. So können Sie Ihr Passwort selbst zurücksetzen, wenn Sie es vergessen.
register-intro_one = Ihre Organisation bittet Sie, eine Methode zum Nachweis Ihrer Identität einzurichten. So können Sie Ihr Passwort selbst zurücksetzen, wenn Sie es vergessen.
register-progress = { $registered } von { $required } eingerichtet
register-next = Weitere Methode hinzufügen
register-done = Alles erledigt. Sie können Ihr Passwort jetzt selbst zurücksetzen.
register-continue = Weiter zu meinen Sicherheitsinformationen
register-nothing_to_add = Es gibt keine weitere Methode, die Sie hinzufügen können. Wenden Sie sich an Ihren Helpdesk.

## Wiederherstellung

recover-title = Sie können nicht auf Ihr Konto zugreifen?
recover-intro = Weisen Sie Ihre Identität mit den eingerichteten Methoden nach. Wählen Sie dann ein neues Passwort, oder entsperren Sie Ihr Konto.
recover-username = Benutzername
recover-purpose-legend = Was benötigen Sie?
recover-purpose-reset_password = Ich habe mein Passwort vergessen
recover-purpose-unlock_account = Ich kenne mein Passwort, kann mich aber trotzdem nicht anmelden
recover-captcha-label = Bestätigen Sie, dass Sie ein Mensch sind
recover-captcha-waiting = Bitte schließen Sie zuerst die Prüfung oben ab.
recover-captcha-unavailable = Die Prüfung, ob Sie ein Mensch sind, konnte nicht geladen werden. Laden Sie die Seite neu, oder wenden Sie sich an Ihren Helpdesk.
recover-captcha-provider = Dieser Dienst verwendet einen CAPTCHA-Anbieter, den diese App nicht unterstützt. Wenden Sie sich an Ihren Helpdesk.
recover-start = Weiter
recover-step = Schritt { $n } von { $total }
recover-verify_title = Identität nachweisen
recover-verify_second = Weisen Sie Ihre Identität jetzt mit einer zweiten Methode nach
recover-choose_method = Methode auswählen
recover-no_methods = Es gibt keine Methode, mit der Sie Ihre Identität nachweisen können. Wenden Sie sich an Ihren Helpdesk.
recover-confirm-email = Geben Sie Ihre vollständige E-Mail-Adresse ein (optional)
recover-confirm-phone = Geben Sie Ihre vollständige Telefonnummer ein (optional)
recover-confirm-help = Manche Organisationen verlangen die vollständige Eingabe, bevor wir den Code senden.
recover-send_code = Code senden
stepup-title = Identität bestätigen
stepup-intro = Um Ihre Sicherheitsinformationen zu ändern, bestätigen Sie zuerst Ihre Identität mit einer Ihrer vorhandenen Methoden. Danach können Sie 10 Minuten lang Änderungen vornehmen.
stepup-use = { $method } { $hint } verwenden
stepup-code_sent = Wir haben einen Code an { $hint } gesendet.
stepup-done = Vielen Dank. Sie können Ihre Sicherheitsinformationen in den nächsten 10 Minuten ändern. Bitte versuchen Sie es erneut.
security-error-step_up_required = Um Ihre Sicherheitsinformationen zu ändern, bestätigen Sie zuerst Ihre Identität (siehe „Identität bestätigen“ oben).
security-recovery_from = Zu Ihrem Schutz kann diese Methode erst ab { $date } zum Zurücksetzen Ihres Passworts verwendet werden.
recover-text_me = SMS senden
recover-call_me = Mich anrufen
recover-use_method = Diese Methode verwenden
recover-app_code = Geben Sie den 6-stelligen Code aus Ihrer Authentifizierungs-App ein.
recover-questions_intro = Beantworten Sie Ihre Sicherheitsfragen.
recover-answer_label = Ihre Antwort
recover-other_method = Andere Methode verwenden
recover-passed = Bestätigt. Noch { $n ->
        [one] { $n } Methode
       *[other] { $n } Methoden
    }.
recover-new_password_title = Neues Passwort wählen
recover-set_password = Passwort zurücksetzen
recover-unlock_title = Konto entsperren
recover-unlock_intro = Sie haben Ihre Identität nachgewiesen. Entsperren Sie Ihr Konto, um sich wieder mit Ihrem aktuellen Passwort anzumelden.
recover-unlock = Mein Konto entsperren
recover-done-password_title = Ihr Passwort wurde zurückgesetzt
recover-done-password_body = Ihr Passwort wurde zurückgesetzt – melden Sie sich damit an.
recover-done-unlock_title = Ihr Konto ist entsperrt
recover-done-unlock_body = Ihr Konto ist entsperrt – melden Sie sich mit Ihrem Passwort an.
recover-done-sign_in = Zur Anmeldung
recover-error-flow_expired = Das Zurücksetzen hat zu lange gedauert und ist abgelaufen. Bitte beginnen Sie neu.
recover-error-flow_locked = Zu viele fehlgeschlagene Versuche. Bitte beginnen Sie später neu.
recover-error-flow_finished = Dieser Vorgang ist bereits abgeschlossen. Beginnen Sie bei Bedarf neu.
recover-error-flow_ended = Ihr Konto wurde während des Zurücksetzens geändert. Bitte beginnen Sie neu.
recover-error-flow_changed = Dieser Vorgang wurde in einem anderen Fenster fortgesetzt. Bitte beginnen Sie neu.
recover-error-method_unavailable = Diese Methode hat sich seit dem Start geändert. Bitte beginnen Sie neu.
recover-error-method_already_passed = Sie haben diese Methode bereits bestätigt. Wählen Sie eine andere.
recover-error-not_offered = Diese Methode kann hier nicht verwendet werden. Wählen Sie eine andere.
recover-error-unauthenticated = Dieser Vorgang ist nicht mehr gültig. Bitte beginnen Sie neu.
recover-error-not_eligible = Die Self-Service-Passwortzurücksetzung ist für Ihr Konto nicht verfügbar. Wenden Sie sich an Ihren Helpdesk.
recover-error-too_many_attempts = Zu viele falsche Codes. Fordern Sie einen neuen an.
recover-error-unlock_disabled = Ihre Organisation erlaubt das Entsperren ohne Zurücksetzen des Passworts nicht. Setzen Sie stattdessen Ihr Passwort zurück.
recover-error-wrong_purpose = Dieser Vorgang wurde für einen anderen Zweck gestartet. Bitte beginnen Sie neu.
recover-error-verification_incomplete = Weisen Sie Ihre Identität zuerst mit allen erforderlichen Methoden nach.
recover-error-captcha_invalid = Die Prüfung, ob Sie ein Mensch sind, ist fehlgeschlagen oder abgelaufen. Bitte wiederholen Sie sie.
