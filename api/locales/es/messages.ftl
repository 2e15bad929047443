# Los textos del servicio: códigos por correo, SMS y llamada.

helpdesk-visit = Si necesita ayuda, visite { $url }
helpdesk-write = Si necesita ayuda, escriba a { $email }
helpdesk-contact = Si necesita ayuda, póngase en contacto con el servicio de asistencia.

code-email-subject = Su código de verificación de { $org }
code-email-intro = Su código de verificación de { $org } es:
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

# Avisos: correos sobre la cuenta. Los párrafos del cuerpo son mensajes separados; los
# administradores pueden sustituir el asunto y el cuerpo de un aviso por idioma (customization.messages).
notice-greeting = Hola, { $name }:
notice-not-you = Si no ha sido usted, avise de inmediato al servicio de asistencia.

security-info-changed-subject = Ha cambiado su información de seguridad de { $org }
security-info-changed-body = La información de seguridad de su cuenta de { $org } cambió el { $when } ({ $change }).
security-info-changed-advice = Si ha sido usted, no tiene que hacer nada. Si no, es posible que otra persona tenga acceso a su cuenta: cambie su contraseña y avise de inmediato al servicio de asistencia.

password-reset-subject = Se ha restablecido su contraseña de { $org }
password-reset-body = La contraseña de su cuenta de { $org } se restableció el { $when } mediante el autoservicio de contraseñas.

account-unlocked-subject = Se ha desbloqueado su cuenta de { $org }
account-unlocked-body = Su cuenta de { $org } se desbloqueó el { $when } mediante el autoservicio de contraseñas. Su contraseña no ha cambiado.

administrator-reset-subject = Un administrador de { $org } ha restablecido su contraseña
administrator-reset-body = El administrador { $administrator } restableció su contraseña el { $when } mediante el autoservicio de contraseñas.

recovery-code-used-subject = Se ha usado un código de recuperación de { $org }
recovery-code-used-body = Uno de sus códigos de recuperación se usó el { $when } para { $purpose ->
        [unlock_account] desbloquear su cuenta
        [step_up] confirmar un cambio en su información de seguridad
       *[reset_password] restablecer su contraseña
    }. Ese código ya no funciona; { $left ->
        [one] le queda { $left } de sus { $total } códigos
       *[other] le quedan { $left } de sus { $total } códigos
    }.
recovery-code-used-few = Genere un nuevo juego de códigos en «Mi información de seguridad» antes de que se le agoten.

account-locked-subject = Se ha bloqueado su cuenta de { $org }
account-locked-body = Su cuenta de { $org } se bloqueó el { $when } tras { $failures ->
        [one] { $failures } intento fallido de inicio de sesión
       *[other] { $failures } intentos fallidos de inicio de sesión
    }. Se desbloqueará automáticamente dentro de { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }, o puede desbloquearla ahora.
account-locked-link = Desbloquee su cuenta: { $link }

# Qué cambió, en «ha cambiado su información de seguridad» ({ $change }).
change-added = método agregado: { $method }
change-added-named = método agregado: { $method } { $detail }
change-replaced = método cambiado: { $method }
change-removed = método quitado: { $method }
change-questions-added = preguntas de seguridad agregadas
change-questions-changed = preguntas de seguridad cambiadas
change-codes-generated = códigos de recuperación generados
change-codes-regenerated = nuevos códigos de recuperación generados; los anteriores ya no funcionan

method-email = dirección de correo electrónico
method-mobile_sms = teléfono móvil para mensajes de texto
method-mobile_voice = teléfono móvil para llamadas
method-office_voice = teléfono de la oficina
method-authenticator_app = aplicación de autenticación
method-security_questions = preguntas de seguridad
method-recovery_codes = códigos de recuperación
method-passkey = llave de acceso
