import json

import yaml

# ruleid: python-yaml-unsafe-load
data = yaml.safe_load(stream)
# ruleid: python-yaml-unsafe-load
docs = list(yaml.safe_load_all(stream))
# ruleid: python-yaml-unsafe-loader
docs = list(yaml.load_all(stream, Loader=yaml.SafeLoader))
# ruleid: python-yaml-unsafe-loader
data = yaml.load(stream, Loader=yaml.SafeLoader)
# ok: python-yaml-unsafe-load, python-yaml-unsafe-loader
data = yaml.load(stream, Loader=yaml.SafeLoader)
# ok: python-yaml-unsafe-load
data = yaml.safe_load(stream)
# ok: python-yaml-unsafe-load
data = json.load(stream)
# ok: python-yaml-unsafe-load
data = ruamel.yaml.YAML(typ="safe").load(stream)
