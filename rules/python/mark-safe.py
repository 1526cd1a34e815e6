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


# Shapes from template engines and form libraries: the value was escaped or rendered first.
@register.filter(is_safe=True, needs_autoescape=True)
def linenumbers(value, autoescape=True):
    lines = value.split("\n")
    if autoescape:
        lines = [escape(line) for line in lines]
    # ok: python-django-mark-safe-variable
    return mark_safe("\n".join(lines))


@register.filter(is_safe=True)
def safe(value):
    # ok: python-django-mark-safe-variable
    return mark_safe(value)


def escapejs(value):
    # ok: python-django-mark-safe-variable
    return mark_safe(str(value).translate(JS_ESCAPES))


def format_html(format_string, *args):
    args_safe = map(conditional_escape, args)
    # ok: python-django-mark-safe-variable
    return mark_safe(format_string.format(*args_safe))


class SafeStringLike(str):
    def __add__(self, rhs):
        t = super().__add__(rhs)
        # ok: python-django-mark-safe-variable
        return SafeString(t)


class BlockNode:
    def render(self, context):
        nodelist = []
        for node in self.nodelist_loop:
            nodelist.append(node.render_annotated(context))
        # ok: python-django-mark-safe-variable
        return mark_safe("".join(nodelist))

    def super(self):
        # ok: python-django-mark-safe-variable
        return mark_safe(self.render(self.context))

    def autoescape_render(self, context):
        output = self.nodelist.render(context)
        if self.setting:
            # ok: python-django-mark-safe-variable
            return mark_safe(output)
        return output


class Fieldline:
    def label_tag(self):
        contents = conditional_escape(self.field.label)
        # ok: python-django-mark-safe-variable
        return self.field.label_tag(contents=mark_safe(contents))

    def errors(self):
        # ok: python-django-mark-safe-variable
        return mark_safe(self.field.errors.as_ul())

    def all_errors(self):
        # ok: python-django-mark-safe-variable
        return mark_safe("\n".join(self.form[f].errors.as_ul() for f in self.fields))

    def render(self, template_name, context, renderer):
        # ok: python-django-mark-safe-variable
        return mark_safe(renderer.render(template_name, context))

    def hidden(self, form, cl):
        # ok: python-django-mark-safe-variable
        return mark_safe(form[cl.model._meta.pk.name])


def translate(value, message, result):
    is_safe = isinstance(value, SafeData)
    # ok: python-django-mark-safe-variable
    value = mark_safe(value) if is_safe else value
    if isinstance(message, SafeData):
        # ok: python-django-mark-safe-variable
        return mark_safe(result)
    return value


def number_format(number, use_grouping):
    if isinstance(number, int) and not use_grouping:
        # ok: python-django-mark-safe-variable
        return mark_safe(number)
    return str(number)


def render_flatpage(request, f, template):
    # ruleid: python-django-mark-safe-variable
    f.title = mark_safe(f.title)
    # ruleid: python-django-mark-safe-variable
    f.content = mark_safe(f.content)
    return HttpResponse(template.render({"flatpage": f}, request))


def profile_card(request, user):
    bio = user.profile.bio
    # ruleid: python-django-mark-safe-variable
    return mark_safe(bio)


def tag_list(request):
    tags = request.GET.getlist("tag")
    # ruleid: python-django-mark-safe-variable
    return mark_safe(", ".join(tags))
