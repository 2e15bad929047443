# Les textes du service : codes par e-mail, SMS et appel.

helpdesk-visit = Si vous avez besoin d'aide, consultez { $url }
helpdesk-write = Si vous avez besoin d'aide, écrivez à { $email }
helpdesk-contact = Si vous avez besoin d'aide, contactez votre support technique.

code-email-subject = Votre code de vérification { $org }
code-email-intro = Votre code de vérification { $org } est :
code-email-expiry = Il expire dans { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. Personne chez { $org } ne vous le demandera jamais.
code-email-ignore = Si vous n'avez pas demandé ce code, vous pouvez ignorer ce message.
code-sms = { $code } est votre code de vérification { $org }. Il expire dans { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. Ne le communiquez à personne.
code-voice = Votre code de vérification { $org } est { $digits }. Je répète : { $digits }.

# Notifications : e-mails concernant le compte. Les paragraphes du corps sont des messages distincts ; les
# administrateurs peuvent remplacer l'objet et le corps d'une notification par langue (customization.messages).
notice-greeting = Bonjour { $name },
notice-not-you = Si vous n'êtes pas à l'origine de cette action, prévenez immédiatement votre support technique.

security-info-changed-subject = Vos informations de sécurité { $org } ont été modifiées
security-info-changed-body = Les informations de sécurité de votre compte { $org } ont été modifiées le { $when } ({ $change }).
security-info-changed-advice = Si vous êtes à l'origine de cette modification, vous n'avez rien à faire. Sinon, quelqu'un d'autre a peut-être accès à votre compte : changez votre mot de passe et prévenez immédiatement votre support technique.

password-reset-subject = Votre mot de passe { $org } a été réinitialisé
password-reset-body = Le mot de passe de votre compte { $org } a été réinitialisé le { $when } en libre-service.

account-unlocked-subject = Votre compte { $org } a été déverrouillé
account-unlocked-body = Votre compte { $org } a été déverrouillé le { $when } en libre-service. Votre mot de passe n'a pas changé.

administrator-reset-subject = Un administrateur de { $org } a réinitialisé son mot de passe
administrator-reset-body = L'administrateur { $administrator } a réinitialisé son mot de passe le { $when } en libre-service.

recovery-code-used-subject = Un code de récupération { $org } a été utilisé
recovery-code-used-body = L'un de vos codes de récupération a été utilisé le { $when } pour { $purpose ->
        [unlock_account] déverrouiller votre compte
        [step_up] confirmer une modification de vos informations de sécurité
       *[reset_password] réinitialiser votre mot de passe
    }. Ce code n'est plus valable ; il vous reste { $left ->
        [one] { $left } code
       *[other] { $left } codes
    } sur { $total }.
recovery-code-used-few = Générez-en une nouvelle série dans « Mes informations de sécurité » avant d'en manquer.

account-locked-subject = Votre compte { $org } a été verrouillé
account-locked-body = Votre compte { $org } a été verrouillé le { $when } à la suite de { $failures ->
        [one] { $failures } échec de connexion
       *[other] { $failures } échecs de connexion
    }. Il se déverrouillera automatiquement dans { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }, mais vous pouvez aussi le déverrouiller dès maintenant.
account-locked-link = Déverrouiller votre compte : { $link }

# Ce qui a changé, dans « informations de sécurité modifiées » ({ $change }).
change-added = méthode ajoutée : { $method }
change-added-named = méthode ajoutée : { $method } { $detail }
change-replaced = méthode modifiée : { $method }
change-removed = méthode supprimée : { $method }
change-questions-added = questions de sécurité ajoutées
change-questions-changed = questions de sécurité modifiées
change-codes-generated = codes de récupération générés
change-codes-regenerated = nouveaux codes de récupération générés ; les anciens ne fonctionnent plus

method-email = adresse e-mail
method-mobile_sms = téléphone mobile pour les SMS
method-mobile_voice = téléphone mobile pour les appels
method-office_voice = téléphone de bureau
method-authenticator_app = application d'authentification
method-security_questions = questions de sécurité
method-recovery_codes = codes de récupération
method-passkey = clé d'accès
