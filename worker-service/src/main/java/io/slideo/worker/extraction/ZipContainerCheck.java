package io.slideo.worker.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Refuses ZIP-based files (DOCX, PPTX, XLSX, ODF, EPUB) whose entries unpack to more than the limit
 * before any parser inflates them: a few hundred KiB can hold gigabytes of XML.
 */
final class ZipContainerCheck {
    private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };

    private ZipContainerCheck() {
    }

    static void check(Path file, long maxUnpackedBytes) throws ExtractionFailure {
        if (!isZip(file)) {
            return;
        }
        long total = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                long size = entries.nextElement().getSize();
                total += Math.max(size, 0);
                if (total > maxUnpackedBytes) {
                    throw ExtractionFailure.unpacksTooLarge(maxUnpackedBytes);
                }
            }
        } catch (IOException e) {
            // An unreadable directory is the parser's to report (as a damaged file).
        }
    }

    private static boolean isZip(Path file) {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(head, 0, 4) == 4 && java.util.Arrays.equals(head, ZIP_MAGIC);
        } catch (IOException e) {
            return false;
        }
    }
}
