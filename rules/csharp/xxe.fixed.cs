using System.IO;
using System.Xml;

public class XmlImport
{
    public XmlDocument Load(Stream input)
    {
        var settings = new XmlReaderSettings
        {
            // ruleid: csharp-xxe-dtd-processing
            DtdProcessing = DtdProcessing.Prohibit,
            // ruleid: csharp-xxe-xml-resolver
            XmlResolver = null,
        };
        var legacy = new XmlReaderSettings();
        // ruleid: csharp-xxe-dtd-processing
        legacy.DtdProcessing = DtdProcessing.Prohibit;
        // ruleid: csharp-xxe-xml-resolver
        var doc = new XmlDocument { XmlResolver = null };
        doc.Load(XmlReader.Create(input, settings));

        // ok: csharp-xxe-dtd-processing
        var safe = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit };
        // ok: csharp-xxe-dtd-processing
        legacy.DtdProcessing = DtdProcessing.Ignore;
        // ok: csharp-xxe-xml-resolver
        var clean = new XmlDocument { XmlResolver = null };
        // ok: csharp-xxe-xml-resolver
        var resolver = new XmlUrlResolver();
        // ok: csharp-xxe-dtd-processing
        if (settings.DtdProcessing == DtdProcessing.Parse) { throw new XmlException("DTDs are not allowed"); }
        return doc;
    }
}
