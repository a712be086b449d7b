package io.slideo.document.config;

import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "slideo.documents")
public interface DocumentConfig {
    /** Largest upload accepted, in bytes (100 MiB). */
    @WithDefault("104857600")
    long maxUploadBytes();

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
}
