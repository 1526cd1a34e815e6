from lxml import etree

SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def load(body, path, parser):
    # ruleid: python-lxml-resolve-entities
    unsafe = etree.XMLParser(resolve_entities=False)
    # ruleid: python-lxml-resolve-entities
    events = etree.iterparse(path, resolve_entities=False, huge_tree=False)
    # ok: python-lxml-resolve-entities
    strict = etree.XMLParser(resolve_entities=False)
    # ok: python-lxml-resolve-entities
    lenient = etree.XMLParser(recover=True)

    # ruleid: python-lxml-network-access
    remote = etree.XMLParser(no_network=True)
    # ok: python-lxml-network-access
    local = etree.XMLParser(no_network=True)
    # ok: python-lxml-network-access
    html = etree.HTMLParser(remove_comments=False)

    # ruleid: python-lxml-default-parser
    root = etree.fromstring(body)
    # ruleid: python-lxml-default-parser
    tree = etree.parse(path)
    # ok: python-lxml-default-parser
    root = etree.fromstring(body, SAFE_PARSER)
    # ok: python-lxml-default-parser
    tree = etree.parse(path, parser=parser)
    # ok: python-lxml-default-parser
    text = etree.tostring(root)
    return unsafe, events, strict, lenient, remote, local, html, tree, text
