admin-title = الإدارة
admin-nav-label = أقسام الإدارة
admin-nav-policy = النهج
admin-nav-users = المستخدمون
admin-nav-groups = المجموعات
admin-nav-audit = سجل التدقيق
admin-nav-activity = النشاط
admin-nav-keys = مفاتيح API
admin-nav-webhooks = خطافات الويب (Webhooks)
admin-directory-managedElsewhere = يأتي الأشخاص والمجموعات من دليل مؤسستك، ويُعدَّلون باستخدام أدواته الخاصة؛ يمكنك هنا عرضهم، وإلغاء قفل الحسابات، وإدارة طرق تسجيل الدخول الخاصة بهم.
admin-notFound-title = الصفحة غير موجودة
admin-notFound-body = لا توجد صفحة إدارة على هذا العنوان.
admin-common-loading = جارٍ التحميل…
admin-common-working = يُرجى الانتظار…
admin-common-retry = إعادة المحاولة
admin-common-cancel = إلغاء
admin-common-search = بحث
admin-common-searching = جارٍ البحث…
admin-common-pages = الصفحات
admin-common-previous = الصفحة السابقة
admin-common-next = الصفحة التالية
admin-common-pageOf = الصفحة { $page } من { $pages }
admin-method-email = البريد الإلكتروني
admin-method-mobile_sms = الهاتف المحمول (رسالة نصية)
admin-method-mobile_voice = الهاتف المحمول (مكالمة صوتية)
admin-method-office_voice = هاتف المكتب (مكالمة صوتية)
admin-method-authenticator_app = تطبيق المصادقة
admin-method-security_questions = أسئلة الأمان
admin-method-recovery_codes = رموز الاسترداد
admin-method-passkey = مفتاح المرور

## المشكلات، حسب قيمة `code` الثابتة في واجهة API، ثم حسب الحالة.

admin-problem-version_conflict = حفظ شخص آخر النهج أثناء تحريرك له. أعد التحميل لرؤية نسخته؛ ستُفقد التغييرات التي أجريتها هنا.
admin-problem-username_taken = اسم المستخدم هذا مستخدم بالفعل لدى مستخدم آخر.
admin-problem-group_name_taken = توجد مجموعة أخرى بهذا الاسم بالفعل.
admin-problem-cannot_modify_self = لا يمكنك تعطيل حسابك أو خفض صلاحياته أو حذفه.
admin-problem-last_admin = لم يُنفَّذ هذا الإجراء لأنه لن يُبقي أي مسؤول نشط.
admin-problem-group_in_use = نهج إعادة تعيين كلمة المرور يشير إلى هذه المجموعة. أزلها أولًا من المجموعات المحددة في النهج.
admin-problem-invalid_if_match = تعذّر التحقق من إصدار النهج. أعد تحميل الصفحة وحاول مرة أخرى.
admin-problem-precondition_required = تعذّر التحقق من إصدار النهج. أعد تحميل الصفحة وحاول مرة أخرى.
admin-problem-payload_too_large = النص أطول من أن يُحفظ دفعة واحدة.
admin-problem-network = تعذّر الوصول إلى الخدمة. تحقق من اتصالك وحاول مرة أخرى.
admin-problem-unauthorized = انتهت جلستك. سجّل الدخول مرة أخرى.
admin-problem-forbidden = هذا الإجراء متاح للمسؤولين فقط.
admin-problem-not_found = لم يعد هذا العنصر موجودًا؛ ربما حذفه شخص آخر.
admin-problem-throttled = طلبات كثيرة جدًا. انتظر قليلًا وحاول مرة أخرى.
admin-problem-unavailable = الخدمة مشغولة أو غير متاحة. حاول مرة أخرى بعد قليل.
admin-problem-unexpected = حدث خطأ ما (الخطأ { $status }). حاول مرة أخرى.

## النهج

admin-policy-title = نهج إعادة تعيين كلمة المرور
admin-policy-sections = أقسام النهج
admin-policy-adminsStrict = يخضع المسؤولون دائمًا للنهج الصارم: فهم مشمولون بالنطاق ويحتاجون إلى طريقتين، ولا يستخدمون أسئلة الأمان أبدًا.
admin-policy-tab-properties = الخصائص
admin-policy-tab-methods = طرق المصادقة
admin-policy-tab-registration = التسجيل
admin-policy-tab-notifications = الإعلامات
admin-policy-tab-customization = التخصيص
admin-policy-tab-password = قواعد كلمة المرور
admin-policy-tabErrors =
    { $count ->
        [zero] لا أخطاء
        [one] خطأ واحد
        [two] خطآن
        [few] { $count } أخطاء
        [many] { $count } خطأً
       *[other] { $count } خطأ
    }
admin-policy-review = المراجعة والحفظ
admin-policy-discard = تجاهل التغييرات
admin-policy-discarded = تم تجاهل تغييراتك.
admin-policy-reload = إعادة تحميل النهج
admin-policy-saving = جارٍ الحفظ…
admin-policy-saved = تم حفظ النهج.
admin-policy-notSaved =
    { $count ->
        [zero] لم يُحفظ النهج.
        [one] لم يُحفظ النهج. يحتاج حقل واحد إلى مراجعة.
        [two] لم يُحفظ النهج. يحتاج حقلان إلى مراجعة.
        [few] لم يُحفظ النهج. تحتاج { $count } حقول إلى مراجعة.
        [many] لم يُحفظ النهج. يحتاج { $count } حقلًا إلى مراجعة.
       *[other] لم يُحفظ النهج. يحتاج { $count } حقل إلى مراجعة.
    }
admin-policy-wholeNumber = أدخل عددًا صحيحًا.
admin-policy-scope = من يمكنه استخدام إعادة تعيين كلمة المرور بالخدمة الذاتية
admin-policy-scopeHint = لا يمكن للأشخاص خارج النطاق إعادة تعيين كلمة المرور أو إلغاء قفل حساباتهم بأنفسهم.
admin-policy-scope-none = لا أحد
admin-policy-scope-selected = أعضاء المجموعات المحددة
admin-policy-scope-all = الجميع
admin-policy-groups = المجموعات المشمولة بالنطاق
admin-policy-groupsHint = يمكن لأعضاء أي من هذه المجموعات استخدام إعادة تعيين كلمة المرور بالخدمة الذاتية.
admin-policy-groupOption =
    { $count ->
        [zero] { $name } (بلا أعضاء)
        [one] { $name } (عضو واحد)
        [two] { $name } (عضوان)
        [few] { $name } ({ $count } أعضاء)
        [many] { $name } ({ $count } عضوًا)
       *[other] { $name } ({ $count } عضو)
    }
admin-policy-groupsUnavailable = تعذّر تحميل المجموعات.
admin-policy-noGroups = لا توجد مجموعات بعد. أنشئ مجموعة في صفحة «المجموعات».
admin-policy-methodsEnabled = الطرق المتاحة للأشخاص
admin-policy-recoveryCodesForAdmins = السماح للمسؤولين باستخدام رموز الاسترداد
admin-policy-recoveryCodesForAdminsHint = رموز الاسترداد سرّ مطبوع أو محفوظ يمكن نسخه دون أن يلاحظ أحد؛ لا يمكن للمسؤولين استخدامها ما لم يكن هذا الخيار مفعّلًا.
admin-policy-passkeyCountsAsTwo = يُحتسب مفتاح المرور طريقتين
admin-policy-passkeyCountsAsTwoHint = مفتاح المرور شيء يملكه الشخص (الجهاز)، وشيء يمثّله أو يعرفه (بصمة الإصبع أو الوجه أو رمز PIN الذي يفتح الجهاز).
admin-policy-methodsRequired = عدد الطرق المطلوبة لإعادة التعيين
admin-policy-methodsRequiredHint = لا يتجاوز أبدًا عدد الطرق المفعّلة.
admin-policy-methodsRequired-1 = طريقة واحدة
admin-policy-methodsRequired-2 = طريقتان
admin-policy-securityQuestions = أسئلة الأمان
admin-policy-securityQuestionsOff = أسئلة الأمان غير مفعّلة؛ تُطبَّق هذه الإعدادات عند تفعيلها.
admin-policy-registerCount = عدد الأسئلة المطلوب تسجيلها
admin-policy-registerCountHint = من 3 إلى 5.
admin-policy-resetCount = عدد الأسئلة المطلوب الإجابة عنها عند إعادة التعيين
admin-policy-resetCountHint = من 3 إلى 5، وبما لا يتجاوز عدد الأسئلة المسجّلة.
admin-policy-customQuestions = الأسئلة المخصصة
admin-policy-customQuestionsHint =
    { $max ->
        [zero] تُعرض إلى جانب الأسئلة المضمّنة. بحد أقصى { $max } سؤال، يتكون كل منها من 3 إلى 200 حرف.
        [one] تُعرض إلى جانب الأسئلة المضمّنة. بحد أقصى سؤال واحد، يتكون من 3 إلى 200 حرف.
        [two] تُعرض إلى جانب الأسئلة المضمّنة. بحد أقصى سؤالان، يتكون كل منهما من 3 إلى 200 حرف.
        [few] تُعرض إلى جانب الأسئلة المضمّنة. بحد أقصى { $max } أسئلة، يتكون كل منها من 3 إلى 200 حرف.
        [many] تُعرض إلى جانب الأسئلة المضمّنة. بحد أقصى { $max } سؤالًا، يتكون كل منها من 3 إلى 200 حرف.
       *[other] تُعرض إلى جانب الأسئلة المضمّنة. بحد أقصى { $max } سؤال، يتكون كل منها من 3 إلى 200 حرف.
    }
admin-policy-noCustomQuestions = لا توجد أسئلة مخصصة.
admin-policy-customQuestion = السؤال المخصص { $number }
admin-policy-addQuestion = إضافة سؤال
admin-policy-removeQuestion = إزالة
admin-policy-removeQuestionNamed = إزالة السؤال المخصص { $number }
admin-policy-requireOnSignIn = مطالبة الأشخاص بالتسجيل عند تسجيل الدخول
admin-policy-requireOnSignInHint = يُوجَّه الأشخاص المشمولون بالنطاق الذين لا يملكون عددًا كافيًا من الطرق إلى التسجيل أولًا.
admin-policy-reconfirmDays = عدد الأيام قبل مطالبة الأشخاص بتأكيد طرقهم مجددًا
admin-policy-reconfirmDaysHint = من 0 (أبدًا) إلى 730.
admin-policy-notifyUser = إعلام الأشخاص عند إعادة تعيين كلمات مرورهم
admin-policy-notifyAdmins = إعلام جميع المسؤولين عندما يعيد مسؤول آخر تعيين كلمة المرور الخاصة به
admin-policy-helpdeskUrl = رابط الدعم الفني
admin-policy-helpdeskUrlHint = يظهر للأشخاص الذين يواجهون مشكلة. عنوان يبدأ بـ http:// أو https://؛ اتركه فارغًا إن لم يكن هناك رابط.
admin-policy-helpdeskEmail = عنوان البريد الإلكتروني للدعم الفني
admin-policy-defaultLanguage = اللغة للأشخاص الذين لا يطلب متصفحهم أيًا من هذه اللغات
admin-policy-defaultLanguageHint = تُستخدم في تطبيق الويب وفي الرموز المرسلة عندما لا يختار الشخص ولا متصفحه إحدى اللغات المتاحة.
admin-policy-unlockEnabled = السماح للأشخاص بإلغاء قفل حساباتهم دون إعادة تعيين كلمة المرور
admin-policy-revealIneligible = إعلام الأشخاص عندما لا يمكنهم استخدام إعادة التعيين بالخدمة الذاتية
admin-policy-revealIneligibleHint = عند إيقاف هذا الخيار، تتلقى أسماء المستخدمين غير المعروفة وغير المؤهلة ردًا يبدو مثل أي رد آخر، فلا يمكن لأحد معرفة من لديه حساب.
admin-policy-confirmFullDestination = طلب رقم الهاتف أو عنوان البريد الإلكتروني كاملًا قبل إرسال الرمز
admin-policy-confirmFullDestinationHint = يمنع من لا يعرف سوى اسم المستخدم من إرسال رموز إلى صاحبه.
admin-policy-cooldownHours = عدد الساعات قبل إمكانية استخدام طريقة جديدة أو معدّلة للاسترداد
admin-policy-cooldownHoursHint = من 0 (إيقاف) إلى 720. يمنع من يستولي على جلسة لفترة وجيزة من إضافة هاتفه وإعادة التعيين فورًا.
admin-policy-minLength = الحد الأدنى للطول
admin-policy-minLengthHint = من 8 إلى 256 حرفًا. يوصي NIST بـ 15 حرفًا عندما تكون كلمة المرور هي العامل الوحيد.
admin-policy-maxLength = الحد الأقصى للطول
admin-policy-maxLengthHint = من 64 إلى 256 حرفًا، على ألا يقل عن الحد الأدنى.
admin-policy-minStrength = الحد الأدنى للقوة
admin-policy-minStrengthHint = مدى الصعوبة المطلوبة لتخمين كلمة المرور (درجة zxcvbn).
admin-policy-strength-0 = 0 – يُسمح بأي كلمة مرور
admin-policy-strength-1 = 1 – ضعيفة جدًا
admin-policy-strength-2 = 2 – ضعيفة
admin-policy-strength-3 = 3 – جيدة
admin-policy-strength-4 = 4 – قوية
admin-policy-bannedWords = الكلمات المحظورة
admin-policy-bannedWordsHint = كلمة واحدة في كل سطر، بحد أقصى 1000 كلمة. تُضاف إلى القائمة المضمّنة لكلمات المرور الشائعة وإلى أسماء الشخص نفسه.
admin-policy-history = عدد كلمات المرور السابقة التي لا يجوز إعادة استخدامها
admin-policy-historyHint = من 0 إلى 24.
admin-impact-title = قبل الحفظ: ماذا يعني هذا النهج اليوم
admin-impact-checking = جارٍ التحقق…
admin-impact-usersTotal = المستخدمون المفعّلون
admin-impact-inScope = ضمن النطاق
admin-impact-compliant = سجّلوا عددًا كافيًا من الطرق
admin-impact-unableToReset = لا يمكنهم إعادة التعيين اليوم
admin-impact-warning =
    { $count ->
        [zero] لا يوجد أشخاص ضمن النطاق يتعذّر عليهم إعادة تعيين كلمة المرور اليوم.
        [one] شخص واحد ضمن النطاق لم يسجّل عددًا كافيًا من الطرق، ولا يمكنه إعادة تعيين كلمة المرور اليوم.
        [two] شخصان ضمن النطاق لم يسجّلا عددًا كافيًا من الطرق، ولا يمكنهما إعادة تعيين كلمة المرور اليوم.
        [few] { $count } أشخاص ضمن النطاق لم يسجّلوا عددًا كافيًا من الطرق، ولا يمكنهم إعادة تعيين كلمة المرور اليوم.
        [many] { $count } شخصًا ضمن النطاق لم يسجّلوا عددًا كافيًا من الطرق، ولا يمكنهم إعادة تعيين كلمة المرور اليوم.
       *[other] { $count } شخص ضمن النطاق لم يسجّلوا عددًا كافيًا من الطرق، ولا يمكنهم إعادة تعيين كلمة المرور اليوم.
    }
admin-impact-allCanReset = سجّل جميع الأشخاص ضمن النطاق عددًا كافيًا من الطرق.
admin-impact-confirm = حفظ النهج
admin-impact-keepEditing = متابعة التحرير

## المستخدمون

admin-users-title = المستخدمون
admin-users-search = البحث عن مستخدمين بالاسم أو البريد الإلكتروني
admin-users-count =
    { $count ->
        [zero] لم يُعثر على أي مستخدم
        [one] تم العثور على مستخدم واحد
        [two] تم العثور على مستخدمَين
        [few] تم العثور على { $count } مستخدمين
        [many] تم العثور على { $count } مستخدمًا
       *[other] تم العثور على { $count } مستخدم
    }
admin-users-none = لا يوجد مستخدمون مطابقون.
admin-users-create = مستخدم جديد
admin-users-createSubmit = إنشاء المستخدم
admin-user-title = المستخدم
admin-user-back = العودة إلى المستخدمين
admin-user-username = اسم المستخدم
admin-user-displayName = الاسم المعروض
admin-user-email = عنوان البريد الإلكتروني
admin-user-mobilePhone = الهاتف المحمول (اختياري)
admin-user-mobilePhoneHint = بالصيغة الدولية مع رمز البلد، مثل ⁦+44 20 7946 0958⁩.
admin-user-mobilePhoneEditHint = بالصيغة الدولية مع رمز البلد. أفرغ الحقل لإزالة الرقم.
admin-user-initialPassword = كلمة المرور الأولية (اختياري)
admin-user-initialPasswordHint = يجب على الشخص تغييرها عند أول تسجيل دخول. إذا لم تُعيَّن، فلن يتمكن من تسجيل الدخول حتى يعيد تعيينها.
admin-user-newPassword = كلمة مرور جديدة (اختياري)
admin-user-newPasswordHint = اترك الحقل فارغًا للإبقاء على كلمة المرور الحالية. تُنهي كلمة المرور الجديدة جميع جلسات الشخص، ويجب تغييرها عند تسجيل الدخول التالي.
admin-user-isAdmin = مسؤول
admin-user-isAdminHint = يمكن للمسؤولين تغيير النهج وإدارة المستخدمين والمجموعات.
admin-user-status = الحالة
admin-user-badge-active = نشط
admin-user-badge-admin = مسؤول
admin-user-badge-disabled = معطّل
admin-user-badge-locked = مقفل
admin-user-badge-mustChange = يجب تغيير كلمة المرور
admin-user-badge-noPassword = بلا كلمة مرور
admin-user-created = تاريخ الإنشاء
admin-user-lockedUntil = مقفل حتى
admin-user-edit = التفاصيل
admin-user-save = حفظ التغييرات
admin-user-saved = تم حفظ التغييرات.
admin-user-notSaved = لم تُحفظ التغييرات. تحقق من الحقول المميزة أدناه.
admin-user-nothingChanged = لم يتغير شيء.
admin-user-actions = إجراءات الحساب
admin-user-disable = تعطيل الحساب
admin-user-enable = تمكين الحساب
admin-user-disabledDone = تم تعطيل الحساب.
admin-user-enabledDone = تم تمكين الحساب.
admin-user-unlock = إلغاء قفل الحساب
admin-user-unlockedDone = تم إلغاء قفل الحساب.
admin-user-requireReregistration = طلب التسجيل مجددًا
admin-user-requireReregistrationQuestion = هل تريد مطالبة { $name } بتسجيل طرق التحقق مجددًا عند تسجيل الدخول التالي؟ ستُزال الطرق الحالية.
admin-user-requireReregistrationConfirm = نعم، اطلب التسجيل
admin-user-reregistrationDone = سيُطلب من الشخص التسجيل مجددًا عند تسجيل الدخول التالي.
admin-user-delete = حذف المستخدم
admin-user-deleteQuestion = هل تريد حذف { $name }؟ لا يمكن التراجع عن هذا الإجراء.
admin-user-deleteConfirm = نعم، احذف
admin-user-methods = الطرق المسجّلة
admin-user-methodsUnavailable = تعذّر تحميل الطرق.
admin-user-noMethods = لا توجد طرق مسجّلة.
admin-user-methodKind = الطريقة
admin-user-methodHint = الوجهة
admin-user-methodStatus = الحالة
admin-user-methodAdded = منذ
admin-user-methodActive = نشطة
admin-user-methodPending = بانتظار التحقق
admin-picker-results =
    { $count ->
        [zero] لم يُعثر على أي مستخدم
        [one] تم العثور على مستخدم واحد
        [two] تم العثور على مستخدمَين
        [few] تم العثور على { $count } مستخدمين
        [many] تم العثور على { $count } مستخدمًا
       *[other] تم العثور على { $count } مستخدم
    }

## المجموعات

admin-groups-title = المجموعات
admin-groups-count =
    { $count ->
        [zero] لا توجد مجموعات
        [one] مجموعة واحدة
        [two] مجموعتان
        [few] { $count } مجموعات
        [many] { $count } مجموعة
       *[other] { $count } مجموعة
    }
admin-groups-none = لا توجد مجموعات بعد.
admin-groups-create = مجموعة جديدة
admin-groups-createSubmit = إنشاء المجموعة
admin-group-title = المجموعة
admin-group-back = العودة إلى المجموعات
admin-group-name = الاسم
admin-group-description = الوصف (اختياري)
admin-group-members = الأعضاء
admin-group-edit = الاسم والوصف
admin-group-save = حفظ التغييرات
admin-group-saved = تم حفظ التغييرات.
admin-group-nothingChanged = لم يتغير شيء.
admin-group-membersTitle = الأعضاء ({ $count })
admin-group-noMembers = لا تضم هذه المجموعة أي أعضاء.
admin-group-removeMember = إزالة
admin-group-removeMemberNamed = إزالة { $name } من المجموعة
admin-group-memberRemoved = ستتم إزالة { $name } عند حفظ الأعضاء.
admin-group-memberAdded = ستتم إضافة { $name } عند حفظ الأعضاء.
admin-group-findUsers = البحث عن مستخدمين لإضافتهم
admin-group-addMemberNamed = إضافة { $name }
admin-group-saveMembers = حفظ الأعضاء
admin-group-membersSaved = تم حفظ الأعضاء.
admin-group-delete = حذف المجموعة
admin-group-deleteQuestion = هل تريد حذف المجموعة { $name }؟ سيحتفظ أعضاؤها بحساباتهم.
admin-group-deleteConfirm = نعم، احذف

## سجل التدقيق

admin-audit-title = سجل التدقيق
admin-audit-filters = تصفية سجل التدقيق
admin-audit-type = الحدث
admin-audit-allTypes = جميع الأحداث
admin-audit-family-sign_in = تسجيل الدخول
admin-audit-family-method = الطرق
admin-audit-family-recovery = إعادة التعيين وإلغاء القفل
admin-audit-family-policy = النهج
admin-audit-family-user = المستخدمون
admin-audit-family-group = المجموعات
admin-audit-from = من
admin-audit-to = إلى
admin-audit-user = الأحداث المتعلقة بمستخدم معيّن فقط
admin-audit-chooseUser = اختيار { $name }
admin-audit-userChosen = الأحداث المتعلقة بـ { $name } فقط.
admin-audit-clearUser = أي مستخدم
admin-audit-apply = عرض الأحداث
admin-audit-reset = مسح عوامل التصفية
admin-audit-shown =
    { $count ->
        [zero] لا توجد أحداث معروضة
        [one] حدث واحد معروض
        [two] حدثان معروضان
        [few] { $count } أحداث معروضة
        [many] { $count } حدثًا معروضًا
       *[other] { $count } حدث معروض
    }
admin-audit-none = لا توجد أحداث مطابقة.
admin-audit-loadMore = تحميل أحداث أقدم
admin-audit-at = الوقت
admin-audit-outcome = النتيجة
admin-audit-success = نجاح
admin-audit-failure = فشل
admin-audit-actor = بواسطة
admin-audit-target = بخصوص
admin-audit-ip = عنوان IP
admin-audit-userAgent = المتصفح (وكيل المستخدم)
admin-audit-details = التفاصيل

## النشاط

admin-activity-title = النشاط
admin-activity-period = الفترة
admin-activity-lastDays =
    { $days ->
        [zero] آخر { $days } يوم
        [one] آخر يوم
        [two] آخر يومين
        [few] آخر { $days } أيام
        [many] آخر { $days } يومًا
       *[other] آخر { $days } يوم
    }
admin-activity-resetsTitle = إعادة التعيين وإلغاء القفل بالخدمة الذاتية
admin-activity-resetsByDay =
    { $days ->
        [zero] عمليات إعادة التعيين وإلغاء القفل يوميًا (آخر { $days } يوم)
        [one] عمليات إعادة التعيين وإلغاء القفل يوميًا (آخر يوم)
        [two] عمليات إعادة التعيين وإلغاء القفل يوميًا (آخر يومين)
        [few] عمليات إعادة التعيين وإلغاء القفل يوميًا (آخر { $days } أيام)
        [many] عمليات إعادة التعيين وإلغاء القفل يوميًا (آخر { $days } يومًا)
       *[other] عمليات إعادة التعيين وإلغاء القفل يوميًا (آخر { $days } يوم)
    }
admin-activity-resetsSummary =
    { $days ->
        [zero] خلال آخر { $days } يوم
        [one] خلال آخر يوم
        [two] خلال آخر يومين
        [few] خلال آخر { $days } أيام
        [many] خلال آخر { $days } يومًا
       *[other] خلال آخر { $days } يوم
    }: { $resets ->
        [zero] لم تُجرَ أي عملية إعادة تعيين لكلمة المرور
        [one] عملية واحدة لإعادة تعيين كلمة المرور
        [two] عمليتان لإعادة تعيين كلمة المرور
        [few] { $resets } عمليات لإعادة تعيين كلمة المرور
        [many] { $resets } عملية لإعادة تعيين كلمة المرور
       *[other] { $resets } عملية لإعادة تعيين كلمة المرور
    }؛ { $unlocks ->
        [zero] ولم تُجرَ أي عملية لإلغاء قفل حساب
        [one] وعملية واحدة لإلغاء قفل حساب
        [two] وعمليتان لإلغاء قفل حسابات
        [few] و{ $unlocks } عمليات لإلغاء قفل حسابات
        [many] و{ $unlocks } عملية لإلغاء قفل حسابات
       *[other] و{ $unlocks } عملية لإلغاء قفل حسابات
    }.
admin-activity-byMethod = عمليات التحقق حسب الطريقة
admin-activity-date = التاريخ
admin-activity-method = الطريقة
admin-activity-started = عمليات بدأت
admin-activity-passwordResets = عمليات إعادة تعيين كلمة المرور
admin-activity-unlocks = عمليات إلغاء القفل
admin-activity-failedVerifications = عمليات التحقق الفاشلة
admin-activity-verified = ناجحة
admin-activity-failed = فاشلة
admin-activity-registrationTitle = التسجيل
admin-activity-registrationByMethod = الأشخاص المسجّلون حسب الطريقة
admin-activity-registrationSummary = سجّل { $registered } من أصل { $total } من الأشخاص المفعّلين طريقة واحدة على الأقل ({ $percent }%).
admin-activity-usersWithMethod = الأشخاص الذين لديهم هذه الطريقة
admin-activity-share = النسبة من الأشخاص المفعّلين
admin-activity-percent = { $percent }%
admin-activity-registrationsByDay = الطرق المسجّلة يوميًا
admin-activity-registrations = الطرق المسجّلة

## صياغة الرسائل التي يتلقاها الأشخاص (علامة التبويب «التخصيص»)
admin-messages-title = الرسائل التي يتلقاها الأشخاص
admin-messages-intro = غيّر صياغة رسالة بلغة واحدة. تستخدم الحقول الفارغة الصياغة المضمّنة. اكتب نصًا عاديًا، وافصل بين الفقرات بسطر فارغ، وأدرج القيم المذكورة أدناه بين أقواس معقوفة مزدوجة. تسري التغييرات عند حفظ النهج.
admin-messages-notice = الرسالة
admin-messages-language = اللغة
admin-messages-variables = القيم التي يمكنك استخدامها: { $variables }
admin-messages-subject = الموضوع
admin-messages-emptyMeansDefault = اتركه فارغًا لاستخدام الصياغة المضمّنة.
admin-messages-body = النص
admin-messages-bodyHint = اتركه فارغًا لاستخدام الصياغة المضمّنة. يُضاف سطر الدعم الفني في نهاية كل رسالة بريد إلكتروني.
admin-messages-useDefault = استخدام الصياغة المضمّنة
admin-messages-preview = معاينة بقيم نموذجية
admin-messages-previewLoading = جارٍ تجهيز المعاينة…
admin-messages-notice-codeEmail = رمز التحقق عبر البريد الإلكتروني
admin-messages-notice-codeSms = رمز التحقق عبر رسالة نصية
admin-messages-notice-codeVoice = رمز التحقق عبر مكالمة هاتفية
admin-messages-notice-securityInfoChanged = تم تغيير معلومات الأمان
admin-messages-notice-passwordReset = تمت إعادة تعيين كلمة المرور
admin-messages-notice-accountUnlocked = تم إلغاء قفل الحساب
admin-messages-notice-administratorReset = أعاد أحد المسؤولين تعيين كلمة المرور الخاصة به (يُرسل إلى المسؤولين الآخرين)
admin-messages-notice-recoveryCodeUsed = تم استخدام رمز استرداد
admin-messages-notice-accountLocked = تم قفل الحساب

## مفاتيح API
admin-keys-title = مفاتيح API
admin-keys-intro = تتيح المفاتيح للبوابات والبرامج النصية استخدام الإدارة ضمن الأذونات التي تمنحها لها. المفتاح ليس شخصًا: لا يمكنه تسجيل الدخول أو استخدام «معلومات الأمان الخاصة بي» أو إدارة المفاتيح. يُسجَّل كل استخدام له في سجل التدقيق باسمه.
admin-keys-none = لا توجد مفاتيح API بعد.
admin-keys-name = الاسم
admin-keys-scopes = الأذونات
admin-keys-expires = تاريخ الانتهاء
admin-keys-expiresOn = ينتهي في نهاية يوم (اختياري)
admin-keys-addresses = عناوين العملاء المسموح بها
admin-keys-addressesHint = عناوين أو شبكات مفصولة بمسافات أو فواصل، مثل 203.0.113.7 أو 10.0.0.0/8. اتركه فارغًا للسماح بأي عنوان.
admin-keys-lastUsed = آخر استخدام
admin-keys-state = الحالة
admin-keys-never = لا ينتهي
admin-keys-neverUsed = لم يُستخدم بعد
admin-keys-anyAddress = أي عنوان
admin-keys-revoke = إبطال
admin-keys-revokeQuestion = هل تريد إبطال المفتاح «{ $name }»؟ سيتوقف عن العمل فورًا.
admin-keys-revokeConfirm = إبطال المفتاح
admin-keys-revoked = تم إبطال المفتاح «{ $name }».
admin-keys-revokedOn = أُبطل في { $date }
admin-keys-create = إنشاء مفتاح
admin-keys-createSubmit = إنشاء المفتاح
admin-keys-secretTitle = السرّ الخاص بالمفتاح «{ $name }»
admin-keys-secretOnce = انسخه الآن واحفظه في مكان آمن: لن يُعرض إلا هذه المرة فقط. أرسله بالصيغة Authorization: Bearer متبوعًا بالسرّ.
admin-keys-secretSaved = لقد حفظت السرّ
admin-keys-scope-adminRead = قراءة النهج والمستخدمين والمجموعات (admin:read)
admin-keys-scope-adminWrite = تغيير النهج والمستخدمين والمجموعات (admin:write)
admin-keys-scope-auditRead = قراءة سجل التدقيق (audit:read)
admin-keys-scope-reportsRead = قراءة التقارير (reports:read)

## خطافات الويب
admin-webhooks-title = خطافات الويب (Webhooks)
admin-webhooks-intro = يمكن إعلام أنظمة أخرى عند حدوث شيء هنا. يُوقَّع كل تسليم وفقًا لمواصفة Standard Webhooks، ويُعاد إرساله عند إخفاق المستقبِل، ولا يحتوي أبدًا على رمز أو كلمة مرور. لا يمكن استلامها إلا على عناوين عامة.
admin-webhooks-none = لا توجد نقاط نهاية لخطافات الويب بعد.
admin-webhooks-url = عنوان URL للمستقبِل
admin-webhooks-events = الأحداث
admin-webhooks-description = الوصف (اختياري)
admin-webhooks-created = تاريخ التسجيل
admin-webhooks-create = إضافة نقطة نهاية
admin-webhooks-createSubmit = إضافة نقطة النهاية
admin-webhooks-secretTitle = سرّ التوقيع الخاص بـ { $url }
admin-webhooks-secretOnce = انسخه الآن إلى المستقبِل: لن يُعرض إلا هذه المرة فقط. يتحقق المستقبِل به من webhook-signature في كل تسليم.
admin-webhooks-secretSaved = لقد حفظت السرّ
admin-webhooks-remove = إزالة
admin-webhooks-removeQuestion = هل تريد إزالة نقطة النهاية { $url }؟ ستُحذف عمليات التسليم التي لم تتم بعد.
admin-webhooks-removeConfirm = إزالة نقطة النهاية
admin-webhooks-removed = تمت إزالة نقطة النهاية { $url }.
admin-webhooks-showDeliveries = عمليات التسليم
admin-webhooks-deliveriesTitle = عمليات التسليم إلى { $url }
admin-webhooks-noDeliveries = لم يُرسَل أي شيء إلى نقطة النهاية هذه بعد.
admin-webhooks-delivery-event = الحدث
admin-webhooks-delivery-created = وقت الإدراج في قائمة الانتظار
admin-webhooks-delivery-attempts = المحاولات الفاشلة
admin-webhooks-delivery-state = الحالة
admin-webhooks-delivery-answer = آخر استجابة
admin-webhooks-delivered = سُلِّم في { $date }
admin-webhooks-nextAttempt = المحاولة التالية في { $date }
admin-webhooks-gaveUp = توقفت المحاولات في { $date }: فشل التسليم طوال يوم؛ أعد الإرسال عندما يعود المستقبِل
admin-webhooks-redeliver = إعادة الإرسال
admin-webhooks-redelivered = ستتم إعادة إرساله بعد لحظات.
admin-webhooks-event-passwordReset = إعادة تعيين كلمة المرور (password.reset)
admin-webhooks-event-accountUnlocked = إلغاء قفل الحساب (account.unlocked)
admin-webhooks-event-methodAdded = إضافة طريقة (method.added)
admin-webhooks-event-methodRemoved = إزالة طريقة (method.removed)
admin-webhooks-event-registrationCompleted = اكتمال التسجيل (registration.completed)
admin-webhooks-event-selfServiceBlocked = حظر الخدمة الذاتية بعد محاولات فاشلة (self_service.blocked)
admin-webhooks-event-accountLocked = قفل الحساب بسبب كلمات مرور خاطئة (account.locked)
