"""Load the demo portal: locales, site, pages and a local admin account.

Idempotent: running it twice updates what the first run made and duplicates nothing.
Each app that has demo content keeps it in its own `demo.py`; this command runs them in
dependency order.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo import countries as countries_demo
from demo import events as events_demo
from demo import home as home_demo
from demo import locales as locales_demo
from demo import resources as resources_demo
from demo import search as search_demo
from demo import share as share_demo
from demo import targets as targets_demo


class Command(BaseCommand):
    help = "Create or refresh the demo portal (for local use only)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Run even though DEBUG is off. The demo admin account is not for servers.",
        )
        parser.add_argument(
            "--resources",
            type=int,
            default=0,
            metavar="N",
            help="Also make sure N generated resources exist (sample data, for performance work).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["allow_production"]:
            raise CommandError(
                "load_demo creates a demo admin account and sample content; it only runs "
                "with DEBUG on (use --allow-production if you really mean it)."
            )
        with transaction.atomic():
            locales_demo.load_locales(self.stdout)
            home_demo.load(self.stdout)
            locales_demo.load(self.stdout)
            countries_demo.load(self.stdout)
            targets_demo.load(self.stdout)
            resources_demo.load(self.stdout, generated=options["resources"])
            events_demo.load(self.stdout)
            share_demo.load(self.stdout)
            search_demo.load(self.stdout)
            home_demo.feature(self.stdout)
        self.create_admin()

    def create_admin(self):
        User = get_user_model()
        user, _ = User.objects.get_or_create(
            username="admin", defaults={"email": "admin@localhost"}
        )
        password = secrets.token_urlsafe(12)
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        self.stdout.write(
            self.style.SUCCESS(
                "Demo admin account (local use only): username 'admin', "
                f"password '{password}' (a new one is set on every run)."
            )
        )
