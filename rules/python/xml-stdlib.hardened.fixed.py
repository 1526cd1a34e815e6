from xml.dom import pulldom

from myproject.xmlsafe import DefusedExpatParser


def events(stream):
    # ok: python-xml-stdlib-parse
    return pulldom.parse(stream, parser=DefusedExpatParser())


def raw_events(stream):
    # ruleid: python-xml-stdlib-parse
    return pulldom.parse(stream)
