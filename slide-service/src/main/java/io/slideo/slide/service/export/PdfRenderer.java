package io.slideo.slide.service.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import io.slideo.design.Fonts;

/**
 * The PDF export: the HTML export's own markup drawn by openhtmltopdf, one page of 960 x 540 pt per
 * slide, with Slideo's fonts embedded (subset) from the same files the quality gate measured with.
 * Blocking.
 */
public final class PdfRenderer {

    private PdfRenderer() {
    }

    public static byte[] render(Composition deck) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        for (String face : HtmlRenderer.faces(deck)) {
            String[] parts = face.split("\\|");
            boolean bold = Boolean.parseBoolean(parts[1]);
            String family = Fonts.family(parts[0]);
            builder.useFont(() -> new ByteArrayInputStream(Fonts.bytes(family, bold)), HtmlRenderer.cssFamily(family),
                    bold ? 700 : 400, FontStyle.NORMAL, true);
        }
        // Nothing outside the document is ever fetched: the markup references nothing, and this makes sure.
        builder.useUriResolver((base, uri) -> null);
        builder.withHtmlContent(HtmlRenderer.print(deck), null);
        builder.withProducer("Slideo");
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
