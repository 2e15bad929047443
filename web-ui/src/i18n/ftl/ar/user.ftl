## تسجيل الدخول

signin-title = تسجيل الدخول
signin-intro = سجّل الدخول لإدارة الطرق التي تُثبت بها هويتك عندما تنسى كلمة المرور.
signin-username = اسم المستخدم
signin-password = كلمة المرور
signin-submit = تسجيل الدخول
signin-cant_access = لا يمكنك الوصول إلى حسابك؟
signin-error-invalid_credentials = اسم المستخدم أو كلمة المرور غير صحيحة.
signin-error-account_locked = تم قفل حسابك بسبب كثرة محاولات تسجيل الدخول الفاشلة. حاول مرة أخرى بعد { $wait }، أو ألغِ قفله الآن.
signin-error-account_locked_no_wait = تم قفل حسابك بسبب كثرة محاولات تسجيل الدخول الفاشلة. حاول مرة أخرى لاحقًا، أو ألغِ قفله الآن.
signin-error-account_disabled = حسابك معطّل. تواصل مع الدعم الفني.
signin-unlock_link = إلغاء قفل حسابي
signin-signed_out = تم تسجيل خروجك.

## طرق التحقق

method-email = البريد الإلكتروني
method-mobile_sms = الهاتف المحمول (رسالة نصية)
method-mobile_voice = الهاتف المحمول (مكالمة صوتية)
method-office_voice = هاتف المكتب (مكالمة صوتية)
method-authenticator_app = تطبيق المصادقة
method-security_questions = أسئلة الأمان
method-recovery_codes = رموز الاسترداد
method-passkey = مفتاح المرور
method-codes_left =
    { $n ->
        [zero] لم يتبقَّ أي رمز من أصل 10
        [one] تبقّى رمز واحد من أصل 10
        [two] تبقّى رمزان من أصل 10
        [few] تبقّى { $n } رموز من أصل 10
        [many] تبقّى { $n } رمزًا من أصل 10
       *[other] تبقّى { $n } رمز من أصل 10
    }
method-status-active = نشطة
method-status-pending = بانتظار الرمز
method-status-pending_app = غير مكتملة: أزلها وأعد إعدادها

## معلومات الأمان

security-title = معلومات الأمان الخاصة بي
security-intro = هذه هي الطرق التي يمكنك بها إثبات هويتك عند إعادة تعيين كلمة المرور أو إلغاء قفل حسابك.
security-status = الطرق المُعدّة: { $registered }. المطلوب: { $required }.
security-compliant = لديك عدد كافٍ من الطرق المُعدّة لإعادة تعيين كلمة المرور بنفسك.
security-not_compliant =
    { $required ->
        [zero] أضف مزيدًا من الطرق: تحتاج إلى { $required } طريقة لإعادة تعيين كلمة المرور بنفسك.
        [one] أضف طريقة: تحتاج إلى طريقة واحدة لإعادة تعيين كلمة المرور بنفسك.
        [two] أضف مزيدًا من الطرق: تحتاج إلى طريقتين لإعادة تعيين كلمة المرور بنفسك.
        [few] أضف مزيدًا من الطرق: تحتاج إلى { $required } طرق لإعادة تعيين كلمة المرور بنفسك.
        [many] أضف مزيدًا من الطرق: تحتاج إلى { $required } طريقة لإعادة تعيين كلمة المرور بنفسك.
       *[other] أضف مزيدًا من الطرق: تحتاج إلى { $required } طريقة لإعادة تعيين كلمة المرور بنفسك.
    }
security-list_label = طرقك
security-none = لم تُعِدّ أي طريقة بعد.
security-added_on = أُضيفت في { $date }
security-remove = إزالة { $method }
security-remove_confirm = هل تريد إزالة { $method } ({ $hint })؟ لن تتمكن بعد ذلك من استخدامها لإعادة تعيين كلمة المرور.
security-removed = تمت إزالة { $method }.
security-removed_short = تمت إزالة { $method }. أصبح لديك الآن عدد طرق أقل من المطلوب: أضف طريقة أخرى حتى تظل قادرًا على إعادة تعيين كلمة المرور بنفسك.
security-enter_code_for = أدخل رمز { $method }
security-add_title = إضافة طريقة
security-add_kind = الطريقة المراد إضافتها
security-add_button = إضافة { $method }
security-added = تم إعداد { $method }.
security-reconfirm_title = هل ما زالت هذه الطرق خاصة بك؟
security-reconfirm_intro = يُرجى التأكد من أن طرقك ما زالت صحيحة ومحدَّثة.
security-reconfirm_button = نعم، ما زالت صحيحة
security-reconfirmed = شكرًا لك، تم تأكيد طرقك.
security-reconfirm_due = يُرجى تأكيد طرقك في موعد أقصاه { $date }.
security-error-use_security_questions_endpoint = أعِدّ أسئلة الأمان من خلال نموذج الأسئلة.
security-error-method_not_enabled = لا تسمح مؤسستك بهذه الطريقة.
security-error-not_allowed_for_administrators = لا يمكن للمسؤولين استخدام هذه الطريقة.
security-error-already_active = هذه الطريقة مُعدّة بالفعل.
security-error-no_code_method = هذه الطريقة لا تستخدم رمزًا.
security-error-no_code_pending = لا يوجد رمز بانتظار الإدخال لهذه الطريقة. أرسل رمزًا جديدًا.

## نماذج الإضافة

add-email-label = عنوان البريد الإلكتروني
add-email-help = سنرسل رمزًا إلى هذا العنوان.
add-phone-label = رقم الهاتف
add-phone-help = بالصيغة الدولية، بدءًا بالعلامة + ثم رمز البلد، مثل ⁦+44 20 7946 0958⁩.
add-extension-label = الرقم الداخلي (اختياري)
add-extension-help = أرقام فقط.
add-send_code = إرسال الرمز
add-code_sent_email = أرسلنا رمزًا إلى { $hint }.
add-code_sent_phone_sms = أرسلنا رسالة نصية تتضمن رمزًا إلى { $hint }.
add-code_sent_phone_voice = نتصل الآن بالرقم { $hint } لنقرأ عليك رمزًا.
add-app-intro = افتح تطبيق المصادقة، وأضف حسابًا، ثم امسح رمز QR هذا ضوئيًا.
add-app-qr_alt = رمز QR لتطبيق المصادقة
add-app-manual = تعذّر المسح الضوئي؟ أدخل هذا المفتاح في التطبيق بدلًا من ذلك:
add-app-start = إعداد تطبيق مصادقة
add-app-code_label = الرمز المكوّن من 6 أرقام الذي يعرضه التطبيق
add-app-code_help = أدخل الرمز الذي يعرضه التطبيق الآن؛ فهو يتغيّر كل 30 ثانية.
add-codes-intro = تتيح لك رموز الاسترداد إعادة تعيين كلمة المرور عندما لا تتوفر لديك أي طريقة أخرى من طرقك. يصلح كل رمز لمرة واحدة فقط. احتفظ بها في مكان آمن، بعيدًا عن أجهزتك.
add-codes-replace_intro = تحلّ المجموعة الجديدة محل رموزك الحالية: تتوقف الرموز القديمة عن العمل فورًا.
add-codes-start = إنشاء رموز الاسترداد
add-codes-regenerate = إنشاء رموز جديدة
add-codes-shown_once = احفظ هذه الرموز الآن: لن تُعرض إلا هذه المرة فقط.
add-codes-list_label = رموز الاسترداد الخاصة بك
add-codes-download = تنزيل
add-codes-print = طباعة
add-codes-file_title = رموز الاسترداد الخاصة بك، أُنشئت في { $date }. يصلح كل رمز لمرة واحدة فقط.
add-codes-saved = لقد حفظت رموزي
add-codes-done = تم
recover-recovery_code = أدخل أحد رموز الاسترداد الخاصة بك. يصلح كل رمز لمرة واحدة فقط.
recover-recovery_code_label = رمز الاسترداد
recover-recovery_code_help = مثال: abcd-efgh-jk. لا تهمّ الشَّرطات والمسافات والأحرف الكبيرة.
add-passkey-intro = يتيح لك مفتاح المرور إثبات هويتك باستخدام هذا الجهاز (أو هاتفك) وبصمة الإصبع أو الوجه أو رمز PIN الخاص به. لا حاجة إلى كتابة أي شيء، ولا يمكن سرقته بالتصيّد الاحتيالي.
add-passkey-name = الاسم
add-passkey-name_help = لتتمكن من التمييز بين مفاتيح المرور الخاصة بك، مثل «الحاسوب المحمول للعمل».
add-passkey-start = إنشاء مفتاح مرور
passkey-unsupported = لا يمكن لهذا المتصفح استخدام مفاتيح المرور. جرّب متصفحًا أو جهازًا آخر.
passkey-use = استخدام مفتاح المرور الخاص بي
passkey-recover_intro = استخدم مفتاح مرور أنشأته لهذا الحساب: سيطلب منك المتصفح بصمة الإصبع أو الوجه أو رمز PIN.
passkey-device-NotAllowedError = لم يُستخدم مفتاح المرور: إما أنه أُلغي، أو انتهت مهلته، أو أن هذا الجهاز لا يحتوي على مفتاح مرور لهذا الحساب.
passkey-device-InvalidStateError = يحتوي هذا الجهاز بالفعل على أحد مفاتيح المرور الخاصة بك.
passkey-device-NotSupportedError = لا يمكن لهذا الجهاز إنشاء مفتاح مرور من النوع المطلوب.
passkey-device-SecurityError = مفاتيح المرور لا تعمل على هذا العنوان. أبلغ الدعم الفني.
passkey-device-Unsupported = لا يمكن لهذا المتصفح استخدام مفاتيح المرور. جرّب متصفحًا أو جهازًا آخر.
field-passkey_rejected = لم يُقبل مفتاح المرور هذا. استخدم مفتاحًا أنشأته لهذا الحساب على هذا الموقع.
field-passkey_not_requested = استغرق ذلك وقتًا طويلًا جدًا أو سبق استخدامه. حاول مرة أخرى.
security-error-passkeys_unavailable = مفاتيح المرور غير متاحة في هذه الخدمة. أبلغ الدعم الفني.
add-questions-intro =
    { $count ->
        [zero] اختر { $count } سؤال وأجب عنها. يجب أن تتكون الإجابات من 3 إلى 40 حرفًا؛ ولا تهمّ الأحرف الكبيرة والمسافات.
        [one] اختر سؤالًا واحدًا وأجب عنه. يجب أن تتكون الإجابة من 3 إلى 40 حرفًا؛ ولا تهمّ الأحرف الكبيرة والمسافات.
        [two] اختر سؤالين وأجب عنهما. يجب أن تتكون الإجابات من 3 إلى 40 حرفًا؛ ولا تهمّ الأحرف الكبيرة والمسافات.
        [few] اختر { $count } أسئلة وأجب عنها. يجب أن تتكون الإجابات من 3 إلى 40 حرفًا؛ ولا تهمّ الأحرف الكبيرة والمسافات.
        [many] اختر { $count } سؤالًا وأجب عنها. يجب أن تتكون الإجابات من 3 إلى 40 حرفًا؛ ولا تهمّ الأحرف الكبيرة والمسافات.
       *[other] اختر { $count } سؤال وأجب عنها. يجب أن تتكون الإجابات من 3 إلى 40 حرفًا؛ ولا تهمّ الأحرف الكبيرة والمسافات.
    }
add-questions-question_n = السؤال { $n }
add-questions-answer_n = الإجابة { $n }
add-questions-choose = اختر سؤالًا
add-questions-save = حفظ الإجابات
add-questions-duplicate = اختر سؤالًا مختلفًا لكل إجابة.
add-questions-answer_length = يجب أن يتراوح طول الإجابات بين 3 و40 حرفًا.

## إدخال الرمز

code-label = الرمز
code-help = أدخل الرمز الذي تلقيته.
code-resend = إرسال رمز جديد
code-resend_in =
    { $n ->
        [zero] يمكنك طلب رمز جديد الآن.
        [one] يمكنك طلب رمز جديد بعد ثانية واحدة.
        [two] يمكنك طلب رمز جديد بعد ثانيتين.
        [few] يمكنك طلب رمز جديد بعد { $n } ثوانٍ.
        [many] يمكنك طلب رمز جديد بعد { $n } ثانية.
       *[other] يمكنك طلب رمز جديد بعد { $n } ثانية.
    }
code-resent = تم إرسال رمز جديد.
code-expires = الرمز صالح لمدة { $wait }.

## أخطاء الحقول والرموز (قيمة `code` في واجهة API)

field-invalid_code = هذا الرمز غير صحيح.
field-invalid_code_left =
    { $n ->
        [zero] هذا الرمز غير صحيح. لم تتبقَّ لديك أي محاولة.
        [one] هذا الرمز غير صحيح. تبقّت لديك محاولة واحدة.
        [two] هذا الرمز غير صحيح. تبقّت لديك محاولتان.
        [few] هذا الرمز غير صحيح. تبقّت لديك { $n } محاولات.
        [many] هذا الرمز غير صحيح. تبقّت لديك { $n } محاولة.
       *[other] هذا الرمز غير صحيح. تبقّت لديك { $n } محاولة.
    }
field-invalid_code_left_one = هذا الرمز غير صحيح. تبقّت لديك محاولة واحدة.
field-code_expired = انتهت صلاحية هذا الرمز. اطلب رمزًا جديدًا.
field-too_many_attempts = عدد كبير جدًا من الرموز الخاطئة. اطلب رمزًا جديدًا.
field-no_code_pending = لم يُرسَل أي رمز بعد. اطلب رمزًا.
field-wrong_answers = هذه الإجابات غير صحيحة. يُرجى الإجابة عن الأسئلة الجديدة.
field-questions_not_asked = هذه ليست الأسئلة المطروحة الآن. يُرجى الإجابة عن الأسئلة المعروضة.
field-totp_invalid = هذا الرمز غير صحيح. تأكّد من أن ساعة هاتفك مضبوطة، ثم أدخل الرمز الحالي.
field-recovery_code_invalid = هذا ليس أحد رموز الاسترداد غير المستخدمة الخاصة بك. يصلح كل رمز لمرة واحدة فقط.
field-totp_replayed = سبق استخدام هذا الرمز. انتظر الرمز التالي في التطبيق.
field-too_short = كلمة المرور قصيرة جدًا.
field-too_long = كلمة المرور طويلة جدًا.
field-common_password = كلمة المرور هذه شائعة جدًا؛ اختر كلمة مرور أخرى.
field-banned_word = تحتوي كلمة المرور على كلمة غير مسموح بها هنا.
field-personal_information = يجب ألا تحتوي كلمة المرور على اسمك أو اسم المستخدم الخاص بك.
field-too_weak = كلمة المرور سهلة التخمين. جرّب عبارة مرور أطول تتكون من عدة كلمات لا رابط بينها.
field-reused = استخدمت كلمة المرور هذه مؤخرًا. اختر كلمة مرور جديدة.
field-invalid_characters = تحتوي كلمة المرور على أحرف غير مسموح بها.
field-incorrect = كلمة المرور الحالية غير صحيحة.
field-destination_mismatch = هذا ليس العنوان أو الرقم المسجّل لدينا.
field-captcha_invalid = فشل التحقق من أنك إنسان أو انتهت صلاحيته. يُرجى إعادة إجرائه.
field-missing_field = هذا الحقل مطلوب.
field-invalid_email = أدخل عنوان بريد إلكتروني صالحًا.
field-invalid_phone = أدخل الرقم بالصيغة الدولية، بدءًا بالعلامة +.
field-invalid_extension = يجب أن يتكون الرقم الداخلي من أرقام فقط.
field-unknown_question = اختر سؤالًا من القائمة.
field-mismatch = كلمتا المرور غير متطابقتين.

## كلمات المرور

password-current = كلمة المرور الحالية
password-new = كلمة المرور الجديدة
password-confirm = تأكيد كلمة المرور الجديدة
password-show = إظهار كلمات المرور
password-rules_title = يجب أن تكون كلمة المرور الجديدة:
password-rule-min_length =
    { $n ->
        [zero] مكوّنة من { $n } حرف على الأقل
        [one] مكوّنة من حرف واحد على الأقل
        [two] مكوّنة من حرفين على الأقل
        [few] مكوّنة من { $n } أحرف على الأقل
        [many] مكوّنة من { $n } حرفًا على الأقل
       *[other] مكوّنة من { $n } حرف على الأقل
    }
password-rule-max_length =
    { $n ->
        [zero] مكوّنة من { $n } حرف على الأكثر
        [one] مكوّنة من حرف واحد على الأكثر
        [two] مكوّنة من حرفين على الأكثر
        [few] مكوّنة من { $n } أحرف على الأكثر
        [many] مكوّنة من { $n } حرفًا على الأكثر
       *[other] مكوّنة من { $n } حرف على الأكثر
    }
password-rule-strength = صعبة التخمين (يُفضَّل استخدام عبارة مرور من عدة كلمات)
password-rule-match = متطابقة في الحقلين
password-rule-met = تم
password-rule-not_met = ليس بعد
password-strength-label = القوة
password-strength-0 = ضعيفة جدًا
password-strength-1 = ضعيفة
password-strength-2 = مقبولة
password-strength-3 = قوية
password-strength-4 = قوية جدًا
password-strength-empty = لم تُدخَل بعد

## تغيير كلمة المرور

change-title = تغيير كلمة المرور
change-required = عيّن المسؤول كلمة المرور الخاصة بك. اختر كلمة مرور خاصة بك للمتابعة.
change-submit = تغيير كلمة المرور
change-done = تم تغيير كلمة المرور.

## التسجيل

register-title = إعداد معلومات الأمان
register-intro =
    { $required ->
        [zero] تطلب منك مؤسستك إعداد { $required } طريقة لإثبات هويتك، حتى تتمكن من إعادة تعيين كلمة المرور بنفسك إذا نسيتها.
        [one] تطلب منك مؤسستك إعداد طريقة واحدة لإثبات هويتك، حتى تتمكن من إعادة تعيين كلمة المرور بنفسك إذا نسيتها.
        [two] تطلب منك مؤسستك إعداد طريقتين لإثبات هويتك، حتى تتمكن من إعادة تعيين كلمة المرور بنفسك إذا نسيتها.
        [few] تطلب منك مؤسستك إعداد { $required } طرق لإثبات هويتك، حتى تتمكن من إعادة تعيين كلمة المرور بنفسك إذا نسيتها.
        [many] تطلب منك مؤسستك إعداد { $required } طريقة لإثبات هويتك، حتى تتمكن من إعادة تعيين كلمة المرور بنفسك إذا نسيتها.
       *[other] تطلب منك مؤسستك إعداد { $required } طريقة لإثبات هويتك، حتى تتمكن من إعادة تعيين كلمة المرور بنفسك إذا نسيتها.
    }
register-intro_one = تطلب منك مؤسستك إعداد طريقة لإثبات هويتك، حتى تتمكن من إعادة تعيين كلمة المرور بنفسك إذا نسيتها.
register-progress = تم إعداد { $registered } من { $required }
register-next = إضافة طريقة أخرى
register-done = اكتمل كل شيء. يمكنك الآن إعادة تعيين كلمة المرور بنفسك.
register-continue = المتابعة إلى معلومات الأمان الخاصة بي
register-nothing_to_add = لا توجد طريقة أخرى يمكنك إضافتها. تواصل مع الدعم الفني.

## الاسترداد

recover-title = لا يمكنك الوصول إلى حسابك؟
recover-intro = أثبت هويتك باستخدام الطرق التي أعددتها، ثم اختر كلمة مرور جديدة أو ألغِ قفل حسابك.
recover-username = اسم المستخدم
recover-purpose-legend = ماذا تحتاج؟
recover-purpose-reset_password = نسيت كلمة المرور
recover-purpose-unlock_account = أعرف كلمة المرور لكن لا يمكنني تسجيل الدخول
recover-captcha-label = أكّد أنك إنسان
recover-captcha-waiting = يُرجى إكمال التحقق أعلاه أولًا.
recover-captcha-unavailable = تعذّر تحميل التحقق من أنك إنسان. أعد تحميل الصفحة أو تواصل مع الدعم الفني.
recover-captcha-provider = تستخدم هذه الخدمة مزوّد CAPTCHA لا يدعمه هذا التطبيق. تواصل مع الدعم الفني.
recover-start = التالي
recover-step = الخطوة { $n } من { $total }
recover-verify_title = أثبت هويتك
recover-verify_second = الآن أثبت هويتك بطريقة ثانية
recover-choose_method = اختر طريقة
recover-no_methods = لا توجد طريقة يمكنك استخدامها لإثبات هويتك. تواصل مع الدعم الفني.
recover-confirm-email = اكتب عنوان بريدك الإلكتروني كاملًا (اختياري)
recover-confirm-phone = اكتب رقم هاتفك كاملًا (اختياري)
recover-confirm-help = تطلب بعض المؤسسات كتابته كاملًا قبل أن نرسل الرمز.
recover-send_code = إرسال الرمز
stepup-title = تأكيد هويتك
stepup-intro = لتغيير معلومات الأمان، أثبت هويتك أولًا باستخدام إحدى الطرق المتوفرة لديك. يمكنك بعد ذلك إجراء التغييرات لمدة 10 دقائق.
stepup-use = استخدام { $method } { $hint }
stepup-code_sent = أرسلنا رمزًا إلى { $hint }.
stepup-done = شكرًا لك. يمكنك تغيير معلومات الأمان خلال الدقائق العشر القادمة؛ يُرجى المحاولة مرة أخرى.
security-error-step_up_required = لتغيير معلومات الأمان، أكّد هويتك أولًا (راجع «تأكيد هويتك» أعلاه).
security-recovery_from = لحمايتك، يمكن استخدامها لإعادة تعيين كلمة المرور بدءًا من { $date }.
recover-text_me = أرسل لي رسالة نصية
recover-call_me = اتصل بي
recover-use_method = استخدام هذه الطريقة
recover-app_code = أدخل الرمز المكوّن من 6 أرقام من تطبيق المصادقة.
recover-questions_intro = أجب عن أسئلة الأمان.
recover-answer_label = إجابتك
recover-other_method = استخدام طريقة أخرى
recover-passed =
    { $n ->
        [zero] تم التحقق.
        [one] تم التحقق. تبقّت طريقة واحدة.
        [two] تم التحقق. تبقّت طريقتان.
        [few] تم التحقق. تبقّت { $n } طرق.
        [many] تم التحقق. تبقّت { $n } طريقة.
       *[other] تم التحقق. تبقّت { $n } طريقة.
    }
recover-new_password_title = اختر كلمة مرور جديدة
recover-set_password = إعادة تعيين كلمة المرور
recover-unlock_title = إلغاء قفل حسابك
recover-unlock_intro = لقد أثبتّ هويتك. ألغِ قفل حسابك لتسجيل الدخول مجددًا بكلمة المرور الحالية.
recover-unlock = إلغاء قفل حسابي
recover-done-password_title = تمت إعادة تعيين كلمة المرور
recover-done-password_body = تمت إعادة تعيين كلمة المرور — سجّل الدخول بها.
recover-done-unlock_title = تم إلغاء قفل حسابك
recover-done-unlock_body = تم إلغاء قفل حسابك — سجّل الدخول بكلمة المرور الخاصة بك.
recover-done-sign_in = الانتقال إلى تسجيل الدخول
recover-error-flow_expired = استغرقت عملية إعادة التعيين هذه وقتًا طويلًا وانتهت صلاحيتها. يُرجى البدء من جديد.
recover-error-flow_locked = محاولات فاشلة كثيرة جدًا. يُرجى البدء من جديد لاحقًا.
recover-error-flow_finished = انتهت عملية إعادة التعيين هذه بالفعل. ابدأ من جديد إذا احتجت إلى ذلك.
recover-error-flow_ended = تغيّر حسابك أثناء إعادة التعيين. يُرجى البدء من جديد.
recover-error-flow_changed = تقدّمت عملية إعادة التعيين هذه في نافذة أخرى. يُرجى البدء من جديد.
recover-error-method_unavailable = تغيّرت هذه الطريقة منذ أن بدأت. يُرجى البدء من جديد.
recover-error-method_already_passed = سبق أن تحققت باستخدام هذه الطريقة. اختر طريقة أخرى.
recover-error-not_offered = لا يمكن استخدام هذه الطريقة هنا. اختر طريقة أخرى.
recover-error-unauthenticated = لم تعد عملية إعادة التعيين هذه صالحة. يُرجى البدء من جديد.
recover-error-not_eligible = إعادة تعيين كلمة المرور بالخدمة الذاتية غير متاحة لحسابك. تواصل مع الدعم الفني.
recover-error-too_many_attempts = عدد كبير جدًا من الرموز الخاطئة. اطلب رمزًا جديدًا.
recover-error-unlock_disabled = لا تسمح مؤسستك بإلغاء قفل الحساب دون إعادة تعيين كلمة المرور. أعد تعيين كلمة المرور بدلًا من ذلك.
recover-error-wrong_purpose = بدأت عملية إعادة التعيين هذه لغرض آخر. يُرجى البدء من جديد.
recover-error-verification_incomplete = أثبت هويتك أولًا باستخدام جميع الطرق المطلوبة.
recover-error-captcha_invalid = فشل التحقق من أنك إنسان أو انتهت صلاحيته. يُرجى إعادة إجرائه.
