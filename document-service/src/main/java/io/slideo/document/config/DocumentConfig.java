package io.slideo.document.config;

import java.time.Duration;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "slideo.documents")
public interface DocumentConfig {
    /** Largest upload accepted, in bytes (100 MiB). */
    @WithDefault("104857600")
    long maxUploadBytes();

    /**
     * Most bytes the entries of a ZIP-based upload (DOCX, PPTX, ODT, EPUB...) may claim to unpack to, as
     * its directory says; more is refused at upload as a likely decompression bomb (the workers' own
     * limit, slideo.worker.extraction.max-unpacked-bytes, has the same default: 256 MiB).
     */
    @WithDefault("268435456")
    long maxUnpackedBytes();

    /** Most entries a ZIP-based upload may hold (a 500-slide deck with its media has a few thousand). */
    @WithDefault("20000")
    long maxZipEntries();

    /** Most documents one list call returns. */
    @WithDefault("200")
    int listLimit();

    /** Media types accepted, as detected from the bytes (never from the file name). */
    @WithDefault("application/pdf,"
            + "application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/msword,"
            + "application/vnd.openxmlformats-officedocument.presentationml.presentation,application/vnd.ms-powerpoint,"
            + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,"
            + "application/vnd.oasis.opendocument.text,application/vnd.oasis.opendocument.presentation,"
            + "application/vnd.oasis.opendocument.spreadsheet,application/rtf,application/epub+zip,"
            + "text/html,application/xhtml+xml,text/plain,text/markdown,text/x-web-markdown,text/csv,"
            + "image/png,image/jpeg,image/tiff")
    Set<String> allowedTypes();

    /** What one user may keep and have read; every instance counts from PostgreSQL, so all agree. */
    Quota quota();

    interface Quota {
        /** Bytes of uploads one user may store (2 GiB: twenty of the largest uploads, hundreds of reports). */
        @WithDefault("2147483648")
        long storageBytes();

        /** Documents one user may keep (500: a working library; beyond it, list and pick get unwieldy). */
        @WithDefault("500")
        int documents();

        /** Worker time spent reading one user's documents per clock hour (half of one worker: others get the rest). */
        @WithDefault("PT30M")
        Duration parseTimePerHour();
    }
}
