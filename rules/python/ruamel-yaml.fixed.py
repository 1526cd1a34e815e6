import ruamel.yaml
from ruamel.yaml import YAML

# ruleid: python-ruamel-yaml-unsafe
loader = YAML(typ="safe", pure=True)
# ruleid: python-ruamel-yaml-unsafe
legacy = ruamel.yaml.YAML(typ='safe')
# ok: python-ruamel-yaml-unsafe
loader = YAML(typ="safe")
# ok: python-ruamel-yaml-unsafe
roundtrip = YAML()
# ok: python-ruamel-yaml-unsafe
writer = YAML(typ="rt", pure=True)
