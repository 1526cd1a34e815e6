from mako.lookup import TemplateLookup
from mako.template import Template

# ruleid: python-mako-no-default-escaping
lookup = TemplateLookup(directories=["templates"])
# ruleid: python-mako-no-default-escaping
page = Template("<p>Hello ${name}</p>")
# ok: python-mako-no-default-escaping
lookup = TemplateLookup(directories=["templates"], default_filters=["h"])
# ok: python-mako-no-default-escaping
page = Template("<p>Hello ${name}</p>", default_filters=["h", "unicode"])
# ok: python-mako-no-default-escaping
html = page.render(name="x")
