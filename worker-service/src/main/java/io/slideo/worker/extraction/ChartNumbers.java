package io.slideo.worker.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;

import io.slideo.model.document.BlockKind;

/**
 * A chart's numbers as its axis and labels show them. Tika writes the values cached in an Office
 * chart (xlsx, pptx, docx) as stored ("0.60000000000000009", "5.0"); the cache names their display
 * format ("0%", "#,##0.0"), which POI's {@link DataFormatter} applies: "60%", "5".
 */
final class ChartNumbers {
    private static final Pattern CHART_PART = Pattern.compile("(xl|ppt|word)/charts/chart\\d+\\.xml");
    // Only numbers written as doubles are a cache's: a whole "1" in prose must not become "100%".
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])-?\\d+(\\.\\d+(E-?\\d+)?|E-?\\d+)(?![\\d.])");
    private static final int MAX_VALUES = 100_000;

    private ChartNumbers() {
    }

    /** Each cached value's stored text mapped to its displayed text; empty when the file has no charts. */
    static Map<String, String> shown(Path ooxml) {
        Map<String, String> shown = new HashMap<>();
        try (ZipFile zip = new ZipFile(ooxml.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements() && shown.size() < MAX_VALUES) {
                ZipEntry entry = entries.nextElement();
                if (CHART_PART.matcher(entry.getName()).matches()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        readCache(in, shown);
                    }
                }
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            // no formats is better than no document: the numbers are tidied without them
        }
        return shown;
    }

    private static void readCache(InputStream in, Map<String, String> shown) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false); // no entity expansion
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader xml = factory.createXMLStreamReader(in);
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        boolean inNumbers = false;
        String format = "General";
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "numCache", "numLit" -> {
                        inNumbers = true;
                        format = "General";
                    }
                    case "formatCode" -> format = inNumbers ? xml.getElementText() : format;
                    case "v" -> {
                        if (inNumbers) {
                            put(xml.getElementText().strip(), format, formatter, shown);
                        }
                    }
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT
                    && ("numCache".equals(xml.getLocalName()) || "numLit".equals(xml.getLocalName()))) {
                inNumbers = false;
            }
        }
    }

    private static void put(String stored, String format, DataFormatter formatter, Map<String, String> shown) {
        try {
            double value = Double.parseDouble(stored);
            String displayed = formatter.formatRawCellContents(value, BuiltinFormats.getBuiltinFormat(format), format);
            shown.putIfAbsent(stored, displayed);
            shown.putIfAbsent(Double.toString(value), displayed); // the form a parser prints a double in
        } catch (NumberFormatException e) {
            // a label, not a number
        }
    }

    /** Paragraph text with each cached chart value written as the chart shows it. */
    static List<DocumentPart> apply(List<DocumentPart> parts, Map<String, String> shown) {
        if (shown.isEmpty()) {
            return parts;
        }
        List<DocumentPart> result = new ArrayList<>(parts.size());
        for (DocumentPart part : parts) {
            if (part instanceof DocumentPart.Content c && c.kind() == BlockKind.PARAGRAPH) {
                Matcher number = NUMBER.matcher(c.rawText());
                String text = number.replaceAll(m -> Matcher.quoteReplacement(shown.getOrDefault(m.group(), m.group())));
                result.add(new DocumentPart.Content(c.kind(), text, c.page(), c.items(), c.rows()));
            } else {
                result.add(part);
            }
        }
        return result;
    }
}
