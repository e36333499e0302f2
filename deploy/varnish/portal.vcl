vcl 4.1;
import std;
# Varnish in front of the portal's gunicorn (docs/performance.md). The portal says what
# may be kept and for how long (Cache-Control: public, s-maxage=...); this file adds the
# PURGE requests that Wagtail's frontend cache sends on publish (core/cdn.py), and keeps
# signed-in editors and the admin out of the cache.

backend portal {
    .host = "127.0.0.1";
    .port = "8000";
}

# Who may purge: the portal's own servers.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.http.host = std.tolower(req.http.host);
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # /en/feeds/* drops every address under /en/feeds/; any other address drops
        # itself and its query-string variants (/en/resources/?topic=...).
        if (req.url ~ "\*$") {
            ban("obj.http.x-host == " + req.http.host +
                " && obj.http.x-url ~ ^" + regsub(req.url, "\*$", ""));
        } else {
            ban("obj.http.x-host == " + req.http.host +
                " && obj.http.x-url ~ ^" + regsub(req.url, "\?.*$", "") + "(\?|$)");
        }
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Signed-in people (the session cookie's name is Django's SESSION_COOKIE_NAME), the
    # admin and anyone sending credentials are never served from the cache.
    if (req.url ~ "^/admin/" || req.http.Cookie ~ "(^|;\s*)sessionid=" || req.http.Authorization) {
        return (pass);
    }
    # Tracking parameters change nothing on a page (as in the portal's own cache).
    set req.url = regsuball(req.url, "(?<=[?&])(utm_[a-z]+|fbclid|gclid|msclkid)=[^&]*&?", "");
    set req.url = regsub(req.url, "[?&]$", "");
    # Other cookies (the form token, a language choice) do not change public pages: a
    # form page sets its own token, and its answer is not kept (Set-Cookie).
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Kept on the object so that a ban can find it (the "ban lurker" needs obj.* only).
    set beresp.http.x-url = bereq.url;
    set beresp.http.x-host = bereq.http.host;
    # Only what the portal marks public is kept: documents (whose access can change),
    # redirects, errors and anything without Cache-Control go to the portal every time.
    if (beresp.http.Cache-Control !~ "public") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
}

sub vcl_deliver {
    unset resp.http.x-url;
    unset resp.http.x-host;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
