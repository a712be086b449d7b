package io.slideo.worker.extraction;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;

/**
 * The Tika set-up Slideo parses with. Text recognition (OCR) goes through Tesseract when it is
 * installed and OCR is on: images are recognised, and PDF pages without a text layer are rendered
 * and recognised (Tika's AUTO strategy).
 */
public final class Parsers {
    private static volatile Boolean tesseract;

    private Parsers() {
    }

    public static Parser standard() {
        return new AutoDetectParser();
    }

    public static ParseContext context(boolean ocr) {
        ParseContext context = new ParseContext();
        TesseractOCRConfig recognition = new TesseractOCRConfig();
        recognition.setSkipOcr(!ocr);
        context.set(TesseractOCRConfig.class, recognition);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(ocr ? PDFParserConfig.OCR_STRATEGY.AUTO : PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        return context;
    }

    /** Whether the {@code tesseract} program runs on this machine (checked once). */
    public static boolean tesseractInstalled() {
        Boolean known = tesseract;
        if (known == null) {
            known = runs("tesseract", "--version");
            tesseract = known;
        }
        return known;
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
