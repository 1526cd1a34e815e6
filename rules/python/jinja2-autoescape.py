import jinja2
from jinja2 import Environment, FileSystemLoader, select_autoescape

# ruleid: python-jinja2-autoescape-false
env = Environment(loader=FileSystemLoader("templates"), autoescape=False)
# ok: python-jinja2-autoescape-false
env = Environment(loader=FileSystemLoader("templates"), autoescape=True)
# ok: python-jinja2-autoescape-false
env = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape())

# ruleid: python-jinja2-autoescape-missing
env = jinja2.Environment(loader=jinja2.PackageLoader("app"))
# ruleid: python-jinja2-autoescape-missing
bare = Environment()
# ok: python-jinja2-autoescape-missing
env = jinja2.Environment(loader=jinja2.PackageLoader("app"), autoescape=select_autoescape())
# ok: python-jinja2-autoescape-missing
env = Environment(**TEMPLATE_OPTIONS)
# ok: python-jinja2-autoescape-missing
tpl = env.from_string("{{ name }}")
