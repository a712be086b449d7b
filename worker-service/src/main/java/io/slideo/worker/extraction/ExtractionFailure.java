package io.slideo.worker.extraction;

import java.util.zip.ZipException;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.ZeroByteFileException;

import io.slideo.model.error.ErrorCode;

/**
 * Why a document could not be read, as a stable code and a message that tells the user what to do.
 * {@link #of(Throwable)} maps what parsers throw onto those codes.
 */
public final class ExtractionFailure extends Exception {
    private final ErrorCode code;

    public ExtractionFailure(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ExtractionFailure(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    static ExtractionFailure empty() {
        return new ExtractionFailure(ErrorCode.EMPTY,
                "The file is empty: it has no text to make slides from. Check that you picked the right file and upload it again.");
    }

    static ExtractionFailure noText() {
        return new ExtractionFailure(ErrorCode.EMPTY,
                "The document contains no text to make slides from. Add some text, or upload another document.");
    }

    /** A picture or scanned page with no text: why recognition did not help, and what to do. */
    static ExtractionFailure scanned(String mediaType, boolean ocrOn, boolean tesseractInstalled) {
        String what = "The " + describe(mediaType) + " has no text layer (it looks scanned or is a picture)";
        if (!ocrOn) {
            return new ExtractionFailure(ErrorCode.OCR_UNAVAILABLE, what + " and text recognition (OCR) is turned off"
                    + " on this server (slideo.worker.extraction.ocr). Upload a version with selectable text, or ask"
                    + " the administrator to turn OCR on.");
        }
        if (!tesseractInstalled) {
            return new ExtractionFailure(ErrorCode.OCR_UNAVAILABLE, what + " and text recognition needs Tesseract,"
                    + " which is not installed on the server: install the tesseract-ocr package (for example"
                    + " 'apt-get install tesseract-ocr') and upload again, or upload a version with selectable text.");
        }
        return new ExtractionFailure(ErrorCode.EMPTY, what + " and text recognition found no text in it."
                + " Upload a sharper scan or a version with selectable text.");
    }

    static ExtractionFailure unsupported(String mediaType) {
        return new ExtractionFailure(ErrorCode.UNSUPPORTED_TYPE, "The file's content is " + mediaType
                + ", which Slideo cannot read. Upload a PDF, Office, OpenDocument, RTF, EPUB, HTML, Markdown or text file.");
    }

    static ExtractionFailure timeout(long seconds) {
        return new ExtractionFailure(ErrorCode.TIMEOUT, "Reading the document took longer than " + seconds
                + " seconds and was stopped. Split it into smaller documents, or save it again without embedded media.");
    }

    static ExtractionFailure tooMuchText(long limit) {
        return new ExtractionFailure(ErrorCode.TOO_LARGE, "The document has more than " + limit
                + " characters of text, more than Slideo reads from one file. Split it into smaller documents.");
    }

    static ExtractionFailure unpacksTooLarge(long limit) {
        return new ExtractionFailure(ErrorCode.TOO_LARGE, "The file unpacks to more than " + limit / (1024 * 1024)
                + " MiB (a compressed file this large is refused to protect the service). Save it again without"
                + " large embedded content, or split it.");
    }

    /** Maps whatever a parse threw; anything unrecognised that a parser raised means the file is damaged. */
    public static ExtractionFailure of(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ExtractionFailure failure) {
                return failure;
            }
            if (t instanceof StructureHandler.TooMuchTextException tooMuch) {
                return tooMuchText(tooMuch.limit());
            }
            if (t instanceof EncryptedDocumentException || t instanceof org.apache.poi.EncryptedDocumentException
                    || t instanceof org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException) {
                return new ExtractionFailure(ErrorCode.ENCRYPTED, "The document is protected by a password."
                        + " Remove the password (or save an unprotected copy) and upload it again.", thrown);
            }
            if (t instanceof ZeroByteFileException) {
                return empty();
            }
            if (t instanceof OutOfMemoryError || isZipBomb(t)) {
                return new ExtractionFailure(ErrorCode.TOO_LARGE, "The document needs more memory to read than Slideo"
                        + " allows for one file. Split it into smaller documents, or remove large embedded content.", thrown);
            }
        }
        if (thrown instanceof Error && !(thrown instanceof StackOverflowError)) {
            return new ExtractionFailure(ErrorCode.INTERNAL,
                    "Slideo could not read the document because of an internal error. Try again later.", thrown);
        }
        return new ExtractionFailure(ErrorCode.CORRUPT, "The file is damaged or is not a valid document of its type,"
                + " so it cannot be read. Open it in the program that made it, save it again, and upload the new copy.",
                thrown);
    }

    private static boolean isZipBomb(Throwable t) {
        String message = t.getMessage();
        return (t instanceof ZipException || t instanceof java.io.IOException) && message != null
                && (message.contains("Zip bomb") || message.contains("exceeds the max"));
    }

    private static String describe(String mediaType) {
        return mediaType != null && mediaType.startsWith("image/") ? "image" : "document";
    }
}
