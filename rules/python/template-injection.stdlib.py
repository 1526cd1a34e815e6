# No Flask, Jinja2 or Mako import here: Template is string.Template, which runs no code.
from string import Template


def greet(name):
    # ok: python-template-injection
    return Template(f"Hello {name}, $title").substitute(title="Dr")
