from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from markupsafe import Markup

ICON_HTML = "<svg></svg>"


def link(url, name, profile, parts):
    # ruleid: python-django-mark-safe-formatted
    a = mark_safe(f"<a href='{url}'>{name}</a>")
    # ruleid: python-django-mark-safe-formatted
    b = mark_safe("<b>%s</b>" % name)
    # ruleid: python-django-mark-safe-formatted
    c = SafeString("<li>" + "</li><li>".join(parts) + "</li>")
    # ok: python-django-mark-safe-formatted
    d = format_html("<a href='{}'>{}</a>", url, name)
    # ok: python-django-mark-safe-formatted
    e = mark_safe("<br>")
    # ok: python-django-mark-safe-formatted
    f = mark_safe(f"<hr>")

    # ruleid: python-django-mark-safe-variable
    g = mark_safe(profile.bio_html)
    # ruleid: python-django-mark-safe-variable
    h = mark_safe(render_widget(name))
    # ok: python-django-mark-safe-variable
    i = mark_safe(escape(name))
    # ok: python-django-mark-safe-variable
    j = mark_safe(ICON_HTML)
    # ok: python-django-mark-safe-variable
    k = mark_safe(format_html("<i>{}</i>", name))

    # ruleid: python-markup-formatted
    m = Markup(f"<b>{name}</b>")
    # ruleid: python-markup-formatted
    n = Markup("<em>{}</em>".format(name))
    # ok: python-markup-formatted
    o = Markup("<b>{}</b>").format(name)
    # ok: python-markup-formatted
    p = Markup("<b>%s</b>") % name
    return a, b, c, d, e, f, g, h, i, j, k, m, n, o, p
