package org.hotline8890.open311;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A response body in the standard's two shapes. The same tree of fields becomes JSON (objects and
 * arrays) or XML, where a repeated element needs a name of its own: {@code <services><service>}.
 */
final class Open311Body {

    /** Characters XML 1.0 cannot carry at all; a citizen's text may hold them. */
    private static final Pattern NOT_XML = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

    private Open311Body() {
    }

    /** A list whose XML elements are each called {@code element}. */
    record Repeated(String element, List<?> items) {
    }

    /** Ordered fields; null values are kept, as the standard shows empty fields. */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    static String json(ObjectMapper mapper, Object body) {
        try {
            return mapper.writeValueAsString(plain(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an Open311 body is plain fields and lists", e);
        }
    }

    static String xml(String root, Object body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            write(xml, root, body);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("an Open311 body cannot be written as XML", e);
        }
        return out.toString();
    }

    private static Object plain(Object value) {
        if (value instanceof Repeated repeated) {
            return repeated.items().stream().map(Open311Body::plain).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, plain(v)));
            return copy;
        }
        return value;
    }

    private static void write(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        if (value == null) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        if (value instanceof Repeated repeated) {
            for (Object item : repeated.items()) {
                write(xml, repeated.element(), item);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> field : map.entrySet()) {
                write(xml, (String) field.getKey(), field.getValue());
            }
        } else {
            xml.writeCharacters(NOT_XML.matcher(String.valueOf(value)).replaceAll(""));
        }
        xml.writeEndElement();
    }
}
