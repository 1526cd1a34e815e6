# defusedxml provides the same API with hardened parsers.
import defusedxml.ElementTree as ET


def read_feed(body):
    # ok: python-xml-stdlib-parse
    return ET.fromstring(body)
