admin-title = Verwaltung
admin-nav-label = Verwaltungsbereiche
admin-nav-policy = Richtlinie
admin-nav-users = Benutzer
admin-nav-groups = Gruppen
admin-nav-audit = Überwachungsprotokoll
admin-nav-activity = Aktivität
admin-nav-keys = API-Schlüssel
admin-directory-managedElsewhere = Personen und Gruppen stammen aus Ihrem Verzeichnis und werden mit dessen eigenen Tools geändert. Hier können Sie sie einsehen, Konten entsperren und ihre Anmeldemethoden verwalten.
admin-notFound-title = Seite nicht gefunden
admin-notFound-body = Unter dieser Adresse gibt es keine Verwaltungsseite.
admin-common-loading = Wird geladen…
admin-common-working = Bitte warten…
admin-common-retry = Erneut versuchen
admin-common-cancel = Abbrechen
admin-common-search = Suchen
admin-common-searching = Suche läuft…
admin-common-pages = Seiten
admin-common-previous = Vorherige Seite
admin-common-next = Nächste Seite
admin-common-pageOf = Seite { $page } von { $pages }
admin-method-email = E-Mail
admin-method-mobile_sms = Mobiltelefon (SMS)
admin-method-mobile_voice = Mobiltelefon (Sprachanruf)
admin-method-office_voice = Bürotelefon (Sprachanruf)
admin-method-authenticator_app = Authentifizierungs-App
admin-method-security_questions = Sicherheitsfragen
admin-method-recovery_codes = Wiederherstellungscodes
admin-method-passkey = Passkey

## Probleme, nach dem stabilen `code` der API, dann nach Status.

admin-problem-version_conflict = Jemand anderes hat die Richtlinie gespeichert, während Sie sie bearbeitet haben. Laden Sie neu, um diese Version zu sehen; Ihre Änderungen hier gehen dabei verloren.
admin-problem-username_taken = Ein anderer Benutzer hat bereits diesen Benutzernamen.
admin-problem-group_name_taken = Eine andere Gruppe hat bereits diesen Namen.
admin-problem-cannot_modify_self = Sie können Ihr eigenes Konto nicht deaktivieren, herabstufen oder löschen.
admin-problem-last_admin = Danach gäbe es keinen aktiven Administrator mehr. Die Aktion wurde daher nicht ausgeführt.
admin-problem-group_in_use = Die Richtlinie zur Passwortzurücksetzung verwendet diese Gruppe. Entfernen Sie sie zuerst aus den ausgewählten Gruppen der Richtlinie.
admin-problem-invalid_if_match = Die Version der Richtlinie konnte nicht geprüft werden. Laden Sie die Seite neu, und versuchen Sie es erneut.
admin-problem-precondition_required = Die Version der Richtlinie konnte nicht geprüft werden. Laden Sie die Seite neu, und versuchen Sie es erneut.
admin-problem-payload_too_large = Das ist zu viel Text, um ihn auf einmal zu speichern.
admin-problem-network = Der Dienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung, und versuchen Sie es erneut.
admin-problem-unauthorized = Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an.
admin-problem-forbidden = Nur Administratoren können dies tun.
admin-problem-not_found = Das gibt es nicht mehr; möglicherweise wurde es gelöscht.
admin-problem-throttled = Zu viele Anfragen. Warten Sie einen Moment, und versuchen Sie es erneut.
admin-problem-unavailable = Der Dienst ist ausgelastet oder nicht verfügbar. Versuchen Sie es gleich noch einmal.
admin-problem-unexpected = Ein Fehler ist aufgetreten (Fehler { $status }). Versuchen Sie es erneut.

## Richtlinie

admin-policy-title = Richtlinie zur Passwortzurücksetzung
admin-policy-sections = Bereiche der Richtlinie
admin-policy-adminsStrict = Für Administratoren gilt immer die strenge Richtlinie: Sie sind immer eingeschlossen und benötigen zwei Methoden, niemals Sicherheitsfragen.
admin-policy-tab-properties = Eigenschaften
admin-policy-tab-methods = Authentifizierungsmethoden
admin-policy-tab-registration = Registrierung
admin-policy-tab-notifications = Benachrichtigungen
admin-policy-tab-customization = Anpassung
admin-policy-tab-password = Passwortregeln
admin-policy-tabErrors = Fehler: { $count }
admin-policy-review = Prüfen und speichern
admin-policy-discard = Änderungen verwerfen
admin-policy-discarded = Ihre Änderungen wurden verworfen.
admin-policy-reload = Richtlinie neu laden
admin-policy-saving = Wird gespeichert…
admin-policy-saved = Die Richtlinie wurde gespeichert.
admin-policy-notSaved = Die Richtlinie wurde nicht gespeichert. Zu prüfende Felder: { $count }.
admin-policy-wholeNumber = Geben Sie eine ganze Zahl ein.
admin-policy-scope = Self-Service-Passwortzurücksetzung aktiviert für
admin-policy-scopeHint = Personen außerhalb des Geltungsbereichs können ihr Passwort nicht selbst zurücksetzen und ihr Konto nicht selbst entsperren.
admin-policy-scope-none = Niemand
admin-policy-scope-selected = Mitglieder ausgewählter Gruppen
admin-policy-scope-all = Alle
admin-policy-groups = Gruppen im Geltungsbereich
admin-policy-groupsHint = Mitglieder jeder dieser Gruppen dürfen die Self-Service-Passwortzurücksetzung verwenden.
admin-policy-groupOption = { $name } (Mitglieder: { $count })
admin-policy-groupsUnavailable = Die Gruppen konnten nicht geladen werden.
admin-policy-noGroups = Es gibt noch keine Gruppen. Erstellen Sie eine auf der Seite „Gruppen“.
admin-policy-methodsEnabled = Zulässige Methoden
admin-policy-recoveryCodesForAdmins = Administratoren dürfen Wiederherstellungscodes verwenden
admin-policy-recoveryCodesForAdminsHint = Wiederherstellungscodes sind ein gedrucktes oder gespeichertes Geheimnis, das unbemerkt kopiert werden kann. Administratoren können sie nur verwenden, wenn diese Option aktiviert ist.
admin-policy-passkeyCountsAsTwo = Ein Passkey zählt als zwei Methoden
admin-policy-passkeyCountsAsTwoHint = Ein Passkey ist etwas, das man besitzt (das Gerät), und etwas, das man ist oder weiß (Fingerabdruck, Gesicht oder PIN, mit dem es entsperrt wird).
admin-policy-methodsRequired = Anzahl der zum Zurücksetzen erforderlichen Methoden
admin-policy-methodsRequiredHint = Nie mehr als die Anzahl der aktivierten Methoden.
admin-policy-methodsRequired-1 = Eine
admin-policy-methodsRequired-2 = Zwei
admin-policy-securityQuestions = Sicherheitsfragen
admin-policy-securityQuestionsOff = Sicherheitsfragen sind nicht aktiviert; diese Einstellungen gelten erst, wenn sie aktiviert sind.
admin-policy-registerCount = Anzahl der zu registrierenden Fragen
admin-policy-registerCountHint = Von 3 bis 5.
admin-policy-resetCount = Anzahl der beim Zurücksetzen zu beantwortenden Fragen
admin-policy-resetCountHint = Von 3 bis 5 und nicht mehr als die Anzahl der registrierten Fragen.
admin-policy-customQuestions = Benutzerdefinierte Fragen
admin-policy-customQuestionsHint = Werden zusätzlich zu den integrierten Fragen angeboten. Bis zu { $max } Fragen mit jeweils 3 bis 200 Zeichen.
admin-policy-noCustomQuestions = Keine benutzerdefinierten Fragen.
admin-policy-customQuestion = Benutzerdefinierte Frage { $number }
admin-policy-addQuestion = Frage hinzufügen
admin-policy-removeQuestion = Entfernen
admin-policy-removeQuestionNamed = Benutzerdefinierte Frage { $number } entfernen
admin-policy-requireOnSignIn = Registrierung bei der Anmeldung verlangen
admin-policy-requireOnSignInHint = Personen im Geltungsbereich ohne genügend Methoden werden zuerst zur Registrierung geleitet.
admin-policy-reconfirmDays = Anzahl der Tage, bis Personen ihre Methoden erneut bestätigen müssen
admin-policy-reconfirmDaysHint = Von 0 (nie) bis 730.
admin-policy-notifyUser = Personen benachrichtigen, wenn ihr Passwort zurückgesetzt wird
admin-policy-notifyAdmins = Alle Administratoren benachrichtigen, wenn ein anderer Administrator sein Passwort zurücksetzt
admin-policy-helpdeskUrl = Helpdesk-Link
admin-policy-helpdeskUrlHint = Wird Personen angezeigt, die nicht weiterkommen. Eine http://- oder https://-Adresse; leer lassen, wenn kein Link angezeigt werden soll.
admin-policy-helpdeskEmail = E-Mail-Adresse des Helpdesks
admin-policy-defaultLanguage = Sprache für Personen, deren Browser keine dieser Sprachen anfordert
admin-policy-defaultLanguageHint = Gilt für die Web-App und die gesendeten Codes, wenn weder die Person noch ihr Browser eine der angebotenen Sprachen gewählt hat.
admin-policy-unlockEnabled = Personen dürfen ihr Konto entsperren, ohne ihr Passwort zurückzusetzen
admin-policy-revealIneligible = Personen mitteilen, wenn sie die Self-Service-Zurücksetzung nicht verwenden können
admin-policy-revealIneligibleHint = Wenn deaktiviert, erhalten unbekannte und nicht berechtigte Benutzernamen dieselbe Antwort wie alle anderen. So kann niemand herausfinden, wer ein Konto hat.
admin-policy-confirmFullDestination = Vor dem Senden eines Codes die vollständige Telefonnummer oder E-Mail-Adresse abfragen
admin-policy-confirmFullDestinationHint = Verhindert, dass jemand, der nur einen Benutzernamen kennt, Codes an diese Person sendet.
admin-policy-cooldownHours = Stunden, bis eine neue oder geänderte Methode zur Wiederherstellung verwendet werden kann
admin-policy-cooldownHoursHint = Von 0 (aus) bis 720. Verhindert, dass jemand, der kurzzeitig Zugriff auf eine Sitzung hat, sein eigenes Telefon hinzufügt und sofort zurücksetzt.
admin-policy-minLength = Mindestlänge
admin-policy-minLengthHint = Von 8 bis 256 Zeichen. NIST fordert 15, wenn das Passwort der einzige Faktor ist.
admin-policy-maxLength = Maximale Länge
admin-policy-maxLengthHint = Von 64 bis 256 Zeichen und mindestens die Mindestlänge.
admin-policy-minStrength = Mindeststärke
admin-policy-minStrengthHint = Wie schwer ein Passwort zu erraten sein muss (zxcvbn-Wert).
admin-policy-strength-0 = 0 – alles erlaubt
admin-policy-strength-1 = 1 – sehr schwach
admin-policy-strength-2 = 2 – schwach
admin-policy-strength-3 = 3 – gut
admin-policy-strength-4 = 4 – stark
admin-policy-bannedWords = Gesperrte Wörter
admin-policy-bannedWordsHint = Eines pro Zeile, bis zu 1.000. Ergänzt die integrierte Liste gängiger Passwörter und die eigenen Namen der Person.
admin-policy-history = Frühere Passwörter, die nicht wiederverwendet werden dürfen
admin-policy-historyHint = Von 0 bis 24.
admin-impact-title = Vor dem Speichern: Was diese Richtlinie heute bedeutet
admin-impact-checking = Wird geprüft…
admin-impact-usersTotal = Aktivierte Benutzer
admin-impact-inScope = Im Geltungsbereich
admin-impact-compliant = Genügend Methoden registriert
admin-impact-unableToReset = Könnten heute nicht zurücksetzen
admin-impact-warning = Personen im Geltungsbereich, die nicht genügend Methoden registriert haben und ihr Passwort heute nicht zurücksetzen könnten: { $count }.
admin-impact-allCanReset = Alle Personen im Geltungsbereich haben genügend Methoden registriert.
admin-impact-confirm = Richtlinie speichern
admin-impact-keepEditing = Weiter bearbeiten

## Benutzer

admin-users-title = Benutzer
admin-users-search = Benutzer nach Name oder E-Mail suchen
admin-users-count = Gefundene Benutzer: { $count }
admin-users-none = Keine passenden Benutzer.
admin-users-create = Neuer Benutzer
admin-users-createSubmit = Benutzer erstellen
admin-user-title = Benutzer
admin-user-back = Zurück zu den Benutzern
admin-user-username = Benutzername
admin-user-displayName = Anzeigename
admin-user-email = E-Mail-Adresse
admin-user-mobilePhone = Mobiltelefon (optional)
admin-user-mobilePhoneHint = Internationales Format mit Landesvorwahl, zum Beispiel +44 20 7946 0958.
admin-user-mobilePhoneEditHint = Internationales Format mit Landesvorwahl. Leeren Sie das Feld, um die Nummer zu entfernen.
admin-user-initialPassword = Initialpasswort (optional)
admin-user-initialPasswordHint = Die Person muss es bei der ersten Anmeldung ändern. Ohne Initialpasswort kann sie sich erst anmelden, wenn sie ihr Passwort zurückgesetzt hat.
admin-user-newPassword = Neues Passwort (optional)
admin-user-newPasswordHint = Leer lassen, um das aktuelle zu behalten. Ein neues Passwort beendet alle Sitzungen der Person und muss bei der nächsten Anmeldung geändert werden.
admin-user-isAdmin = Administrator
admin-user-isAdminHint = Administratoren können die Richtlinie ändern sowie Benutzer und Gruppen verwalten.
admin-user-status = Status
admin-user-badge-active = Aktiv
admin-user-badge-admin = Administrator
admin-user-badge-disabled = Deaktiviert
admin-user-badge-locked = Gesperrt
admin-user-badge-mustChange = Muss Passwort ändern
admin-user-badge-noPassword = Kein Passwort
admin-user-created = Erstellt
admin-user-lockedUntil = Gesperrt bis
admin-user-edit = Details
admin-user-save = Änderungen speichern
admin-user-saved = Die Änderungen wurden gespeichert.
admin-user-notSaved = Die Änderungen wurden nicht gespeichert. Prüfen Sie die unten markierten Felder.
admin-user-nothingChanged = Es wurde nichts geändert.
admin-user-actions = Kontoaktionen
admin-user-disable = Konto deaktivieren
admin-user-enable = Konto aktivieren
admin-user-disabledDone = Das Konto ist deaktiviert.
admin-user-enabledDone = Das Konto ist aktiviert.
admin-user-unlock = Konto entsperren
admin-user-unlockedDone = Das Konto ist entsperrt.
admin-user-requireReregistration = Erneute Registrierung verlangen
admin-user-requireReregistrationQuestion = Soll { $name } die Methoden bei der nächsten Anmeldung erneut registrieren müssen? Die aktuellen Methoden werden entfernt.
admin-user-requireReregistrationConfirm = Ja, Registrierung verlangen
admin-user-reregistrationDone = Die Person wird bei der nächsten Anmeldung aufgefordert, sich erneut zu registrieren.
admin-user-delete = Benutzer löschen
admin-user-deleteQuestion = { $name } löschen? Dies kann nicht rückgängig gemacht werden.
admin-user-deleteConfirm = Ja, löschen
admin-user-methods = Registrierte Methoden
admin-user-methodsUnavailable = Die Methoden konnten nicht geladen werden.
admin-user-noMethods = Keine Methoden registriert.
admin-user-methodKind = Methode
admin-user-methodHint = Ziel
admin-user-methodStatus = Status
admin-user-methodAdded = Seit
admin-user-methodActive = Aktiv
admin-user-methodPending = Wartet auf Bestätigung
admin-picker-results = Gefundene Benutzer: { $count }

## Gruppen

admin-groups-title = Gruppen
admin-groups-count = Gruppen: { $count }
admin-groups-none = Es gibt noch keine Gruppen.
admin-groups-create = Neue Gruppe
admin-groups-createSubmit = Gruppe erstellen
admin-group-title = Gruppe
admin-group-back = Zurück zu den Gruppen
admin-group-name = Name
admin-group-description = Beschreibung (optional)
admin-group-members = Mitglieder
admin-group-edit = Name und Beschreibung
admin-group-save = Änderungen speichern
admin-group-saved = Die Änderungen wurden gespeichert.
admin-group-nothingChanged = Es wurde nichts geändert.
admin-group-membersTitle = Mitglieder ({ $count })
admin-group-noMembers = Diese Gruppe hat keine Mitglieder.
admin-group-removeMember = Entfernen
admin-group-removeMemberNamed = { $name } aus der Gruppe entfernen
admin-group-memberRemoved = { $name } wird entfernt, wenn Sie die Mitglieder speichern.
admin-group-memberAdded = { $name } wird hinzugefügt, wenn Sie die Mitglieder speichern.
admin-group-findUsers = Benutzer zum Hinzufügen suchen
admin-group-addMemberNamed = { $name } hinzufügen
admin-group-saveMembers = Mitglieder speichern
admin-group-membersSaved = Die Mitglieder wurden gespeichert.
admin-group-delete = Gruppe löschen
admin-group-deleteQuestion = Gruppe { $name } löschen? Ihre Mitglieder behalten ihre Konten.
admin-group-deleteConfirm = Ja, löschen

## Überwachungsprotokoll

admin-audit-title = Überwachungsprotokoll
admin-audit-filters = Überwachungsprotokoll filtern
admin-audit-type = Ereignis
admin-audit-allTypes = Alle Ereignisse
admin-audit-family-sign_in = Anmeldung
admin-audit-family-method = Methoden
admin-audit-family-recovery = Zurücksetzen und Entsperren
admin-audit-family-policy = Richtlinie
admin-audit-family-user = Benutzer
admin-audit-family-group = Gruppen
admin-audit-from = Von
admin-audit-to = Bis
admin-audit-user = Nur Ereignisse zu einem Benutzer
admin-audit-chooseUser = { $name } auswählen
admin-audit-userChosen = Nur Ereignisse zu { $name }.
admin-audit-clearUser = Alle Benutzer
admin-audit-apply = Ereignisse anzeigen
admin-audit-reset = Filter zurücksetzen
admin-audit-shown = Angezeigte Ereignisse: { $count }
admin-audit-none = Keine passenden Ereignisse.
admin-audit-loadMore = Ältere Ereignisse laden
admin-audit-at = Zeitpunkt
admin-audit-outcome = Ergebnis
admin-audit-success = Erfolgreich
admin-audit-failure = Fehlgeschlagen
admin-audit-actor = Ausgeführt von
admin-audit-target = Betrifft
admin-audit-ip = IP-Adresse
admin-audit-userAgent = Browser (User-Agent)
admin-audit-details = Details

## Aktivität

admin-activity-title = Aktivität
admin-activity-period = Zeitraum
admin-activity-lastDays = { $days ->
        [one] Letzter Tag
       *[other] Letzte { $days } Tage
    }
admin-activity-resetsTitle = Self-Service-Zurücksetzung und -Entsperrung
admin-activity-resetsByDay = Zurücksetzungen und Entsperrungen pro Tag ({ $days ->
        [one] letzter Tag
       *[other] letzte { $days } Tage
    })
admin-activity-resetsSummary = { $days ->
        [one] Am letzten Tag
       *[other] In den letzten { $days } Tagen
    }: Passwortzurücksetzungen: { $resets }; Kontoentsperrungen: { $unlocks }.
admin-activity-byMethod = Überprüfungen nach Methode
admin-activity-date = Datum
admin-activity-method = Methode
admin-activity-started = Gestartet
admin-activity-passwordResets = Passwortzurücksetzungen
admin-activity-unlocks = Entsperrungen
admin-activity-failedVerifications = Fehlgeschlagene Überprüfungen
admin-activity-verified = Bestätigt
admin-activity-failed = Fehlgeschlagen
admin-activity-registrationTitle = Registrierung
admin-activity-registrationByMethod = Registrierte Personen nach Methode
admin-activity-registrationSummary = { $registered } von { $total ->
        [one] { $total } aktivierten Person
       *[other] { $total } aktivierten Personen
    } { $registered ->
        [one] hat
       *[other] haben
    } mindestens eine Methode registriert ({ $percent } %).
admin-activity-usersWithMethod = Personen mit dieser Methode
admin-activity-share = Anteil der aktivierten Personen
admin-activity-percent = { $percent } %
admin-activity-registrationsByDay = Registrierte Methoden pro Tag
admin-activity-registrations = Registrierte Methoden

## Die Formulierung der Nachrichten, die Personen erhalten (Registerkarte „Anpassung“)
admin-messages-title = Nachrichten, die Personen erhalten
admin-messages-intro = Ändern Sie die Formulierung einer Nachricht in einer Sprache. Leere Felder verwenden die integrierte Formulierung. Schreiben Sie reinen Text, trennen Sie Absätze durch eine Leerzeile, und fügen Sie die unten aufgeführten Werte in doppelten geschweiften Klammern ein. Änderungen werden wirksam, wenn die Richtlinie gespeichert wird.
admin-messages-notice = Nachricht
admin-messages-language = Sprache
admin-messages-variables = Verwendbare Werte: { $variables }
admin-messages-subject = Betreff
admin-messages-emptyMeansDefault = Leer lassen, um die integrierte Formulierung zu verwenden.
admin-messages-body = Text
admin-messages-bodyHint = Leer lassen, um die integrierte Formulierung zu verwenden. Die Zeile zum Helpdesk wird am Ende jeder E-Mail angefügt.
admin-messages-useDefault = Integrierte Formulierung verwenden
admin-messages-preview = Vorschau mit Beispielwerten
admin-messages-previewLoading = Vorschau wird erstellt…
admin-messages-notice-codeEmail = Bestätigungscode per E-Mail
admin-messages-notice-codeSms = Bestätigungscode per SMS
admin-messages-notice-codeVoice = Bestätigungscode per Anruf
admin-messages-notice-securityInfoChanged = Sicherheitsinformationen geändert
admin-messages-notice-passwordReset = Passwort zurückgesetzt
admin-messages-notice-accountUnlocked = Konto entsperrt
admin-messages-notice-administratorReset = Ein Administrator hat sein Passwort zurückgesetzt (an die anderen Administratoren)
admin-messages-notice-recoveryCodeUsed = Wiederherstellungscode verwendet
admin-messages-notice-accountLocked = Konto gesperrt

## API-Schlüssel
admin-keys-title = API-Schlüssel
admin-keys-intro = Mit Schlüsseln können Portale und Skripte die Verwaltung im Rahmen der Berechtigungen nutzen, die Sie ihnen erteilen. Ein Schlüssel ist keine Person: Er kann sich nicht anmelden, „Meine Sicherheitsinformationen“ nicht verwenden und keine Schlüssel verwalten. Jede Verwendung wird unter seinem Namen im Überwachungsprotokoll erfasst.
admin-keys-none = Es gibt noch keine API-Schlüssel.
admin-keys-name = Name
admin-keys-scopes = Berechtigungen
admin-keys-expires = Läuft ab
admin-keys-expiresOn = Gültig bis einschließlich (optional)
admin-keys-addresses = Zulässige Clientadressen
admin-keys-addressesHint = Adressen oder Netzwerke, getrennt durch Leerzeichen oder Kommas, zum Beispiel 203.0.113.7 oder 10.0.0.0/8. Leer lassen, um jede Adresse zuzulassen.
admin-keys-lastUsed = Zuletzt verwendet
admin-keys-state = Status
admin-keys-never = Nie
admin-keys-neverUsed = Noch nicht verwendet
admin-keys-anyAddress = Alle
admin-keys-revoke = Widerrufen
admin-keys-revokeQuestion = Schlüssel „{ $name }“ widerrufen? Er funktioniert dann sofort nicht mehr.
admin-keys-revokeConfirm = Schlüssel widerrufen
admin-keys-revoked = Der Schlüssel „{ $name }“ wurde widerrufen.
admin-keys-revokedOn = Widerrufen am { $date }
admin-keys-create = Neuen Schlüssel erstellen
admin-keys-createSubmit = Schlüssel erstellen
admin-keys-secretTitle = Das Geheimnis von „{ $name }“
admin-keys-secretOnce = Kopieren Sie es jetzt, und bewahren Sie es an einem sicheren Ort auf: Es wird nur dieses eine Mal angezeigt. Senden Sie es als Authorization: Bearer, gefolgt vom Geheimnis.
admin-keys-secretSaved = Ich habe das Geheimnis gespeichert
admin-keys-scope-adminRead = Richtlinie, Benutzer und Gruppen lesen (admin:read)
admin-keys-scope-adminWrite = Richtlinie, Benutzer und Gruppen ändern (admin:write)
admin-keys-scope-auditRead = Überwachungsprotokoll lesen (audit:read)
admin-keys-scope-reportsRead = Berichte lesen (reports:read)
