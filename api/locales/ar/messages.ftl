# نصوص الخدمة: الرموز عبر البريد الإلكتروني والرسائل النصية والمكالمات.

helpdesk-visit = إذا احتجت إلى مساعدة، فتفضل بزيارة { $url }
helpdesk-write = إذا احتجت إلى مساعدة، فراسل { $email }
helpdesk-contact = إذا احتجت إلى مساعدة، فتواصل مع الدعم الفني.

code-email-subject = رمز التحقق الخاص بك من { $org }
code-email-intro = رمز التحقق الخاص بك من { $org } هو:
code-email-html-intro = رمز التحقق الخاص بك هو:
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
