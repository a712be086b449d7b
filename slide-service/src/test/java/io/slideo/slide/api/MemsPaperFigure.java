package io.slideo.slide.api;

import java.io.InputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import io.slideo.testing.RepositoryPaths;

/** The MEMS microrobots paper's first figure (page 2, 692×490), as the worker stores it: the JPEG's own bytes. */
final class MemsPaperFigure {
    private MemsPaperFigure() {
    }

    static byte[] jpeg() throws Exception {
        try (PDDocument paper = Loader.loadPDF(RepositoryPaths.corpusFile("paper-mems-microrobots.pdf").toFile())) {
            PDResources resources = paper.getPage(1).getResources();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject image && image.getWidth() == 692) {
                    try (InputStream in = image.getCOSObject().createRawInputStream()) {
                        return in.readAllBytes();
                    }
                }
            }
        }
        throw new IllegalStateException("the paper's first figure is gone");
    }
}
