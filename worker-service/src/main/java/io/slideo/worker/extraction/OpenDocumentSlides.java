package io.slideo.worker.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Counts the slides of an OpenDocument presentation ({@code draw:page} elements of content.xml),
 * which Tika's text does not mark. The ZIP was already checked against decompression bombs.
 */
final class OpenDocumentSlides {
    private static final String DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";

    private OpenDocumentSlides() {
    }

    static int count(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry content = zip.getEntry("content.xml");
            if (content == null) {
                return 0;
            }
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false); // no entity expansion
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            try (InputStream in = zip.getInputStream(content)) {
                XMLStreamReader xml = factory.createXMLStreamReader(in);
                int slides = 0;
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && "page".equals(xml.getLocalName())
                            && DRAW.equals(xml.getNamespaceURI())) {
                        slides++;
                    }
                }
                return slides;
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            return 0;
        }
    }
}
