package io.slideo.runtime.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "slideo.blob")
public interface BlobConfig {
    /** Directory of the local blob store, shared by every service of one deployment. */
    @WithDefault(".slideo/blobs")
    String directory();
}
