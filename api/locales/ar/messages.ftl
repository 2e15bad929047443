# نصوص الخدمة: الرموز عبر البريد الإلكتروني والرسائل النصية والمكالمات.

helpdesk-visit = إذا احتجت إلى مساعدة، فتفضل بزيارة { $url }
helpdesk-write = إذا احتجت إلى مساعدة، فراسل { $email }
helpdesk-contact = إذا احتجت إلى مساعدة، فتواصل مع الدعم الفني.

code-email-subject = رمز التحقق الخاص بك من { $org }
code-email-intro = رمز التحقق الخاص بك من { $org } هو:
code-email-expiry = تنتهي صلاحيته خلال { $minutes ->
        [zero] أقل من دقيقة
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $minutes } دقائق
        [many] { $minutes } دقيقة
       *[other] { $minutes } دقيقة
    }. لن يطلبه منك أحد من { $org } أبدًا.
code-email-ignore = إذا لم تطلب هذا الرمز، فيمكنك تجاهل هذه الرسالة.
code-sms = { $code } هو رمز التحقق الخاص بك من { $org }. تنتهي صلاحيته خلال { $minutes ->
        [zero] أقل من دقيقة
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $minutes } دقائق
        [many] { $minutes } دقيقة
       *[other] { $minutes } دقيقة
    }. لا تشاركه مع أحد.
code-voice = رمز التحقق الخاص بك من { $org } هو { $digits }. مرة أخرى: { $digits }.

# الإشعارات: رسائل البريد الإلكتروني المتعلقة بالحساب. فقرات النص رسائل منفصلة، ويمكن
# للمسؤولين استبدال موضوع الإشعار ونصه لكل لغة (customization.messages).
notice-greeting = مرحبًا { $name }،
notice-not-you = إذا لم تكن أنت من قام بذلك، فأبلغ الدعم الفني على الفور.

security-info-changed-subject = تم تغيير معلومات الأمان لحسابك في { $org }
security-info-changed-body = تم تغيير معلومات الأمان لحسابك في { $org } في { $when }: { $change }.
security-info-changed-advice = إذا كنت أنت من أجرى هذا التغيير، فلا حاجة إلى أي إجراء. وإن لم تكن أنت، فقد يكون لدى شخص آخر إمكانية الوصول إلى حسابك: غيّر كلمة المرور وأبلغ الدعم الفني على الفور.

password-reset-subject = تمت إعادة تعيين كلمة مرور حسابك في { $org }
password-reset-body = تمت إعادة تعيين كلمة مرور حسابك في { $org } في { $when } باستخدام الخدمة الذاتية لكلمة المرور.

account-unlocked-subject = تم إلغاء قفل حسابك في { $org }
account-unlocked-body = تم إلغاء قفل حسابك في { $org } في { $when } باستخدام الخدمة الذاتية لكلمة المرور. لم تتغير كلمة المرور الخاصة بك.

administrator-reset-subject = أعاد أحد مسؤولي { $org } تعيين كلمة المرور الخاصة به
administrator-reset-body = أعاد المسؤول { $administrator } تعيين كلمة المرور الخاصة به في { $when } باستخدام الخدمة الذاتية لكلمة المرور.

recovery-code-used-subject = تم استخدام رمز استرداد لحسابك في { $org }
recovery-code-used-body = تم استخدام أحد رموز الاسترداد الخاصة بك في { $when } { $purpose ->
        [unlock_account] لإلغاء قفل حسابك
        [step_up] لتأكيد تغيير في معلومات الأمان الخاصة بك
       *[reset_password] لإعادة تعيين كلمة المرور
    }. لم يعد هذا الرمز صالحًا، و{ $left ->
        [zero] لم يتبقَّ لديك أي رمز من أصل { $total }
        [one] تبقّى لديك رمز واحد من أصل { $total }
        [two] تبقّى لديك رمزان من أصل { $total }
        [few] تبقّى لديك { $left } رموز من أصل { $total }
        [many] تبقّى لديك { $left } رمزًا من أصل { $total }
       *[other] تبقّى لديك { $left } رمز من أصل { $total }
    }.
recovery-code-used-few = أنشئ رموزًا جديدة من «معلومات الأمان الخاصة بي» قبل أن تنفد.

account-locked-subject = تم قفل حسابك في { $org }
account-locked-body = تم قفل حسابك في { $org } في { $when } بعد { $failures ->
        [zero] { $failures } محاولة فاشلة لتسجيل الدخول
        [one] محاولة فاشلة واحدة لتسجيل الدخول
        [two] محاولتين فاشلتين لتسجيل الدخول
        [few] { $failures } محاولات فاشلة لتسجيل الدخول
        [many] { $failures } محاولة فاشلة لتسجيل الدخول
       *[other] { $failures } محاولة فاشلة لتسجيل الدخول
    }. سيُلغى قفله تلقائيًا بعد { $minutes ->
        [zero] أقل من دقيقة
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $minutes } دقائق
        [many] { $minutes } دقيقة
       *[other] { $minutes } دقيقة
    }، أو يمكنك إلغاء قفله الآن.
account-locked-link = إلغاء قفل حسابك: { $link }

# ما الذي تغيّر، في إشعار «تم تغيير معلومات الأمان» ({ $change }).
change-added = تمت إضافة { $method }
change-added-named = تمت إضافة { $method } { $detail }
change-replaced = تم تغيير { $method }
change-removed = تمت إزالة { $method }
change-questions-added = تمت إضافة أسئلة الأمان
change-questions-changed = تم تغيير أسئلة الأمان
change-codes-generated = تم إنشاء رموز الاسترداد
change-codes-regenerated = تم إنشاء رموز استرداد جديدة (لم تعد الرموز القديمة صالحة)

method-email = عنوان البريد الإلكتروني
method-mobile_sms = الهاتف المحمول للرسائل النصية
method-mobile_voice = الهاتف المحمول للمكالمات
method-office_voice = هاتف المكتب
method-authenticator_app = تطبيق المصادقة
method-security_questions = أسئلة الأمان
method-recovery_codes = رموز الاسترداد
method-passkey = مفتاح المرور
