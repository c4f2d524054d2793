package io.cloudexchange.core.runtime.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** The extra CA certificates (PEM {@code *.crt} files) an admin dropped into {@code <data-dir>/ca_certs}. */
final class CaCertificates {

    private final Path directory;

    CaCertificates(Path directory) {
        this.directory = directory;
    }

    /** Changes whenever a file is added, removed or rewritten, so clients are rebuilt with the new trust. */
    String fingerprint() {
        StringBuilder fingerprint = new StringBuilder();
        for (Path file : files()) {
            try {
                fingerprint.append(file.getFileName()).append(':').append(Files.size(file)).append(':')
                        .append(Files.getLastModifiedTime(file).toMillis()).append(';');
            } catch (IOException e) {
                fingerprint.append(file.getFileName()).append(":unreadable;");
            }
        }
        return fingerprint.toString();
    }

    /** Every certificate of every readable file; {@code onUnreadable} hears about the others. */
    List<X509Certificate> load(BiConsumer<Path, Exception> onUnreadable) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path file : files()) {
            try (InputStream in = Files.newInputStream(file)) {
                CertificateFactory.getInstance("X.509").generateCertificates(in)
                        .forEach(certificate -> certificates.add((X509Certificate) certificate));
            } catch (IOException | GeneralSecurityException e) {
                onUnreadable.accept(file, e);
            }
        }
        return certificates;
    }

    private List<Path> files() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.crt")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        files.sort(null);
        return files;
    }
}
