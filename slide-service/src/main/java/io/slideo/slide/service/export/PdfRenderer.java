package io.slideo.slide.service.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

import io.slideo.design.FallbackFont;
import io.slideo.design.Fonts;

/**
 * The PDF export: the HTML export's own markup drawn by openhtmltopdf, one page of 960 x 540 pt per
 * slide, with Slideo's fonts and the fallback fonts the deck uses (CJK, Arabic, math ...) embedded as
 * subsets, and right-to-left slides split, reordered and shaped with ICU. Blocking.
 */
public final class PdfRenderer {

    private PdfRenderer() {
    }

    public static byte[] render(Composition deck) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useSVGDrawer(new BatikSVGDrawer()); // the charts' marks; their words are HTML text
        for (String face : HtmlRenderer.faces(deck)) {
            String[] parts = face.split("\\|");
            boolean bold = Boolean.parseBoolean(parts[1]);
            String family = Fonts.family(parts[0]);
            builder.useFont(() -> new ByteArrayInputStream(Fonts.bytes(family, bold)), HtmlRenderer.cssFamily(family),
                    bold ? 700 : 400, FontStyle.NORMAL, true);
        }
        DeckFonts fallbacks = DeckFonts.of(deck);
        for (FallbackFont font : fallbacks.fonts()) {
            byte[] subset = fallbacks.subset(font);
            // Registered at both weights: the fallback fonts have one face, and bold text must not lose it.
            for (int weight : new int[] { 400, 700 }) {
                builder.useFont(() -> new ByteArrayInputStream(subset), font.cssFamily(), weight, FontStyle.NORMAL, true);
            }
        }
        IcuBidi bidi = new IcuBidi();
        builder.useUnicodeBidiSplitter(bidi);
        builder.useUnicodeBidiReorderer(bidi);
        builder.defaultTextDirection(TextDirection.LTR);
        // Nothing outside the document is ever fetched: the markup references only the figures it carries
        // itself (data: URIs), and this makes sure.
        builder.useUriResolver((base, uri) -> uri != null && uri.startsWith("data:image/") ? uri : null);
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
