# Los textos del servicio: códigos por correo, SMS y llamada.

helpdesk-visit = Si necesita ayuda, visite { $url }
helpdesk-write = Si necesita ayuda, escriba a { $email }
helpdesk-contact = Si necesita ayuda, póngase en contacto con el servicio de asistencia.

code-email-subject = Su código de verificación de { $org }
code-email-intro = Su código de verificación de { $org } es:
code-email-html-intro = Su código de verificación es:
code-email-expiry = Caduca en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }. Nadie de { $org } se lo pedirá nunca.
code-email-ignore = Si no solicitó este código, puede ignorar este mensaje.
code-sms = { $code } es su código de verificación de { $org }. Caduca en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }. No lo comparta.
code-voice = Su código de verificación de { $org } es { $digits }. Repito: { $digits }.
