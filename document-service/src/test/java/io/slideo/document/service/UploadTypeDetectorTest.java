package io.slideo.document.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.slideo.document.api.PasswordProtectedOffice;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.testing.RepositoryPaths;

/** Upload-time type detection: right for real documents, bounded for hostile ZIPs. */
class UploadTypeDetectorTest {
    private static final String OOXML = "application/vnd.openxmlformats-officedocument.";
    private static final long MAX_ENTRIES = 20_000;
    private static final long MAX_UNPACKED = 256L << 20;
    private static final String DOCX_CONTENT_TYPES = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
            + "package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"" + OOXML
            + "wordprocessingml.document.main+xml\"/></Types>";

    private final UploadTypeDetector detector = new UploadTypeDetector(MAX_ENTRIES, MAX_UNPACKED);

    @ParameterizedTest
    @CsvSource({
            "article-heading-levels.docx, " + OOXML + "wordprocessingml.document",
            "un-report-arabic-rtl.docx, " + OOXML + "wordprocessingml.document",
            "lecture-ecodesign-german.pptx, " + OOXML + "presentationml.presentation",
            "talk-apache-performance-tuning.pptx, " + OOXML + "presentationml.presentation",
            "workbook-kyc-file-structure.xlsx, " + OOXML + "spreadsheetml.sheet",
            "sheet-monthly-data-chart.xlsx, " + OOXML + "spreadsheetml.sheet",
            "manual-koha-french.odt, application/vnd.oasis.opendocument.text",
            "lecture-sociology-health.odp, application/vnd.oasis.opendocument.presentation",
            "novel-the-inheritors.epub, application/epub+zip",
            "guidance-parental-involvement.doc, application/msword",
            "talk-counter-code-of-practice.ppt, application/vnd.ms-powerpoint",
            "paper-tracemonkey.pdf, application/pdf",
            "sample-lists-table-footnotes.rtf, application/rtf",
            "webpage-vacation-rental.html, application/xhtml+xml",
            "webpage-russian-realty-cp1251.html, text/html",
            "image-text-for-ocr.png, image/png",
            "hostile/recursive-zip-droste.zip, application/zip",
            "hostile/lying-extension-exe.pdf, application/x-msdownload" })
    void documentsAreTypedFromTheirBytes(String file, String type) throws IOException {
        assertEquals(type, detector.detect(RepositoryPaths.corpusFile(file)));
    }

    @Test
    void aPasswordProtectedWordFileIsTypedAsAnEncryptedOfficePackage() throws Exception {
        File encrypted = PasswordProtectedOffice.wordFile("Nobody may read this", "secret");
        try {
            assertEquals(UploadTypeDetector.ENCRYPTED_OOXML, detector.detect(encrypted.toPath()));
        } finally {
            encrypted.delete();
        }
    }

    @Test
    void aZipWithAHundredThousandEntriesIsRefusedBeforeItsDirectoryIsRead(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("many.docx");
        try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip)))) {
            docxParts(out);
            for (int i = 0; i < 100_000; i++) {
                ZipEntry empty = new ZipEntry("word/media/part" + i + ".xml");
                empty.setMethod(ZipEntry.STORED);
                empty.setSize(0);
                empty.setCrc(0);
                out.putNextEntry(empty);
                out.closeEntry();
            }
        }
        SlideoException refused = refusedWithinBounds(zip, "100,000 entries");
        assertEquals(ErrorCode.TOO_LARGE, refused.code());
        assertTrue(refused.getMessage().contains("100002 files"), refused.getMessage());
    }

    @Test
    void aDecompressionBombIsRefusedWithoutInflatingIt(@TempDir Path dir) throws IOException {
        Path bomb = dir.resolve("bomb.docx");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            out.putNextEntry(new ZipEntry("[Content_Types].xml"));
            out.write(DOCX_CONTENT_TYPES.getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 320; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        System.out.printf("generated bomb: %d bytes packed, 320 MiB unpacked%n", Files.size(bomb));
        assertEquals(ErrorCode.TOO_LARGE, refusedWithinBounds(bomb, "a 320 MiB bomb").code());
        assertEquals(ErrorCode.TOO_LARGE, refusedWithinBounds(RepositoryPaths.corpusFile("hostile/decompression-bomb.docx"),
                "the corpus's 600 MiB bomb").code());
    }

    @Test
    void agreesWithTikasWholeFileDetectionOnEveryDocumentOfTheCorpus() throws IOException {
        Detector tika = TikaConfig.getDefaultConfig().getDetector();
        List<String> files = Files.readAllLines(RepositoryPaths.corpusFile("MANIFEST.tsv")).stream().skip(1)
                .map(line -> line.split("\t")[0]).filter(name -> !name.startsWith("hostile/")).toList();
        assertTrue(files.size() > 20, files.toString());
        for (String name : files) {
            Path file = RepositoryPaths.corpusFile(name);
            try (TikaInputStream in = TikaInputStream.get(file)) {
                assertEquals(tika.detect(in, new Metadata()).getBaseType().toString(), detector.detect(file), name);
            }
        }
    }

    @Test
    void aZipWithoutItsDirectoryIsRefusedAsDamaged() {
        SlideoException refused = assertThrows(SlideoException.class,
                () -> detector.detect(RepositoryPaths.corpusFile("hostile/truncated-zip.docx")));
        assertEquals(ErrorCode.CORRUPT, refused.code());
    }

    @Test
    void aZip64SizeNearTheLargestNumberIsRefusedAsTooLargeNotAddedUpPastIt(@TempDir Path dir) throws IOException {
        Path zip = new HandMadeZip(DOCX_CONTENT_TYPES).with(HandMadeZip.Entry.stored("[Content_Types].xml", 300))
                .with(new HandMadeZip.Entry("word/document.xml", Long.MAX_VALUE - 10, 0,
                        HandMadeZip.zip64Extra(Long.MAX_VALUE - 10, Long.MAX_VALUE - 10)))
                .writeTo(dir.resolve("huge.docx"));
        assertEquals(ErrorCode.TOO_LARGE, assertThrows(SlideoException.class, () -> detector.detect(zip)).code());
    }

    @Test
    void aDirectoryHoldingMoreFilesThanItsEndRecordCountsIsRefusedAsDamaged(@TempDir Path dir) throws IOException {
        Path zip = new HandMadeZip(DOCX_CONTENT_TYPES).with(HandMadeZip.Entry.stored("[Content_Types].xml", 300))
                .with(HandMadeZip.Entry.stored("word/document.xml", 200L << 20))
                .with(HandMadeZip.Entry.stored("word/media/bomb.bin", 200L << 20)).countingOnly(1)
                .writeTo(dir.resolve("lying-count.docx"));
        SlideoException refused = assertThrows(SlideoException.class, () -> detector.detect(zip));
        assertEquals(ErrorCode.CORRUPT, refused.code(), refused.getMessage());
    }

    @Test
    void aZip64ExtraFieldRunningPastItsEntryIsRefusedAsDamagedNotAnInternalError(@TempDir Path dir) throws IOException {
        byte[] claimsMore = HandMadeZip.zip64Extra(10);
        claimsMore[2] = 24; // says 24 bytes follow; 8 do, and the directory ends there
        Path zip = new HandMadeZip(DOCX_CONTENT_TYPES).with(HandMadeZip.Entry.stored("[Content_Types].xml", 300))
                .with(new HandMadeZip.Entry("word/document.xml", Long.MAX_VALUE, Long.MAX_VALUE, claimsMore))
                .writeTo(dir.resolve("short-extra.docx"));
        SlideoException refused = assertThrows(SlideoException.class, () -> detector.detect(zip));
        assertEquals(ErrorCode.CORRUPT, refused.code(), refused.getMessage());
    }

    @Test
    void anEntryWhoseDataStartsAtANegativeOffsetIsNotReadAndTheZipIsStillTyped(@TempDir Path dir) throws IOException {
        Path zip = new HandMadeZip("hello").with(HandMadeZip.Entry.stored("notes.txt", 5))
                .with(new HandMadeZip.Entry("mimetype", 20, -5, HandMadeZip.zip64Extra(-5L)))
                .writeTo(dir.resolve("negative-offset.zip"));
        assertEquals("application/zip", detector.detect(zip));
    }

    @Test
    void aSmallPackageWithItsPartsIsStillADocument(@TempDir Path dir) throws IOException {
        Path docx = dir.resolve("small.docx");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(docx))) {
            docxParts(out);
        }
        assertEquals(OOXML + "wordprocessingml.document", detector.detect(docx));
    }

    private static void docxParts(ZipOutputStream out) throws IOException {
        out.putNextEntry(new ZipEntry("[Content_Types].xml"));
        out.write(DOCX_CONTENT_TYPES.getBytes(StandardCharsets.UTF_8));
        out.putNextEntry(new ZipEntry("word/document.xml"));
        out.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"
                .getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    /** Detection refuses the file within 1 s, allocating under 1 MiB; prints what it took. */
    private SlideoException refusedWithinBounds(Path file, String what) throws IOException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long started = System.nanoTime();
        SlideoException refused = assertThrows(SlideoException.class, () -> detector.detect(file));
        long millis = (System.nanoTime() - started) / 1_000_000;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("%s (%d bytes on disk): refused in %d ms, %d bytes allocated, heap used %d MiB: %s%n", what,
                Files.size(file), millis, allocated, (runtime.totalMemory() - runtime.freeMemory()) >> 20,
                refused.getMessage());
        assertTrue(millis < 1000, what + " took " + millis + " ms");
        assertTrue(allocated < 1 << 20, what + " allocated " + allocated + " bytes");
        return refused;
    }
}
