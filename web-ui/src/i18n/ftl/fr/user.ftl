## Connexion

signin-title = Connexion
signin-intro = Connectez-vous pour gérer les moyens de prouver votre identité en cas d’oubli de votre mot de passe.
signin-username = Nom d’utilisateur
signin-password = Mot de passe
signin-submit = Se connecter
signin-cant_access = Vous ne pouvez pas accéder à votre compte ?
signin-error-invalid_credentials = Le nom d’utilisateur ou le mot de passe est incorrect.
signin-error-account_locked = Votre compte est verrouillé à la suite de trop nombreux échecs de connexion. Réessayez dans { $wait } ou déverrouillez-le maintenant.
signin-error-account_locked_no_wait = Votre compte est verrouillé à la suite de trop nombreux échecs de connexion. Réessayez plus tard ou déverrouillez-le maintenant.
signin-error-account_disabled = Votre compte est désactivé. Contactez votre support technique.
signin-unlock_link = Déverrouiller mon compte
signin-signed_out = Déconnexion effectuée.

## Méthodes

method-email = E-mail
method-mobile_sms = Téléphone mobile (SMS)
method-mobile_voice = Téléphone mobile (appel vocal)
method-office_voice = Téléphone de bureau (appel vocal)
method-authenticator_app = Application d’authentification
method-security_questions = Questions de sécurité
method-recovery_codes = Codes de récupération
method-passkey = Clé d’accès
method-codes_left = Codes restants : { $n } sur 10
method-status-active = Active
method-status-pending = En attente du code
method-status-pending_app = Non terminée : supprimez-la, puis configurez-la à nouveau

## Informations de sécurité

security-title = Mes informations de sécurité
security-intro = Voici les moyens de prouver votre identité lorsque vous réinitialisez votre mot de passe ou déverrouillez votre compte.
security-status = Méthodes configurées : { $registered }. Méthodes requises : { $required }.
security-compliant = Vous avez configuré suffisamment de méthodes pour réinitialiser vous-même votre mot de passe.
security-not_compliant = Ajoutez des méthodes : il vous en faut { $required } pour réinitialiser vous-même votre mot de passe.
security-list_label = Vos méthodes
security-none = Vous n’avez encore configuré aucune méthode.
security-added_on = Ajoutée le { $date }
security-remove = Supprimer { $method }
security-remove_confirm = Supprimer { $method } ({ $hint }) ? Vous ne pourrez plus l’utiliser pour réinitialiser votre mot de passe.
security-removed = Méthode supprimée : { $method }.
security-removed_short = Méthode supprimée : { $method }. Vous avez maintenant moins de méthodes que le nombre requis : ajoutez-en une autre pour pouvoir toujours réinitialiser vous-même votre mot de passe.
security-enter_code_for = Entrez le code pour { $method }
security-add_title = Ajouter une méthode
security-add_kind = Méthode à ajouter
security-add_button = Ajouter : { $method }
security-added = Méthode configurée : { $method }.
security-reconfirm_title = Ces méthodes sont-elles toujours les vôtres ?
security-reconfirm_intro = Veuillez vérifier que vos méthodes sont toujours correctes et à jour.
security-reconfirm_button = Oui, elles sont toujours correctes
security-reconfirmed = Merci, vos méthodes sont confirmées.
security-reconfirm_due = Veuillez confirmer vos méthodes avant le { $date }.
security-error-use_security_questions_endpoint = Configurez les questions de sécurité avec le formulaire prévu à cet effet.
security-error-method_not_enabled = Votre organisation n’autorise pas cette méthode.
security-error-not_allowed_for_administrators = Les administrateurs ne peuvent pas utiliser cette méthode.
security-error-already_active = Cette méthode est déjà configurée.
security-error-no_code_method = Cette méthode n’utilise pas de code.
security-error-no_code_pending = Aucun code n’est en attente pour cette méthode. Envoyez-en un nouveau.

## Formulaires d’ajout

add-email-label = Adresse e-mail
add-email-help = Nous enverrons un code à cette adresse.
add-phone-label = Numéro de téléphone
add-phone-help = Au format international, en commençant par + et l’indicatif du pays, par exemple +44 20 7946 0958.
add-extension-label = Poste (facultatif)
add-extension-help = Chiffres uniquement.
add-send_code = Envoyer le code
add-code_sent_email = Nous avons envoyé un code à { $hint }.
add-code_sent_phone_sms = Nous avons envoyé un SMS contenant un code au { $hint }.
add-code_sent_phone_voice = Nous appelons le { $hint } pour vous lire un code.
add-app-intro = Ouvrez votre application d’authentification, ajoutez un compte et scannez ce code QR.
add-app-qr_alt = Code QR pour votre application d’authentification
add-app-manual = Impossible de le scanner ? Entrez plutôt cette clé dans l’application :
add-app-start = Configurer une application d’authentification
add-app-code_label = Code à 6 chiffres affiché par l’application
add-app-code_help = Entrez le code affiché actuellement par l’application ; il change toutes les 30 secondes.
add-codes-intro = Les codes de récupération vous permettent de réinitialiser votre mot de passe lorsque vous n’avez accès à aucune de vos autres méthodes. Chaque code ne fonctionne qu’une seule fois. Conservez-les en lieu sûr, à l’écart de vos appareils.
add-codes-replace_intro = Une nouvelle série remplace vos codes actuels : les anciens cessent immédiatement de fonctionner.
add-codes-start = Générer des codes de récupération
add-codes-regenerate = Générer de nouveaux codes
add-codes-shown_once = Enregistrez ces codes maintenant : ils ne seront affichés qu’une seule fois.
add-codes-list_label = Vos codes de récupération
add-codes-download = Télécharger
add-codes-print = Imprimer
add-codes-file_title = Vos codes de récupération, générés le { $date }. Chaque code ne fonctionne qu’une seule fois.
add-codes-saved = J’ai enregistré mes codes
add-codes-done = Terminé
recover-recovery_code = Entrez l’un de vos codes de récupération. Chaque code ne fonctionne qu’une seule fois.
recover-recovery_code_label = Code de récupération
recover-recovery_code_help = Par exemple abcd-efgh-jk. Les tirets, les espaces et les majuscules n’ont pas d’importance.
add-passkey-intro = Une clé d’accès vous permet de prouver votre identité avec cet appareil (ou votre téléphone) et votre empreinte digitale, votre visage ou votre code PIN. Rien à saisir, et elle ne peut pas être dérobée par hameçonnage.
add-passkey-name = Nom
add-passkey-name_help = Pour distinguer vos clés d’accès, par exemple « Ordinateur portable professionnel ».
add-passkey-start = Créer une clé d’accès
passkey-unsupported = Ce navigateur ne prend pas en charge les clés d’accès. Essayez un autre navigateur ou un autre appareil.
passkey-use = Utiliser ma clé d’accès
passkey-recover_intro = Utilisez une clé d’accès créée pour ce compte : votre navigateur vous demandera votre empreinte digitale, votre visage ou votre code PIN.
passkey-device-NotAllowedError = La clé d’accès n’a pas été utilisée : l’opération a été annulée ou a expiré, ou cet appareil n’a aucune clé d’accès pour ce compte.
passkey-device-InvalidStateError = Cet appareil contient déjà l’une de vos clés d’accès.
passkey-device-NotSupportedError = Cet appareil ne peut pas créer le type de clé d’accès requis.
passkey-device-SecurityError = Les clés d’accès ne fonctionnent pas à cette adresse. Signalez-le à votre support technique.
passkey-device-Unsupported = Ce navigateur ne prend pas en charge les clés d’accès. Essayez un autre navigateur ou un autre appareil.
field-passkey_rejected = Cette clé d’accès n’a pas été acceptée. Utilisez une clé d’accès créée pour ce compte, sur ce site.
field-passkey_not_requested = Le délai est dépassé ou la demande a déjà été utilisée. Réessayez.
security-error-passkeys_unavailable = Les clés d’accès ne sont pas disponibles sur ce service. Signalez-le à votre support technique.
add-questions-intro = Choisissez { $count } questions et répondez-y. Les réponses comptent de 3 à 40 caractères ; les majuscules et les espaces n’ont pas d’importance.
add-questions-question_n = Question { $n }
add-questions-answer_n = Réponse { $n }
add-questions-choose = Choisissez une question
add-questions-save = Enregistrer les réponses
add-questions-duplicate = Choisissez une question différente pour chaque réponse.
add-questions-answer_length = Les réponses doivent compter de 3 à 40 caractères.

## Saisie du code

code-label = Code
code-help = Entrez le code que vous avez reçu.
code-resend = Envoyer un nouveau code
code-resend_in = Vous pourrez demander un nouveau code dans { $n } s.
code-resent = Un nouveau code a été envoyé.
code-expires = Le code est valable { $wait }.

## Erreurs de champ et de code (le `code` de l’API)

field-invalid_code = Ce code est incorrect.
field-invalid_code_left = Ce code est incorrect. Essais restants : { $n }.
field-invalid_code_left_one = Ce code est incorrect. Il vous reste 1 essai.
field-code_expired = Ce code a expiré. Demandez-en un nouveau.
field-too_many_attempts = Trop de codes incorrects. Demandez-en un nouveau.
field-no_code_pending = Aucun code n’a encore été envoyé. Demandez-en un.
field-wrong_answers = Ces réponses sont incorrectes. Veuillez répondre aux nouvelles questions.
field-questions_not_asked = Ce ne sont pas les questions posées actuellement. Veuillez répondre aux questions affichées.
field-totp_invalid = Ce code est incorrect. Vérifiez que l’horloge de votre téléphone est à l’heure, puis entrez le code actuel.
field-recovery_code_invalid = Ce code ne fait pas partie de vos codes de récupération inutilisés. Chaque code ne fonctionne qu’une seule fois.
field-totp_replayed = Ce code a déjà été utilisé. Attendez le code suivant dans votre application.
field-too_short = Le mot de passe est trop court.
field-too_long = Le mot de passe est trop long.
field-common_password = Ce mot de passe est trop courant ; choisissez-en un autre.
field-banned_word = Le mot de passe contient un mot qui n’est pas autorisé ici.
field-personal_information = Le mot de passe ne doit contenir ni votre nom ni votre nom d’utilisateur.
field-too_weak = Le mot de passe est trop facile à deviner. Essayez une phrase secrète plus longue, composée de plusieurs mots sans rapport entre eux.
field-reused = Vous avez utilisé ce mot de passe récemment. Choisissez-en un nouveau.
field-invalid_characters = Le mot de passe contient des caractères non autorisés.
field-incorrect = Votre mot de passe actuel est incorrect.
field-destination_mismatch = Ce n’est pas l’adresse ou le numéro enregistré.
field-captcha_invalid = La vérification anti-robot a échoué ou a expiré. Veuillez recommencer.
field-missing_field = Ce champ est obligatoire.
field-invalid_email = Entrez une adresse e-mail valide.
field-invalid_phone = Entrez le numéro au format international, en commençant par +.
field-invalid_extension = Le poste ne doit contenir que des chiffres.
field-unknown_question = Choisissez une question dans la liste.
field-mismatch = Les deux mots de passe ne correspondent pas.

## Mots de passe

password-current = Mot de passe actuel
password-new = Nouveau mot de passe
password-confirm = Confirmer le nouveau mot de passe
password-show = Afficher les mots de passe
password-rules_title = Votre nouveau mot de passe doit :
password-rule-min_length = compter au moins { $n } caractères
password-rule-max_length = compter au plus { $n } caractères
password-rule-strength = être difficile à deviner (l’idéal est une phrase secrète de plusieurs mots)
password-rule-match = être identique dans les deux champs
password-rule-met = respectée
password-rule-not_met = pas encore
password-strength-label = Robustesse
password-strength-0 = Très faible
password-strength-1 = Faible
password-strength-2 = Moyenne
password-strength-3 = Forte
password-strength-4 = Très forte
password-strength-empty = Pas encore saisi

## Changement de mot de passe

change-title = Changer votre mot de passe
change-required = Votre mot de passe a été défini par un administrateur. Choisissez votre propre mot de passe pour continuer.
change-submit = Changer le mot de passe
change-done = Votre mot de passe a été changé.

## Inscription

register-title = Configurer vos informations de sécurité
register-intro = Votre organisation vous demande de configurer { $required } moyens de prouver votre identité, afin que vous puissiez réinitialiser vous-même votre mot de passe en cas d’oubli.
register-intro_one = Votre organisation vous demande de configurer un moyen de prouver votre identité, afin que vous puissiez réinitialiser vous-même votre mot de passe en cas d’oubli.
register-progress = Méthodes configurées : { $registered } sur { $required }
register-next = Ajouter une autre méthode
register-done = Tout est prêt. Vous pouvez maintenant réinitialiser vous-même votre mot de passe.
register-continue = Accéder à mes informations de sécurité
register-nothing_to_add = Vous ne pouvez ajouter aucune autre méthode. Contactez votre support technique.

## Récupération

recover-title = Vous ne pouvez pas accéder à votre compte ?
recover-intro = Prouvez votre identité avec les méthodes que vous avez configurées, puis choisissez un nouveau mot de passe ou déverrouillez votre compte.
recover-username = Nom d’utilisateur
recover-purpose-legend = De quoi avez-vous besoin ?
recover-purpose-reset_password = J’ai oublié mon mot de passe
recover-purpose-unlock_account = Je connais mon mot de passe, mais je ne parviens pas à me connecter
recover-captcha-label = Confirmez que vous n’êtes pas un robot
recover-captcha-waiting = Veuillez d’abord effectuer la vérification ci-dessus.
recover-captcha-unavailable = La vérification anti-robot n’a pas pu être chargée. Rechargez la page ou contactez votre support technique.
recover-captcha-provider = Ce service utilise un fournisseur de CAPTCHA que cette application ne prend pas en charge. Contactez votre support technique.
recover-start = Suivant
recover-step = Étape { $n } sur { $total }
recover-verify_title = Prouvez votre identité
recover-verify_second = Prouvez-la maintenant avec une deuxième méthode
recover-choose_method = Choisissez une méthode
recover-no_methods = Aucune méthode ne vous permet de prouver votre identité. Contactez votre support technique.
recover-confirm-email = Tapez votre adresse e-mail complète (facultatif)
recover-confirm-phone = Tapez votre numéro de téléphone complet (facultatif)
recover-confirm-help = Certaines organisations vous demandent de le saisir en entier avant l’envoi du code.
recover-send_code = Envoyer le code
stepup-title = Confirmez votre identité
stepup-intro = Pour modifier vos informations de sécurité, prouvez d’abord votre identité avec l’une de vos méthodes existantes. Vous pourrez ensuite faire des modifications pendant 10 minutes.
stepup-use = Utiliser { $method } { $hint }
stepup-code_sent = Nous avons envoyé un code à { $hint }.
stepup-done = Merci. Vous pouvez modifier vos informations de sécurité pendant les 10 prochaines minutes ; veuillez réessayer.
security-error-step_up_required = Pour modifier vos informations de sécurité, confirmez d’abord votre identité (voir « Confirmez votre identité » ci-dessus).
security-recovery_from = Pour votre protection, cette méthode ne pourra servir à réinitialiser votre mot de passe qu’à partir du { $date }.
recover-text_me = M’envoyer un SMS
recover-call_me = M’appeler
recover-use_method = Utiliser cette méthode
recover-app_code = Entrez le code à 6 chiffres de votre application d’authentification.
recover-questions_intro = Répondez à vos questions de sécurité.
recover-answer_label = Votre réponse
recover-other_method = Utiliser une autre méthode
recover-passed = Vérification réussie. Méthodes restantes : { $n }.
recover-new_password_title = Choisissez un nouveau mot de passe
recover-set_password = Réinitialiser le mot de passe
recover-unlock_title = Déverrouiller votre compte
recover-unlock_intro = Vous avez prouvé votre identité. Déverrouillez votre compte pour vous reconnecter avec votre mot de passe actuel.
recover-unlock = Déverrouiller mon compte
recover-done-password_title = Votre mot de passe a été réinitialisé
recover-done-password_body = Votre mot de passe a été réinitialisé : connectez-vous avec celui-ci.
recover-done-unlock_title = Votre compte est déverrouillé
recover-done-unlock_body = Votre compte est déverrouillé : connectez-vous avec votre mot de passe.
recover-done-sign_in = Aller à la connexion
recover-error-flow_expired = Cette réinitialisation a pris trop de temps et a expiré. Veuillez recommencer.
recover-error-flow_locked = Trop de tentatives infructueuses. Veuillez recommencer plus tard.
recover-error-flow_finished = Cette réinitialisation est déjà terminée. Recommencez si nécessaire.
recover-error-flow_ended = Votre compte a été modifié pendant la réinitialisation. Veuillez recommencer.
recover-error-flow_changed = Cette réinitialisation s’est poursuivie dans une autre fenêtre. Veuillez recommencer.
recover-error-method_unavailable = Cette méthode a été modifiée depuis que vous avez commencé. Veuillez recommencer.
recover-error-method_already_passed = Vous avez déjà vérifié cette méthode. Choisissez-en une autre.
recover-error-not_offered = Cette méthode ne peut pas être utilisée ici. Choisissez-en une autre.
recover-error-unauthenticated = Cette réinitialisation n’est plus valide. Veuillez recommencer.
recover-error-not_eligible = La réinitialisation de mot de passe en libre-service n’est pas disponible pour votre compte. Contactez votre support technique.
recover-error-too_many_attempts = Trop de codes incorrects. Demandez-en un nouveau.
recover-error-unlock_disabled = Votre organisation n’autorise pas le déverrouillage sans réinitialisation du mot de passe. Réinitialisez plutôt votre mot de passe.
recover-error-wrong_purpose = Cette réinitialisation a été lancée dans un autre but. Veuillez recommencer.
recover-error-verification_incomplete = Prouvez d’abord votre identité avec toutes les méthodes requises.
recover-error-captcha_invalid = La vérification anti-robot a échoué ou a expiré. Veuillez recommencer.
