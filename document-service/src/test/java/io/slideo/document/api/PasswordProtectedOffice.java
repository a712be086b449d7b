package io.slideo.document.api;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Builds, in the test, the kind of file Word writes when a user sets "Encrypt with password". */
public final class PasswordProtectedOffice {

    private PasswordProtectedOffice() {
    }

    /** A DOCX with one paragraph, encrypted (agile, AES) under {@code password}, in a temporary file. */
    public static File wordFile(String paragraph, String password) throws IOException, GeneralSecurityException {
        File file = Files.createTempFile("protected-", ".docx").toFile();
        try (POIFSFileSystem container = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword(password);
            try (XWPFDocument document = new XWPFDocument(); OutputStream encrypted = encryptor.getDataStream(container)) {
                document.createParagraph().createRun().setText(paragraph);
                document.write(encrypted);
            }
            try (OutputStream out = Files.newOutputStream(file.toPath())) {
                container.writeFilesystem(out);
            }
        }
        return file;
    }
}
