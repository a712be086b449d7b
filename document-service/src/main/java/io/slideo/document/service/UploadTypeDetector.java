package io.slideo.document.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;

import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;

/**
 * An upload's media type from its bytes alone (never its name), within fixed bounds, at upload time
 * in this service's heap. Magic is read from the first {@value #PREFIX_BYTES} bytes only. A ZIP
 * (OOXML, OpenDocument, EPUB) is typed from its central directory: its entry names, the first bytes
 * of {@code mimetype} and of {@code [Content_Types].xml}; nothing else is inflated, and a directory
 * with too many entries, or whose entries claim to unpack to more than the workers would read, is
 * refused before it is read. An OLE2 file (legacy Office; an encrypted OOXML package, which is one)
 * is left to Tika's container detector, which reads the OLE directory.
 */
public final class UploadTypeDetector {
    static final int PREFIX_BYTES = 64 * 1024;
    static final String ENCRYPTED_OOXML = "application/x-tika-ooxml-protected";
    private static final int CONTENT_TYPES_BYTES = 512 * 1024;
    private static final long DIRECTORY_BYTES_PER_ENTRY = 512;
    private static final byte[] ZIP = { 'P', 'K', 3, 4 };
    private static final byte[] EMPTY_ZIP = { 'P', 'K', 5, 6 };
    private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1 };
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9.+-]+/[a-z0-9.+-]+");
    private static final String OOXML = "application/vnd.openxmlformats-officedocument.";
    /** The main part's content type, as [Content_Types].xml names it, and the package's media type (Tika's names). */
    private static final List<Map.Entry<String, String>> MAIN_PARTS = List.of(
            Map.entry(OOXML + "wordprocessingml.document.main+xml", OOXML + "wordprocessingml.document"),
            Map.entry(OOXML + "wordprocessingml.template.main+xml", OOXML + "wordprocessingml.template"),
            Map.entry("application/vnd.ms-word.document.macroenabled.main+xml",
                    "application/vnd.ms-word.document.macroenabled.12"),
            Map.entry("application/vnd.ms-word.template.macroenabledtemplate.main+xml",
                    "application/vnd.ms-word.template.macroenabled.12"),
            Map.entry(OOXML + "presentationml.presentation.main+xml", OOXML + "presentationml.presentation"),
            Map.entry(OOXML + "presentationml.slideshow.main+xml", OOXML + "presentationml.slideshow"),
            Map.entry(OOXML + "presentationml.template.main+xml", OOXML + "presentationml.template"),
            Map.entry("application/vnd.ms-powerpoint.presentation.macroenabled.main+xml",
                    "application/vnd.ms-powerpoint.presentation.macroenabled.12"),
            Map.entry("application/vnd.ms-powerpoint.slideshow.macroenabled.main+xml",
                    "application/vnd.ms-powerpoint.slideshow.macroenabled.12"),
            Map.entry(OOXML + "spreadsheetml.sheet.main+xml", OOXML + "spreadsheetml.sheet"),
            Map.entry(OOXML + "spreadsheetml.template.main+xml", OOXML + "spreadsheetml.template"),
            Map.entry("application/vnd.ms-excel.sheet.macroenabled.main+xml",
                    "application/vnd.ms-excel.sheet.macroenabled.12"),
            Map.entry("application/vnd.ms-excel.sheet.binary.macroenabled.main",
                    "application/vnd.ms-excel.sheet.binary.macroenabled.12"));
    /** When [Content_Types].xml names no main part we know: the part each kind of package starts from. */
    private static final List<Map.Entry<String, String>> MAIN_PART_NAMES = List.of(
            Map.entry("word/document.xml", OOXML + "wordprocessingml.document"),
            Map.entry("ppt/presentation.xml", OOXML + "presentationml.presentation"),
            Map.entry("xl/workbook.xml", OOXML + "spreadsheetml.sheet"));

    private final Detector tika = TikaConfig.getDefaultConfig().getDetector();
    private final ZipDirectory.Limits limits;

    /** At most {@code maxZipEntries} entries, declared to unpack to at most {@code maxUnpackedBytes} in all. */
    public UploadTypeDetector(long maxZipEntries, long maxUnpackedBytes) {
        this.limits = new ZipDirectory.Limits(maxZipEntries, maxZipEntries * DIRECTORY_BYTES_PER_ENTRY, maxUnpackedBytes);
    }

    /** The base media type; a ZIP refused unread fails with TOO_LARGE, or CORRUPT when it is not a readable ZIP. */
    public String detect(Path upload) throws IOException {
        byte[] prefix;
        try (InputStream in = Files.newInputStream(upload)) {
            prefix = in.readNBytes(PREFIX_BYTES);
        }
        if (startsWith(prefix, ZIP) || startsWith(prefix, EMPTY_ZIP)) {
            return zipType(upload);
        }
        // The OLE2 directory (which streams the file holds) is needed to tell Word from an encrypted DOCX.
        try (TikaInputStream in = startsWith(prefix, OLE2) ? TikaInputStream.get(upload) : TikaInputStream.get(prefix)) {
            return tika.detect(in, new Metadata()).getBaseType().toString();
        }
    }

    private String zipType(Path upload) throws IOException {
        try (FileChannel file = FileChannel.open(upload, StandardOpenOption.READ)) {
            ZipDirectory zip = ZipDirectory.read(file, limits);
            if (zip.contains("[Content_Types].xml")) {
                return ooxmlType(zip);
            }
            byte[] mimetype = zip.head("mimetype", 128);
            if (mimetype != null) {
                String declared = new String(mimetype, StandardCharsets.US_ASCII).strip().toLowerCase(Locale.ROOT);
                if (MEDIA_TYPE.matcher(declared).matches()) {
                    return declared;
                }
            }
            return "application/zip";
        } catch (ZipDirectory.Refused refused) {
            if (refused.tooLarge) {
                throw new SlideoException(ErrorCode.TOO_LARGE, "The file is too large to unpack safely: "
                        + refused.getMessage());
            }
            throw new SlideoException(ErrorCode.CORRUPT, "The file is damaged: " + refused.getMessage());
        }
    }

    private static String ooxmlType(ZipDirectory zip) throws IOException {
        byte[] head = zip.head("[Content_Types].xml", CONTENT_TYPES_BYTES);
        String contentTypes = head == null ? "" : new String(head, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> main : MAIN_PARTS) {
            if (contentTypes.contains(main.getKey())) {
                return main.getValue();
            }
        }
        for (Map.Entry<String, String> part : MAIN_PART_NAMES) {
            if (zip.contains(part.getKey())) {
                return part.getValue();
            }
        }
        return "application/x-tika-ooxml";
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }
}
