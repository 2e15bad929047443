app-name = الخدمة الذاتية لكلمة المرور
app-skip_to_content = الانتقال إلى المحتوى الرئيسي
app-language = اللغة
app-theme = الألوان
app-theme-system = كما على هذا الجهاز
app-theme-light = فاتح
app-theme-dark = داكن
app-loading = جارٍ التحميل…
app-not_found-title = الصفحة غير موجودة
app-not_found-body = لا يوجد شيء على هذا العنوان.
app-not_found-home = الذهاب إلى صفحة البداية
nav-label = القائمة الرئيسية
nav-security_info = معلومات الأمان الخاصة بي
nav-change_password = تغيير كلمة المرور
nav-admin = الإدارة
nav-sign_out = تسجيل الخروج
nav-sign_in = تسجيل الدخول
nav-signed_in_as = تم تسجيل الدخول باسم { $name }
action-continue = متابعة
action-cancel = إلغاء
action-back = رجوع
action-save = حفظ
action-verify = تحقق
action-remove = إزالة
action-start_again = البدء من جديد
action-try_again = إعادة المحاولة
action-working = يُرجى الانتظار…
helpdesk-stuck = هل ما زلت تواجه مشكلة؟
helpdesk-link = تواصل مع الدعم الفني
helpdesk-email = راسل الدعم الفني على { $email }
helpdesk-none = إذا واجهت مشكلة، فتواصل مع الدعم الفني لتقنية المعلومات.
form-required = هذا الحقل مطلوب.
form-error_summary = يُرجى تصحيح الحقول المميزة.
error-network_error = تعذّر الوصول إلى الخدمة. تحقق من اتصالك وحاول مرة أخرى.
error-server_error = حدث خطأ من جهتنا. يُرجى المحاولة مرة أخرى بعد قليل.
error-internal_error = حدث خطأ من جهتنا. يُرجى المحاولة مرة أخرى بعد قليل.
error-unexpected = حدث خطأ ما. يُرجى المحاولة مرة أخرى.
error-unauthenticated = انتهت جلستك. يُرجى تسجيل الدخول مرة أخرى.
error-forbidden = غير مسموح لك بتنفيذ هذا الإجراء.
error-cross_site_request = رُفض هذا الطلب لأنه جاء من موقع آخر. افتح هذه الخدمة من عنوانها الخاص وحاول مرة أخرى.
error-password_change_required = عيّن المسؤول كلمة المرور الخاصة بك. اختر كلمة مرور خاصة بك أولًا.
error-not_found = لم يعد هذا العنصر موجودًا. أعد تحميل الصفحة وحاول مرة أخرى.
error-validation_failed = بعض الحقول غير صالحة.
error-throttled = محاولات كثيرة جدًا. يُرجى الانتظار { $wait } ثم المحاولة مرة أخرى.
error-throttled_no_wait = محاولات كثيرة جدًا. يُرجى الانتظار قليلًا ثم المحاولة مرة أخرى.
error-overloaded = الخدمة مشغولة. يُرجى المحاولة مرة أخرى بعد { $wait }.
error-storage_unavailable = الخدمة مشغولة. يُرجى المحاولة مرة أخرى بعد قليل.
error-payload_too_large = ما أدخلته طويل جدًا.
error-unsupported_media_type = تعذّرت قراءة الطلب. يُرجى إعادة تحميل الصفحة.
error-malformed_json = تعذّرت قراءة الطلب. يُرجى إعادة تحميل الصفحة.
error-delivery_failed = تعذّر إرسال الرسالة. لم تُحتسب هذه المحاولة؛ يُرجى المحاولة مرة أخرى.
error-country_not_allowed = الرسائل النصية والمكالمات إلى هذا البلد غير مفعّلة هنا. استخدم رقمًا في بلد آخر، أو طريقة أخرى.
captcha-label = أنا لست روبوتًا
captcha-verifying = جارٍ التحقق…
captcha-verified = تم التحقق
captcha-error = فشل التحقق. حاول مرة أخرى.
captcha-expired = انتهت صلاحية التحقق. أعد إجراءه.
captcha-required = يُرجى إكمال التحقق أولًا.
captcha-wait = جارٍ التحقق… يُرجى الانتظار.
captcha-reload = إعادة التحميل
wait-seconds =
    { $n ->
        [zero] { $n } ثانية
        [one] ثانية واحدة
        [two] ثانيتين
        [few] { $n } ثوانٍ
        [many] { $n } ثانية
       *[other] { $n } ثانية
    }
wait-one_second = ثانية واحدة
wait-minutes =
    { $n ->
        [zero] { $n } دقيقة
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $n } دقائق
        [many] { $n } دقيقة
       *[other] { $n } دقيقة
    }
wait-one_minute = دقيقة واحدة
wait-hours =
    { $n ->
        [zero] { $n } ساعة
        [one] ساعة واحدة
        [two] ساعتين
        [few] { $n } ساعات
        [many] { $n } ساعة
       *[other] { $n } ساعة
    }
wait-one_hour = ساعة واحدة
