"""Content-Security-Policy and Permissions-Policy: the pieces settings and middleware share.

The policies themselves are settings (`CONTENT_SECURITY_POLICY` for the public site,
`PORTAL_ADMIN_CONTENT_SECURITY_POLICY` for the admin, `PERMISSIONS_POLICY`), written out in
portal/settings/base.py; core.middleware sends them. docs/security.md says why each source
is there.
"""

import copy
from urllib.parse import urlsplit


def with_sources(policy, **sources):
    """A copy of a django-csp policy (`{"DIRECTIVES": {...}}`) with `sources` added to the
    directives named (underscores for dashes: `img_src=["https://cdn.example.org"]`);
    a value of True or False sets a flag directive such as `upgrade_insecure_requests`."""
    policy = copy.deepcopy(policy)
    directives = policy["DIRECTIVES"]
    for name, added in sources.items():
        directive = name.replace("_", "-")
        if isinstance(added, bool):
            directives[directive] = added
        else:
            current = list(directives.get(directive) or [])
            directives[directive] = current + [s for s in added if s not in current]
    return policy


def origin(url):
    """`https://media.example.org` from a URL or a bare host name ("" for nothing)."""
    if not url:
        return ""
    parts = urlsplit(url if "//" in url else f"https://{url}")
    return f"{parts.scheme}://{parts.netloc}"


def s3_media_origins(bucket, custom_domain="", endpoint_url="", region=""):
    """Where the browser fetches images from an S3-compatible bucket (django-storages'
    URLs): the custom domain (a CDN) when set, else the endpoint, else Amazon's names for
    the bucket."""
    if custom_domain:
        return [origin(custom_domain)]
    if endpoint_url:
        return [origin(endpoint_url)]
    hosts = [f"https://{bucket}.s3.amazonaws.com"]
    if region:
        hosts.append(f"https://{bucket}.s3.{region}.amazonaws.com")
    return hosts


def permissions_policy_header(features):
    """`camera=(), geolocation=()` from `{"camera": [], "geolocation": []}`; an allowed
    origin is given as written in the header (`self`, `"https://example.org"`)."""
    return ", ".join(f"{feature}=({' '.join(allow)})" for feature, allow in features.items())
