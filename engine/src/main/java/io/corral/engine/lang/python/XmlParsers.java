package io.corral.engine.lang.python;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.events.EntityDeclaration;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The XML parsing behind the guest's {@code pyexpat} ({@code pyexpat_shim.py}), which GraalPy ships
 * as a C extension that cannot load without native access: the JDK's own StAX parser, which never
 * reads anything but the bytes it is given (external DTDs are ignored, external entities are not
 * loaded and expand to nothing, anything else external resolves to nothing; the JDK's entity
 * expansion limits apply).
 *
 * <p>{@code parse(data, encoding, namespaces)} takes a whole document (bytes as a Latin-1 string;
 * {@code encoding} forces one, null detects it) and returns a parse whose {@code next()} answers
 * the next batch of events as JSON, in the shape {@code pyexpat_shim.py} dispatches to expat's
 * handlers; a batch ends early at an error, given as expat's error code with a line and column.
 * Each call does a bounded amount of work, so the execution's deadline is never held up for long.
 * Nothing here throws a Java exception into the guest: a bad argument is answered with null.
 */
final class XmlParsers implements ProxyObject {

    static final XmlParsers INSTANCE = new XmlParsers();

    /** At most this many events, or about this many characters of text, per {@code next()}. */
    private static final int BATCH_EVENTS = 2000;
    private static final int BATCH_CHARS = 1 << 20;
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern DOCTYPE = Pattern.compile(
            "<!DOCTYPE\\s+([^\\s\\[>]+)(?:\\s+(?:SYSTEM\\s+(\"[^\"]*\"|'[^']*')|PUBLIC\\s+(\"[^\"]*\"|'[^']*')\\s+(\"[^\"]*\"|'[^']*')))?\\s*(\\[)?",
            Pattern.DOTALL);

    private static final Pattern UNDEFINED_ENTITY = Pattern.compile("entity \"([^\"]+)\" was referenced");

    private final Map<String, ProxyExecutable> members = Map.of("parse", this::parse);

    private XmlParsers() {
    }

    private Object parse(Value... args) {
        if (args.length != 3 || !args[0].isString() || !(args[1].isNull() || args[1].isString()) || !args[2].isBoolean()) {
            return null;
        }
        byte[] data = args[0].asString().getBytes(StandardCharsets.ISO_8859_1);
        String encoding = args[1].isNull() ? null : args[1].asString();
        return new Parse(data, encoding, args[2].asBoolean());
    }

    private static XMLInputFactory factory(boolean namespaces) {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, namespaces);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        // internal DTD subsets declare entities expat expands; nothing outside the document is read
        f.setProperty(XMLInputFactory.SUPPORT_DTD, true);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty("http://java.sun.com/xml/stream/properties/ignore-external-dtd", Boolean.TRUE);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // and should anything external still be asked for, it is empty
        f.setXMLResolver((publicId, systemId, base, namespace) -> new ByteArrayInputStream(new byte[0]));
        return f;
    }

    /** One document being parsed; {@code next()} gives its events batch by batch. */
    static final class Parse implements ProxyObject {
        private final XMLStreamReader reader;
        private final boolean namespaces;
        private final Deque<Integer> namespaceCounts = new ArrayDeque<>();
        private String failure;
        private boolean started;
        private boolean done;

        Parse(byte[] data, String encoding, boolean namespaces) {
            this.namespaces = namespaces;
            XMLStreamReader r = null;
            try {
                XMLInputFactory f = factory(namespaces);
                r = encoding == null ? f.createXMLStreamReader(new ByteArrayInputStream(data))
                        : f.createXMLStreamReader(new ByteArrayInputStream(data), encoding);
            } catch (XMLStreamException | RuntimeException e) {
                failure = error(e, 1, 0);
            }
            reader = r;
        }

        @Override
        public Object getMember(String key) {
            return "next".equals(key) ? (ProxyExecutable) args -> next() : null;
        }

        @Override
        public Object getMemberKeys() {
            return new String[] {"next"};
        }

        @Override
        public boolean hasMember(String key) {
            return "next".equals(key);
        }

        @Override
        public void putMember(String key, Value value) {
            throw new UnsupportedOperationException("a parse is read-only");
        }

        /** The next batch of events as a JSON array; an empty array once the document is done. */
        private synchronized String next() {
            StringWriter text = new StringWriter();
            try (JsonGenerator out = JSON.createGenerator(text)) {
                out.writeStartArray();
                if (failure != null) {
                    out.writeRawValue(failure);
                    failure = null;
                    done = true;
                } else if (!done) {
                    batch(out);
                }
                out.writeEndArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return text.toString();
        }

        private void batch(JsonGenerator out) throws IOException {
            int events = 0;
            long chars = 0;
            try {
                if (!started) {
                    started = true;
                    if (reader.getVersion() != null) {
                        out.writeStartArray();
                        out.writeString("x");
                        out.writeString(reader.getVersion());
                        out.writeString(reader.getCharacterEncodingScheme());
                        out.writeNumber(reader.standaloneSet() ? (reader.isStandalone() ? 1 : 0) : -1);
                        out.writeEndArray();
                    }
                }
                while (events < BATCH_EVENTS && chars < BATCH_CHARS) {
                    if (!reader.hasNext()) {
                        done = true;
                        return;
                    }
                    int type = reader.next();
                    events++;
                    switch (type) {
                        case XMLStreamConstants.START_ELEMENT -> chars += startElement(out);
                        case XMLStreamConstants.END_ELEMENT -> endElement(out);
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
                            chars += reader.getTextLength();
                            event(out, "t", reader.getText());
                        }
                        case XMLStreamConstants.CDATA -> {
                            chars += reader.getTextLength();
                            event(out, "C", reader.getText());
                        }
                        case XMLStreamConstants.COMMENT -> {
                            chars += reader.getTextLength();
                            event(out, "c", reader.getText());
                        }
                        case XMLStreamConstants.PROCESSING_INSTRUCTION -> event(out, "p", reader.getPITarget(),
                                reader.getPIData() == null ? "" : reader.getPIData().strip());
                        case XMLStreamConstants.ENTITY_REFERENCE -> event(out, "r", reader.getLocalName());
                        case XMLStreamConstants.DTD -> doctype(out);
                        case XMLStreamConstants.END_DOCUMENT -> done = true;
                        default -> {
                        }
                    }
                    if (done) {
                        return;
                    }
                }
            } catch (XMLStreamException | RuntimeException e) {
                Location at = reader.getLocation();
                out.writeRawValue(error(e, at == null ? 1 : at.getLineNumber(), at == null ? 0 : at.getColumnNumber()));
                done = true;
            }
        }

        private long startElement(JsonGenerator out) throws IOException {
            long chars = 0;
            int declared = namespaces ? reader.getNamespaceCount() : 0;
            for (int i = 0; i < declared; i++) {
                event(out, "n", reader.getNamespacePrefix(i), reader.getNamespaceURI(i));
            }
            namespaceCounts.push(declared);
            out.writeStartArray();
            out.writeString("s");
            out.writeString(name(reader.getNamespaceURI(), reader.getLocalName(), reader.getPrefix()));
            out.writeStartArray();
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                out.writeString(name(reader.getAttributeNamespace(i), reader.getAttributeLocalName(i),
                        reader.getAttributePrefix(i)));
                String value = reader.getAttributeValue(i);
                chars += value.length();
                out.writeString(value);
                out.writeBoolean(reader.isAttributeSpecified(i));
            }
            out.writeEndArray();
            location(out);
            out.writeEndArray();
            return chars;
        }

        private void endElement(JsonGenerator out) throws IOException {
            out.writeStartArray();
            out.writeString("e");
            out.writeString(name(reader.getNamespaceURI(), reader.getLocalName(), reader.getPrefix()));
            location(out);
            out.writeEndArray();
            int declared = namespaceCounts.isEmpty() ? 0 : namespaceCounts.pop();
            for (int i = 0; i < declared; i++) {
                event(out, "N", reader.getNamespacePrefix(i));
            }
        }

        private String name(String uri, String local, String prefix) {
            if (!namespaces) {
                return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
            }
            // uri, local name and prefix, separated by NUL: the shim joins them with the parser's separator
            return (uri == null ? "" : uri) + '\0' + local + '\0' + (prefix == null ? "" : prefix);
        }

        private void location(JsonGenerator out) throws IOException {
            Location at = reader.getLocation();
            out.writeNumber(at == null ? 1 : at.getLineNumber());
            out.writeNumber(at == null ? 0 : Math.max(0, at.getColumnNumber() - 1));
        }

        private void doctype(JsonGenerator out) throws IOException {
            Matcher m = DOCTYPE.matcher(reader.getText());
            String name = m.lookingAt() ? m.group(1) : null;
            String system = m.lookingAt() ? unquote(m.group(2) != null ? m.group(2) : m.group(4)) : null;
            String publicId = m.lookingAt() ? unquote(m.group(3)) : null;
            event(out, "d", name, system, publicId, m.lookingAt() && m.group(5) != null ? "1" : "0");
            Object entities = reader.getProperty("javax.xml.stream.entities");
            if (entities instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof EntityDeclaration e) {
                        event(out, "E", e.getName(), e.getReplacementText(), e.getSystemId(), e.getPublicId(),
                                e.getNotationName());
                    }
                }
            }
            event(out, "D");
        }

        private static String unquote(String quoted) {
            return quoted == null ? null : quoted.substring(1, quoted.length() - 1);
        }

        private static void event(JsonGenerator out, String kind, String... fields) throws IOException {
            out.writeStartArray();
            out.writeString(kind);
            for (String f : fields) {
                out.writeString(f);
            }
            out.writeEndArray();
        }

        /** ["!", expat error code, line, column]: the code from what the JDK's parser reported. */
        private String error(Exception e, int line, int column) {
            // the JDK counts columns from 1, just after what it read last; expat from 0, at the start of
            // what it could not parse (for an undefined entity: its '&')
            String message = String.valueOf(e.getMessage());
            int code = expatCode(message);
            int at = column - 1;
            Matcher entity = UNDEFINED_ENTITY.matcher(message);
            if (code == 11 && entity.find()) {
                at -= entity.group(1).length() + 2;
            }
            return "[\"!\"," + code + "," + Math.max(1, line) + "," + Math.max(0, at) + "]";
        }

        /** expat's XML_Error for the JDK parser's (English) message; 4, "not well-formed", when unsure. */
        static int expatCode(String m) {
            if (m.contains("must be terminated by the matching end-tag")) {
                return 7;
            }
            if (m.contains("must start and end within the same entity") || m.contains("Premature end of file")) {
                return 3;
            }
            if (m.contains("was referenced, but not declared")) {
                return 11;
            }
            if (m.contains("was already specified")) {
                return 8;
            }
            if (m.contains("following the root element")) {
                return 9;
            }
            if (m.contains("Content is not allowed in prolog")) {
                return 2;
            }
            if (m.contains("is not bound")) {
                return 27;
            }
            if (m.contains("recursive")) {
                return 12;
            }
            if (m.contains("character reference")) {
                return 14;
            }
            if (m.contains("CDATA")) {
                return 20;
            }
            if (m.contains("matching \"[xX][mM][lL]\"")) {
                return 17;
            }
            return 4;
        }
    }

    @Override
    public Object getMember(String key) {
        return members.get(key);
    }

    @Override
    public Object getMemberKeys() {
        return members.keySet().toArray(new String[0]);
    }

    @Override
    public boolean hasMember(String key) {
        return members.containsKey(key);
    }

    @Override
    public void putMember(String key, Value value) {
        throw new UnsupportedOperationException("the XML parser is read-only");
    }
}
