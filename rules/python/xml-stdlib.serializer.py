"""XML deserializer that parses with its own hardened expat parser (modelled on Django's)."""
from xml.dom import pulldom
from xml.sax import handler
from xml.sax.expatreader import ExpatParser as _ExpatParser


class DefusedExpatParser(_ExpatParser):
    """An expat parser hardened against XML bomb attacks: no DTDs, no entities."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setFeature(handler.feature_external_ges, False)
        self.setFeature(handler.feature_external_pes, False)

    def start_doctype_decl(self, name, sysid, pubid, has_internal_subset):
        raise ValueError("DTDs are forbidden")


class Deserializer:
    def __init__(self, stream_or_string):
        self.stream = stream_or_string
        # ok: python-xml-stdlib-parse
        self.event_stream = pulldom.parse(self.stream, self._make_parser())

    def _make_parser(self):
        return DefusedExpatParser()
