from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """The editors' side of the admin: what needs their attention, on the dashboard and
    in a weekly email (docs/editors.md)."""

    name = "editorial"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail import hooks

        from editorial import account

        hooks.register("register_account_settings_panel", account.settings_panel)
