## Iniciar sesión

signin-title = Iniciar sesión
signin-intro = Inicie sesión para administrar cómo demuestra su identidad cuando olvida su contraseña.
signin-username = Nombre de usuario
signin-password = Contraseña
signin-submit = Iniciar sesión
signin-cant_access = ¿No puede acceder a su cuenta?
signin-error-invalid_credentials = El nombre de usuario o la contraseña no son correctos.
signin-error-account_locked = Su cuenta se ha bloqueado tras demasiados intentos fallidos de inicio de sesión. Inténtelo de nuevo dentro de { $wait } o desbloquéela ahora.
signin-error-account_locked_no_wait = Su cuenta se ha bloqueado tras demasiados intentos fallidos de inicio de sesión. Inténtelo de nuevo más tarde o desbloquéela ahora.
signin-error-account_disabled = Su cuenta está deshabilitada. Póngase en contacto con el servicio de asistencia.
signin-unlock_link = Desbloquear mi cuenta
signin-signed_out = Ha cerrado la sesión.

## Métodos

method-email = Correo electrónico
method-mobile_sms = Teléfono móvil (mensaje de texto)
method-mobile_voice = Teléfono móvil (llamada de voz)
method-office_voice = Teléfono de la oficina (llamada de voz)
method-authenticator_app = Aplicación de autenticación
method-security_questions = Preguntas de seguridad
method-recovery_codes = Códigos de recuperación
method-passkey = Llave de acceso
method-codes_left = Códigos restantes: { $n } de 10
method-status-active = Activo
method-status-pending = Esperando el código
method-status-pending_app = Sin terminar: quítelo y vuelva a configurarlo

## Información de seguridad

security-title = Mi información de seguridad
security-intro = Estas son las formas en que puede demostrar su identidad cuando restablece su contraseña o desbloquea su cuenta.
security-status = Métodos configurados: { $registered }. Requeridos: { $required }.
security-compliant = Tiene suficientes métodos configurados para restablecer su contraseña por su cuenta.
security-not_compliant = Agregue más métodos: necesita { $required } para restablecer su contraseña por su cuenta.
security-list_label = Sus métodos
security-none = Aún no ha configurado ningún método.
security-added_on = Agregado el { $date }
security-remove = Quitar { $method }
security-remove_confirm = ¿Quitar { $method } ({ $hint })? Ya no podrá usarlo para restablecer su contraseña.
security-removed = Se ha quitado { $method }.
security-removed_short = Se ha quitado { $method }. Ahora tiene menos métodos de los requeridos: agregue otro para poder restablecer su contraseña por su cuenta.
security-enter_code_for = Escriba el código de { $method }
security-add_title = Agregar un método
security-add_kind = Método que desea agregar
security-add_button = Agregar { $method }
security-added = Se ha configurado { $method }.
security-reconfirm_title = ¿Siguen siendo suyos?
security-reconfirm_intro = Compruebe que sus métodos siguen siendo correctos y están actualizados.
security-reconfirm_button = Sí, siguen siendo correctos
security-reconfirmed = Gracias. Sus métodos están confirmados.
security-reconfirm_due = Confirme sus métodos antes del { $date }.
security-error-use_security_questions_endpoint = Configure las preguntas de seguridad con el formulario de preguntas.
security-error-method_not_enabled = Su organización no permite este método.
security-error-not_allowed_for_administrators = Los administradores no pueden usar este método.
security-error-already_active = Este método ya está configurado.
security-error-no_code_method = Este método no usa ningún código.
security-error-no_code_pending = No hay ningún código pendiente para este método. Solicite uno nuevo.

## Formularios para agregar

add-email-label = Dirección de correo electrónico
add-email-help = Le enviaremos un código a esta dirección.
add-phone-label = Número de teléfono
add-phone-help = En formato internacional, empezando por + y el código del país; por ejemplo, +44 20 7946 0958.
add-extension-label = Extensión (opcional)
add-extension-help = Solo dígitos.
add-send_code = Enviar código
add-code_sent_email = Hemos enviado un código a { $hint }.
add-code_sent_phone_sms = Hemos enviado un mensaje de texto con un código a { $hint }.
add-code_sent_phone_voice = Estamos llamando a { $hint } para leerle un código.
add-app-intro = Abra su aplicación de autenticación, agregue una cuenta y escanee este código QR.
add-app-qr_alt = Código QR para su aplicación de autenticación
add-app-manual = ¿No puede escanearlo? Escriba esta clave en la aplicación:
add-app-start = Configurar una aplicación de autenticación
add-app-code_label = Código de 6 dígitos que muestra la aplicación
add-app-code_help = Escriba el código que muestra ahora la aplicación; cambia cada 30 segundos.
add-codes-intro = Los códigos de recuperación le permiten restablecer su contraseña cuando no tiene acceso a ninguno de sus otros métodos. Cada código funciona una sola vez. Guárdelos en un lugar seguro, lejos de sus dispositivos.
add-codes-replace_intro = Un nuevo conjunto reemplaza sus códigos actuales: los anteriores dejan de funcionar de inmediato.
add-codes-start = Generar códigos de recuperación
add-codes-regenerate = Generar códigos nuevos
add-codes-shown_once = Guarde estos códigos ahora: solo se muestran esta vez.
add-codes-list_label = Sus códigos de recuperación
add-codes-download = Descargar
add-codes-print = Imprimir
add-codes-file_title = Sus códigos de recuperación, generados el { $date }. Cada código funciona una sola vez.
add-codes-saved = He guardado mis códigos
add-codes-done = Listo
recover-recovery_code = Escriba uno de sus códigos de recuperación. Cada código funciona una sola vez.
recover-recovery_code_label = Código de recuperación
recover-recovery_code_help = Por ejemplo, abcd-efgh-jk. Los guiones, los espacios y las mayúsculas no importan.
add-passkey-intro = Una llave de acceso le permite demostrar su identidad con este dispositivo (o su teléfono) y su huella digital, su rostro o su PIN. No tiene que escribir nada y no se puede robar mediante phishing.
add-passkey-name = Nombre
add-passkey-name_help = Para distinguir sus llaves de acceso; por ejemplo, «Portátil del trabajo».
add-passkey-start = Crear una llave de acceso
passkey-unsupported = Este navegador no puede usar llaves de acceso. Pruebe con otro navegador o dispositivo.
passkey-use = Usar mi llave de acceso
passkey-recover_intro = Use una llave de acceso que haya creado para esta cuenta: el navegador le pedirá su huella digital, su rostro o su PIN.
passkey-device-NotAllowedError = No se usó la llave de acceso: se canceló, se agotó el tiempo de espera o este dispositivo no tiene ninguna para esta cuenta.
passkey-device-InvalidStateError = Este dispositivo ya contiene una de sus llaves de acceso.
passkey-device-NotSupportedError = Este dispositivo no puede crear una llave de acceso del tipo necesario.
passkey-device-SecurityError = Las llaves de acceso no funcionan en esta dirección. Avise al servicio de asistencia.
passkey-device-Unsupported = Este navegador no puede usar llaves de acceso. Pruebe con otro navegador o dispositivo.
field-passkey_rejected = No se aceptó esa llave de acceso. Use una que haya creado para esta cuenta en este sitio.
field-passkey_not_requested = Ha tardado demasiado o ya se usó. Inténtelo de nuevo.
security-error-passkeys_unavailable = Las llaves de acceso no están disponibles en este servicio. Avise al servicio de asistencia.
add-questions-intro = Elija { $count } preguntas y respóndalas. Las respuestas deben tener entre 3 y 40 caracteres; las mayúsculas y los espacios no importan.
add-questions-question_n = Pregunta { $n }
add-questions-answer_n = Respuesta { $n }
add-questions-choose = Elija una pregunta
add-questions-save = Guardar respuestas
add-questions-duplicate = Elija una pregunta distinta para cada respuesta.
add-questions-answer_length = Las respuestas deben tener entre 3 y 40 caracteres.

## Introducción del código

code-label = Código
code-help = Escriba el código que ha recibido.
code-resend = Enviar un código nuevo
code-resend_in = Podrá solicitar un código nuevo dentro de { $n } s.
code-resent = Se ha enviado un código nuevo.
code-expires = El código es válido durante { $wait }.

## Errores de campo y de código (el `code` de la API)

field-invalid_code = El código no es correcto.
field-invalid_code_left = El código no es correcto. Intentos restantes: { $n }.
field-invalid_code_left_one = El código no es correcto. Le queda 1 intento.
field-code_expired = El código ha caducado. Solicite uno nuevo.
field-too_many_attempts = Demasiados códigos incorrectos. Solicite uno nuevo.
field-no_code_pending = Todavía no se ha enviado ningún código. Solicite uno.
field-wrong_answers = Las respuestas no son correctas. Responda las nuevas preguntas.
field-questions_not_asked = Esas no son las preguntas que se le hacen ahora. Responda las preguntas que se muestran.
field-totp_invalid = El código no es correcto. Compruebe que la hora de su teléfono es correcta y escriba el código actual.
field-recovery_code_invalid = No es uno de sus códigos de recuperación sin usar. Cada código funciona una sola vez.
field-totp_replayed = Ese código ya se ha usado. Espere al siguiente código de la aplicación.
field-too_short = La contraseña es demasiado corta.
field-too_long = La contraseña es demasiado larga.
field-common_password = Esta contraseña es demasiado común; elija otra.
field-banned_word = La contraseña contiene una palabra que no está permitida aquí.
field-personal_information = La contraseña no debe contener su nombre ni su nombre de usuario.
field-too_weak = La contraseña es demasiado fácil de adivinar. Pruebe con una frase de contraseña más larga, formada por varias palabras sin relación entre sí.
field-reused = Ha usado esta contraseña recientemente. Elija una nueva.
field-invalid_characters = La contraseña contiene caracteres que no están permitidos.
field-incorrect = Su contraseña actual no es correcta.
field-destination_mismatch = No es la dirección ni el número registrados.
field-captcha_invalid = La comprobación de que es una persona falló o caducó. Vuelva a hacerla.
field-missing_field = Este campo es obligatorio.
field-invalid_email = Escriba una dirección de correo electrónico válida.
field-invalid_phone = Escriba el número en formato internacional, empezando por +.
field-invalid_extension = La extensión solo puede contener dígitos.
field-unknown_question = Elija una pregunta de la lista.
field-mismatch = Las dos contraseñas no coinciden.

## Contraseñas

password-current = Contraseña actual
password-new = Nueva contraseña
password-confirm = Confirmar la nueva contraseña
password-show = Mostrar las contraseñas
password-rules_title = Su nueva contraseña debe:
password-rule-min_length = tener al menos { $n } caracteres
password-rule-max_length = tener como máximo { $n } caracteres
password-rule-strength = ser difícil de adivinar (lo mejor es una frase de varias palabras)
password-rule-match = coincidir en ambos campos
password-rule-met = cumplido
password-rule-not_met = aún no
password-strength-label = Seguridad
password-strength-0 = Muy débil
password-strength-1 = Débil
password-strength-2 = Aceptable
password-strength-3 = Segura
password-strength-4 = Muy segura
password-strength-empty = Aún no se ha escrito

## Cambiar la contraseña

change-title = Cambie su contraseña
change-required = Un administrador estableció su contraseña. Elija su propia contraseña para continuar.
change-submit = Cambiar contraseña
change-done = Se ha cambiado su contraseña.

## Registro

register-title = Configure su información de seguridad
register-intro = Su organización le pide que configure { $required } formas de demostrar su identidad, para que pueda restablecer su contraseña por su cuenta si la olvida.
register-intro_one = Su organización le pide que configure una forma de demostrar su identidad, para que pueda restablecer su contraseña por su cuenta si la olvida.
register-progress = Configurados: { $registered } de { $required }
register-next = Agregar otro método
register-done = Todo listo. Ya puede restablecer su contraseña por su cuenta.
register-continue = Ir a mi información de seguridad
register-nothing_to_add = No hay ningún otro método que pueda agregar. Póngase en contacto con el servicio de asistencia.

## Recuperación

recover-title = ¿No puede acceder a su cuenta?
recover-intro = Demuestre su identidad con los métodos que configuró y, a continuación, elija una nueva contraseña o desbloquee su cuenta.
recover-username = Nombre de usuario
recover-purpose-legend = ¿Qué necesita?
recover-purpose-reset_password = Olvidé mi contraseña
recover-purpose-unlock_account = Sé mi contraseña, pero no puedo iniciar sesión
recover-captcha-label = Confirme que es una persona
recover-captcha-waiting = Complete primero la comprobación de arriba.
recover-captcha-unavailable = No se pudo cargar la comprobación de que es una persona. Recargue la página o póngase en contacto con el servicio de asistencia.
recover-captcha-provider = Este servicio usa un proveedor de CAPTCHA que esta aplicación no admite. Póngase en contacto con el servicio de asistencia.
recover-start = Siguiente
recover-step = Paso { $n } de { $total }
recover-verify_title = Demuestre su identidad
recover-verify_second = Ahora demuéstrela con un segundo método
recover-choose_method = Elija un método
recover-no_methods = No hay ningún método que pueda usar para demostrar su identidad. Póngase en contacto con el servicio de asistencia.
recover-confirm-email = Escriba su dirección de correo electrónico completa (opcional)
recover-confirm-phone = Escriba su número de teléfono completo (opcional)
recover-confirm-help = Algunas organizaciones le piden que lo escriba completo antes de enviarle el código.
recover-send_code = Enviar código
stepup-title = Confirme que es usted
stepup-intro = Para cambiar su información de seguridad, primero demuestre su identidad con uno de los métodos que ya tiene. Después podrá hacer cambios durante 10 minutos.
stepup-use = Usar { $method } { $hint }
stepup-code_sent = Hemos enviado un código a { $hint }.
stepup-done = Gracias. Puede cambiar su información de seguridad durante los próximos 10 minutos; vuelva a intentarlo.
security-error-step_up_required = Para cambiar su información de seguridad, primero confirme que es usted (consulte «Confirme que es usted» más arriba).
security-recovery_from = Para su protección, podrá usarse para restablecer su contraseña a partir del { $date }.
recover-text_me = Enviarme un SMS
recover-call_me = Llamarme
recover-use_method = Usar este método
recover-app_code = Escriba el código de 6 dígitos de su aplicación de autenticación.
recover-questions_intro = Responda sus preguntas de seguridad.
recover-answer_label = Su respuesta
recover-other_method = Usar otro método
recover-passed = Verificación correcta. Aún debe verificar { $n } más.
recover-new_password_title = Elija una nueva contraseña
recover-set_password = Restablecer contraseña
recover-unlock_title = Desbloquee su cuenta
recover-unlock_intro = Ha demostrado su identidad. Desbloquee su cuenta para volver a iniciar sesión con su contraseña actual.
recover-unlock = Desbloquear mi cuenta
recover-done-password_title = Se ha restablecido su contraseña
recover-done-password_body = Se ha restablecido su contraseña: inicie sesión con ella.
recover-done-unlock_title = Su cuenta está desbloqueada
recover-done-unlock_body = Su cuenta está desbloqueada: inicie sesión con su contraseña.
recover-done-sign_in = Ir a iniciar sesión
recover-error-flow_expired = Este restablecimiento ha tardado demasiado y ha caducado. Vuelva a empezar.
recover-error-flow_locked = Demasiados intentos fallidos. Vuelva a empezar más tarde.
recover-error-flow_finished = Este restablecimiento ya ha terminado. Vuelva a empezar si lo necesita.
recover-error-flow_ended = Su cuenta ha cambiado mientras restablecía la contraseña. Vuelva a empezar.
recover-error-flow_changed = Este restablecimiento ha avanzado en otra ventana. Vuelva a empezar.
recover-error-method_unavailable = Este método ha cambiado desde que empezó. Vuelva a empezar.
recover-error-method_already_passed = Ya ha verificado este método. Elija otro.
recover-error-not_offered = Este método no se puede usar aquí. Elija otro.
recover-error-unauthenticated = Este restablecimiento ya no es válido. Vuelva a empezar.
recover-error-not_eligible = El restablecimiento de contraseña de autoservicio no está disponible para su cuenta. Póngase en contacto con el servicio de asistencia.
recover-error-too_many_attempts = Demasiados códigos incorrectos. Solicite uno nuevo.
recover-error-unlock_disabled = Su organización no permite desbloquear la cuenta sin restablecer la contraseña. Restablezca su contraseña.
recover-error-wrong_purpose = Este restablecimiento se inició con otro fin. Vuelva a empezar.
recover-error-verification_incomplete = Primero demuestre su identidad con todos los métodos requeridos.
recover-error-captcha_invalid = La comprobación de que es una persona falló o caducó. Vuelva a hacerla.
