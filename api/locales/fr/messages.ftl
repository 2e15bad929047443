# Les textes du service : codes par e-mail, SMS et appel.

helpdesk-visit = Si vous avez besoin d'aide, consultez { $url }
helpdesk-write = Si vous avez besoin d'aide, écrivez à { $email }
helpdesk-contact = Si vous avez besoin d'aide, contactez votre support technique.

code-email-subject = Votre code de vérification { $org }
code-email-intro = Votre code de vérification { $org } est :
code-email-html-intro = Votre code de vérification est :
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
