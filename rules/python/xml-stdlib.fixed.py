import xml.etree.ElementTree as ET
import xml.sax
from xml.dom import minidom
from xml.sax import handler


def read_feed(body, path, rss):
    # ruleid: python-xml-stdlib-parse
    root = ET.fromstring(body)
    # ruleid: python-xml-stdlib-parse
    tree = ET.parse(path)
    # ruleid: python-xml-stdlib-parse
    doc = minidom.parseString(body)
    # ruleid: python-xml-stdlib-parse
    parser = xml.sax.make_parser()
    # ok: python-xml-stdlib-parse
    text = ET.tostring(root)
    # ok: python-xml-stdlib-parse
    element = ET.Element("item")
    # ok: python-xml-stdlib-parse
    items = rss.parse(body)

    # ruleid: python-xml-sax-external-entities
    parser.setFeature(handler.feature_external_ges, False)
    # ruleid: python-xml-sax-external-entities
    parser.setFeature(xml.sax.handler.feature_external_pes, False)
    # ok: python-xml-sax-external-entities
    parser.setFeature(handler.feature_external_ges, False)
    # ok: python-xml-sax-external-entities
    parser.setFeature(handler.feature_namespaces, True)
    return root, tree, doc, parser, text, element, items
