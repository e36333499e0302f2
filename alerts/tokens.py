"""Signed links.

- Confirm: the subscription's id; expires with the unconfirmed subscription.
- Unsubscribe: the address's key (`address_key`, a keyed hash of the address, never the
  address itself); never expires. It is the same for every subscription of an address, so
  a link from any email ever sent to it stops the alerts, even after the person
  unsubscribed and subscribed again (which makes a new subscription row).

Links signed before the unsubscribe link carried the address's key carry the
subscription's id: `read_unsubscribe` still accepts them.
"""

from django.core import signing
from django.utils.crypto import salted_hmac

from alerts import conf

CONFIRM, UNSUBSCRIBE = "alerts.confirm", "alerts.unsubscribe"
ADDRESS_KEY_SALT = "alerts.address"


def address_key(email):
    """A keyed hash (HMAC-SHA256 with SECRET_KEY) of the address, case-insensitive: it
    finds an address's subscriptions and tells nobody without the key what it is."""
    return salted_hmac(ADDRESS_KEY_SALT, email.strip().lower(), algorithm="sha256").hexdigest()


def make(subscription, salt):
    if salt == UNSUBSCRIBE:
        return signing.dumps(address_key(subscription.email), salt=salt)
    return signing.dumps(subscription.pk, salt=salt)


def _load(token, salt, max_age=None):
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, TypeError, ValueError, UnicodeError):
        return None


def read_confirm(token):
    """The subscription's id in a confirm link, or None for a bad or expired token."""
    value = _load(token, CONFIRM, max_age=conf.get("ALERTS_CONFIRM_DAYS") * 86400)
    return value if type(value) is int else None


def read_unsubscribe(token):
    """("address", key) or, for links signed before keys, ("subscription", id); None
    for a bad token."""
    value = _load(token, UNSUBSCRIBE)
    if isinstance(value, str) and len(value) == 64:
        return ("address", value)
    if type(value) is int:
        return ("subscription", value)
    return None
