package fixtures;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.*;
import javax.xml.stream.*;
import javax.xml.transform.TransformerFactory;
import org.w3c.dom.Document;

class Xml {
    // ruleid: java-xxe-parser-factory
    private static final DocumentBuilderFactory SHARED = DocumentBuilderFactory.newInstance();

    Document parse(InputStream in) throws Exception {
        // ruleid: java-xxe-parser-factory
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        return dbf.newDocumentBuilder().parse(in);
    }

    Document oneLiner(InputStream in) throws Exception {
        // ruleid: java-xxe-parser-factory
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }

    void sax(InputStream in, Handler h) throws Exception {
        SAXParserFactory spf;
        // ruleid: java-xxe-parser-factory
        spf = SAXParserFactory.newInstance();
        spf.newSAXParser().parse(in, h);
        // ruleid: java-xxe-parser-factory
        TransformerFactory tf = TransformerFactory.newInstance();
    }

    Document hardened(InputStream in) throws Exception {
        // ok: java-xxe-parser-factory
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.setXIncludeAware(false);
        return dbf.newDocumentBuilder().parse(in);
    }

    void hardenedSax(InputStream in, Handler h) throws Exception {
        try {
            // ok: java-xxe-parser-factory
            SAXParserFactory spf = SAXParserFactory.newInstance();
            spf.setFeature("http://xml.org/sax/features/external-general-entities", false);
            spf.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            spf.newSAXParser().parse(in, h);
        } finally {
            in.close();
        }
        // ok: java-xxe-parser-factory
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
    }

    Document withFsp(InputStream in) throws Exception {
        // ok: java-xxe-parser-factory
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return dbf.newDocumentBuilder().parse(in);
    }

    Document disabledOnPurpose(InputStream in) throws Exception {
        // ruleid: java-xxe-parser-factory
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return dbf.newDocumentBuilder().parse(in);
    }

    void stax(InputStream in) throws Exception {
        // ruleid: java-xxe-xmlinputfactory
        XMLInputFactory xif = XMLInputFactory.newInstance();
        XMLStreamReader r = xif.createXMLStreamReader(in);
        // ruleid: java-xxe-xmlinputfactory
        XMLEventReader e = XMLInputFactory.newFactory().createXMLEventReader(in);
    }

    void staxSafe(InputStream in) throws Exception {
        // ok: java-xxe-xmlinputfactory
        XMLInputFactory xif = XMLInputFactory.newInstance();
        xif.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XMLStreamReader r = xif.createXMLStreamReader(in);
        // ok: java-xxe-xmlinputfactory
        XMLInputFactory other = XMLInputFactory.newFactory();
        other.setProperty("javax.xml.stream.isSupportingExternalEntities", Boolean.FALSE);
        // ok: java-xxe-xmlinputfactory
        XMLOutputFactory out = XMLOutputFactory.newInstance();
    }
}

class SharedParser {
    // ok: java-xxe-parser-factory
    private static final DocumentBuilderFactory DBF = DocumentBuilderFactory.newInstance();

    static {
        try {
            DBF.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
