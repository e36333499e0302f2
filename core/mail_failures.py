"""Emails sent by background tasks fail without naming their recipient: the mail
server's refusal names the address, and task results and logs must not hold it."""

import smtplib


class MailNotSent(Exception):
    """Raised instead of the mail error, whose message may name the address."""


def describe(error):
    """The kind of failure, without its message: an SMTP refusal's message names the
    address."""
    kind = type(error).__name__
    code = getattr(error, "smtp_code", None)
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = sorted({str(reply[0]) for reply in error.recipients.values() if reply})
        code = ",".join(codes) or None
    return f"{kind} (SMTP {code})" if code else kind
