## Sign in

signin-title = Sign in
signin-intro = Sign in to manage how you prove who you are when you forget your password.
signin-username = Username
signin-password = Password
signin-submit = Sign in
signin-cant_access = Can't access your account?
signin-error-invalid_credentials = The username or password is not correct.
signin-error-account_locked = Your account is locked after too many failed sign-ins. Try again in { $wait }, or unlock it now.
signin-error-account_locked_no_wait = Your account is locked after too many failed sign-ins. Try again later, or unlock it now.
signin-error-account_disabled = Your account is disabled. Contact your helpdesk.
signin-unlock_link = Unlock my account
signin-signed_out = You have signed out.

## Methods

method-email = Email
method-mobile_sms = Mobile phone (text message)
method-mobile_voice = Mobile phone (voice call)
method-office_voice = Office phone (voice call)
method-authenticator_app = Authenticator app
method-security_questions = Security questions
method-recovery_codes = Recovery codes
method-passkey = Passkey
method-codes_left = { $n } of 10 codes left
method-status-active = Active
method-status-pending = Waiting for the code
method-status-pending_app = Not finished: remove it and set it up again

## Security info

security-title = My security info
security-intro = These are the ways you can prove who you are when you reset your password or unlock your account.
security-status = Methods set up: { $registered }. Required: { $required }.
security-compliant = You have enough methods set up to reset your password yourself.
security-not_compliant = Add more methods: you need { $required } to reset your password yourself.
security-list_label = Your methods
security-none = You have not set up any method yet.
security-added_on = Added { $date }
security-remove = Remove { $method }
security-remove_confirm = Remove { $method } ({ $hint })? You will no longer be able to use it to reset your password.
security-removed = { $method } was removed.
security-removed_short = { $method } was removed. You now have fewer methods than required: add another so you can still reset your password yourself.
security-enter_code_for = Enter the code for { $method }
security-add_title = Add a method
security-add_kind = Method to add
security-add_button = Add { $method }
security-added = { $method } is set up.
security-reconfirm_title = Are these still yours?
security-reconfirm_intro = Please check that your methods are still correct and up to date.
security-reconfirm_button = Yes, they are still correct
security-reconfirmed = Thank you, your methods are confirmed.
security-reconfirm_due = Please confirm your methods by { $date }.
security-error-use_security_questions_endpoint = Set up security questions with the questions form.
security-error-method_not_enabled = Your organisation does not allow this method.
security-error-not_allowed_for_administrators = Administrators cannot use this method.
security-error-already_active = This method is already set up.
security-error-no_code_method = This method does not use a code.
security-error-no_code_pending = No code is waiting for this method. Send a new one.

## Add forms

add-email-label = Email address
add-email-help = We will send a code to this address.
add-phone-label = Phone number
add-phone-help = In international form, starting with + and the country code, for example +44 20 7946 0958.
add-extension-label = Extension (optional)
add-extension-help = Digits only.
add-send_code = Send code
add-code_sent_email = We sent a code to { $hint }.
add-code_sent_phone_sms = We sent a text message with a code to { $hint }.
add-code_sent_phone_voice = We are calling { $hint } to read you a code.
add-app-intro = Open your authenticator app, add an account, and scan this QR code.
add-app-qr_alt = QR code for your authenticator app
add-app-manual = Can't scan it? Enter this key in the app instead:
add-app-start = Set up an authenticator app
add-app-code_label = The 6-digit code the app shows
add-app-code_help = Enter the code the app shows now; it changes every 30 seconds.
add-codes-intro = Recovery codes let you reset your password when you have none of your other methods. Each code works once. Keep them somewhere safe, away from your devices.
add-codes-replace_intro = A new set replaces your current codes: the old ones stop working at once.
add-codes-start = Generate recovery codes
add-codes-regenerate = Generate new codes
add-codes-shown_once = Save these codes now: they are shown only this once.
add-codes-list_label = Your recovery codes
add-codes-download = Download
add-codes-print = Print
add-codes-file_title = Your recovery codes, generated on { $date }. Each code works once.
add-codes-saved = I have saved my codes
add-codes-done = Done
recover-recovery_code = Enter one of your recovery codes. Each code works once.
recover-recovery_code_label = Recovery code
recover-recovery_code_help = For example abcd-efgh-jk. Dashes, spaces and capital letters do not matter.
add-passkey-intro = A passkey lets you prove it is you with this device (or your phone) and its fingerprint, face or PIN. Nothing to type, and it cannot be phished.
add-passkey-name = Name
add-passkey-name_help = So you can tell your passkeys apart, for example "Work laptop".
add-passkey-start = Create a passkey
passkey-unsupported = This browser cannot use passkeys. Try another browser or device.
passkey-use = Use my passkey
passkey-recover_intro = Use a passkey you created for this account: your browser will ask for your fingerprint, face or PIN.
passkey-device-NotAllowedError = The passkey was not used: it was cancelled, timed out, or this device has none for this account.
passkey-device-InvalidStateError = This device already holds one of your passkeys.
passkey-device-NotSupportedError = This device cannot make a passkey of the kind needed.
passkey-device-SecurityError = Passkeys do not work at this address. Tell your helpdesk.
passkey-device-Unsupported = This browser cannot use passkeys. Try another browser or device.
field-passkey_rejected = That passkey was not accepted. Use one you created for this account, on this site.
field-passkey_not_requested = That took too long or was already used. Try again.
security-error-passkeys_unavailable = Passkeys are not available on this service. Tell your helpdesk.
add-questions-intro = Choose { $count } questions and answer them. Answers are 3 to 40 characters; capital letters and spaces do not matter.
add-questions-question_n = Question { $n }
add-questions-answer_n = Answer { $n }
add-questions-choose = Choose a question
add-questions-save = Save answers
add-questions-duplicate = Choose a different question for each answer.
add-questions-answer_length = Answers must be 3 to 40 characters long.

## Code entry

code-label = Code
code-help = Enter the code you received.
code-resend = Send a new code
code-resend_in = You can ask for a new code in { $n } s.
code-resent = A new code was sent.
code-expires = The code is valid for { $wait }.

## Field and code errors (the `code` of the API)

field-invalid_code = That code is not correct.
field-invalid_code_left = That code is not correct. { $n } tries left.
field-invalid_code_left_one = That code is not correct. 1 try left.
field-code_expired = That code has expired. Ask for a new one.
field-too_many_attempts = Too many wrong codes. Ask for a new one.
field-no_code_pending = No code was sent yet. Ask for one.
field-wrong_answers = Those answers are not correct. Please answer the new questions.
field-questions_not_asked = Those are not the questions asked now. Please answer the questions shown.
field-totp_invalid = That code is not correct. Check that the clock of your phone is right and enter the current code.
field-recovery_code_invalid = That is not one of your unused recovery codes. Each code works once.
field-totp_replayed = That code was already used. Wait for the next code in your app.
field-too_short = The password is too short.
field-too_long = The password is too long.
field-common_password = This password is too common; choose another.
field-banned_word = The password contains a word that is not allowed here.
field-personal_information = The password must not contain your name or username.
field-too_weak = The password is too easy to guess. Try a longer passphrase of several unrelated words.
field-reused = You used this password recently. Choose a new one.
field-invalid_characters = The password contains characters that are not allowed.
field-incorrect = Your current password is not correct.
field-destination_mismatch = That is not the address or number on file.
field-captcha_invalid = The check that you are a person failed or expired. Please do it again.
field-missing_field = This field is required.
field-invalid_email = Enter a valid email address.
field-invalid_phone = Enter the number in international form, starting with +.
field-invalid_extension = The extension must be digits only.
field-unknown_question = Choose a question from the list.
field-mismatch = The two passwords do not match.

## Passwords

password-current = Current password
password-new = New password
password-confirm = Confirm new password
password-show = Show passwords
password-rules_title = Your new password must:
password-rule-min_length = be at least { $n } characters long
password-rule-max_length = be at most { $n } characters long
password-rule-strength = be hard to guess (a passphrase of several words is best)
password-rule-match = match in both fields
password-rule-met = done
password-rule-not_met = not yet
password-strength-label = Strength
password-strength-0 = Very weak
password-strength-1 = Weak
password-strength-2 = Fair
password-strength-3 = Strong
password-strength-4 = Very strong
password-strength-empty = Not entered yet

## Change password

change-title = Change your password
change-required = Your password was set by an administrator. Choose your own password to continue.
change-submit = Change password
change-done = Your password was changed.

## Registration

register-title = Set up your security info
register-intro = Your organisation asks you to set up { $required } ways to prove who you are, so you can reset your password yourself if you forget it.
register-intro_one = Your organisation asks you to set up a way to prove who you are, so you can reset your password yourself if you forget it.
register-progress = { $registered } of { $required } set up
register-next = Add another method
register-done = All set. You can now reset your password yourself.
register-continue = Continue to my security info
register-nothing_to_add = There is no other method you can add. Contact your helpdesk.

## Recover

recover-title = Can't access your account?
recover-intro = Prove who you are with the methods you set up, then choose a new password or unlock your account.
recover-username = Username
recover-purpose-legend = What do you need?
recover-purpose-reset_password = I forgot my password
recover-purpose-unlock_account = I know my password but still can't sign in
recover-captcha-label = Confirm that you are a person
recover-captcha-waiting = Please complete the check above first.
recover-captcha-unavailable = The check that you are a person could not be loaded. Reload the page or contact your helpdesk.
recover-captcha-provider = This service uses a CAPTCHA provider this app does not support. Contact your helpdesk.
recover-start = Next
recover-step = Step { $n } of { $total }
recover-verify_title = Prove it is you
recover-verify_second = Now prove it with a second method
recover-choose_method = Choose a method
recover-no_methods = There is no method you can use to prove who you are. Contact your helpdesk.
recover-confirm-email = Type your full email address (optional)
recover-confirm-phone = Type your full phone number (optional)
recover-confirm-help = Some organisations ask you to type it in full before we send the code.
recover-send_code = Send code
stepup-title = Confirm it is you
stepup-intro = To change your security info, first prove it is you with one of the methods you already have. You can then make changes for 10 minutes.
stepup-use = Use { $method } { $hint }
stepup-code_sent = We sent a code to { $hint }.
stepup-done = Thank you. You can change your security info for the next 10 minutes; please try again.
security-error-step_up_required = To change your security info, first confirm it is you (see "Confirm it is you" above).
security-recovery_from = For your protection, it can be used to reset your password from { $date }.
recover-text_me = Text me
recover-call_me = Call me
recover-use_method = Use this method
recover-app_code = Enter the 6-digit code from your authenticator app.
recover-questions_intro = Answer your security questions.
recover-answer_label = Your answer
recover-other_method = Use another method
recover-passed = Verified. { $n } more to go.
recover-new_password_title = Choose a new password
recover-set_password = Reset password
recover-unlock_title = Unlock your account
recover-unlock_intro = You have proved who you are. Unlock your account to sign in again with your current password.
recover-unlock = Unlock my account
recover-done-password_title = Your password was reset
recover-done-password_body = Your password was reset — sign in with it.
recover-done-unlock_title = Your account is unlocked
recover-done-unlock_body = Your account is unlocked — sign in with your password.
recover-done-sign_in = Go to sign in
recover-error-flow_expired = This reset took too long and has expired. Please start again.
recover-error-flow_locked = Too many failed attempts. Please start again later.
recover-error-flow_finished = This reset is already over. Start again if you need to.
recover-error-flow_ended = Your account changed while you were resetting. Please start again.
recover-error-flow_changed = This reset moved on in another window. Please start again.
recover-error-method_unavailable = This method changed since you started. Please start again.
recover-error-method_already_passed = You already verified this method. Choose another.
recover-error-not_offered = This method cannot be used here. Choose another.
recover-error-unauthenticated = This reset is no longer valid. Please start again.
recover-error-not_eligible = Self-service password reset is not available for your account. Contact your helpdesk.
recover-error-too_many_attempts = Too many wrong codes. Ask for a new one.
recover-error-unlock_disabled = Your organisation does not allow unlocking without a password reset. Reset your password instead.
recover-error-wrong_purpose = This reset was started for something else. Please start again.
recover-error-verification_incomplete = Prove who you are with all required methods first.
recover-error-captcha_invalid = The check that you are a person failed or expired. Please do it again.
