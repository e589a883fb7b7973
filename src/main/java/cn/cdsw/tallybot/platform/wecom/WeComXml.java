package cn.cdsw.tallybot.platform.wecom;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads WeCom's flat XML ({@code <xml><Encrypt>…</Encrypt></xml>} and the decrypted
 * messages) into element texts by path ({@code MsgType}, {@code From/UserId}), and writes
 * CDATA. Doctypes are refused and no entity is ever resolved: the envelope is read before
 * its signature can be checked.
 */
final class WeComXml {

    private static final DocumentBuilderFactory FACTORY = factory();

    private final Map<String, String> texts;

    private WeComXml(Map<String, String> texts) {
        this.texts = texts;
    }

    /** Empty when {@code xml} is not well-formed XML. */
    static Optional<WeComXml> parse(String xml) {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(null);
            Element root = builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
            Map<String, String> texts = new HashMap<>();
            collect(root, "", texts);
            return Optional.of(new WeComXml(texts));
        }
        catch (ParserConfigurationException | SAXException | IOException notXml) {
            return Optional.empty();
        }
    }

    /**
     * The text of the element at {@code path} below the root; null when absent or blank.
     */
    @Nullable String text(String path) {
        String text = texts.get(path);
        return text == null || text.isBlank() ? null : text;
    }

    /** {@code value} as CDATA, splitting any {@code ]]>} it holds across two sections. */
    static String cdata(String value) {
        return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    private static void collect(Element element, String prefix, Map<String, String> into) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element nested) {
                String path = prefix + nested.getTagName();
                if (hasElementChildren(nested)) {
                    collect(nested, path + "/", into);
                }
                else {
                    into.putIfAbsent(path, nested.getTextContent());
                }
            }
        }
    }

    private static boolean hasElementChildren(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element) {
                return true;
            }
        }
        return false;
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        }
        catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser takes these features", e);
        }
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        return factory;
    }

}
