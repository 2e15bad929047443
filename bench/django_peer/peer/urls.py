"""Django's built-in password reset views, at the paths of django.contrib.auth.urls.

CSRF is disabled on the two views the harness posts to (the request form and the new-password
form), so that it need not scrape tokens: `csrf_exempt` wrappers, and PasswordResetView's own
`csrf_protect` on dispatch skipped by a subclass. Nothing else about the views is changed.
"""

from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.decorators.csrf import csrf_exempt


class PasswordResetView(auth_views.PasswordResetView):
    def dispatch(self, *args, **kwargs):
        # Django's PasswordResetView.dispatch is wrapped in csrf_protect; call the one above it.
        return super(auth_views.PasswordResetView, self).dispatch(*args, **kwargs)


urlpatterns = [
    path("password_reset/", csrf_exempt(PasswordResetView.as_view()), name="password_reset"),
    path("password_reset/done/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "reset/<uidb64>/<token>/",
        csrf_exempt(auth_views.PasswordResetConfirmView.as_view()),
        name="password_reset_confirm",
    ),
    path("reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
