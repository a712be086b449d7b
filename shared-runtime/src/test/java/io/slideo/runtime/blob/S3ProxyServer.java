package io.slideo.runtime.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.slideo.runtime.config.BlobConfig;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3-compatible server for the S3 store's tests: the s3proxy that {@code ./slideo infra} runs on
 * its port (19000, or SLIDEO_S3_PORT) when it answers, else one started here from the same jar (which the pom copies
 * to target/s3proxy) on a free port, with its files under target/, stopped when the test JVM exits.
 */
final class S3ProxyServer {
    /**
     * The launcher's s3proxy port and credentials (./slideo: S3_PORT, S3PROXY_IDENTITY, S3PROXY_CREDENTIAL): under
     * ./slideo test the tests' own s3proxy (SLIDEO_S3_PORT), never the one of a suite a user started with ./slideo up.
     */
    static final int LAUNCHER_PORT = Integer.parseInt(System.getenv().getOrDefault("SLIDEO_S3_PORT", "19000"));
    static final String IDENTITY = "slideo";
    static final String CREDENTIAL = "slideo-local-secret";
    private static final Duration STARTUP = Duration.ofSeconds(90);

    private static URI endpoint;

    private S3ProxyServer() {
    }

    static synchronized URI endpoint() {
        if (endpoint == null) {
            endpoint = answers(LAUNCHER_PORT) ? local(LAUNCHER_PORT) : start();
        }
        return endpoint;
    }

    /** The blob store's settings for this server, with these credentials. */
    static BlobConfig.S3 settings(String bucket, String secretKey) {
        return new Settings(Optional.of(bucket), Optional.of(endpoint()), "us-east-1", Optional.of(IDENTITY),
                Optional.of(secretKey), true);
    }

    /** A client made the way the services make theirs (BlobStoreProducer), for this server. */
    static S3Client client() {
        return BlobStoreProducer.s3Client(settings("unused", CREDENTIAL));
    }

    /** Empties and removes a bucket a test made, so the launcher's s3proxy keeps nothing of the tests. */
    static void deleteBucket(S3Client s3, String bucket) {
        for (var page : s3.listObjectsV2Paginator(r -> r.bucket(bucket))) {
            for (S3Object object : page.contents()) {
                s3.deleteObject(r -> r.bucket(bucket).key(object.key()));
            }
        }
        for (var upload : s3.listMultipartUploads(r -> r.bucket(bucket)).uploads()) {
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
        }
        s3.deleteBucket(r -> r.bucket(bucket));
    }

    private static URI start() {
        String jar = System.getProperty("slideo.s3proxy.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("No s3proxy jar at " + jar + ": run the tests through Maven (the"
                    + " shared-runtime pom copies it to target/s3proxy) or start it with ./slideo infra");
        }
        try {
            Path home = Files.createDirectories(Path.of("target", "s3proxy-test")).toAbsolutePath();
            int port = freePort();
            Path data = Files.createDirectories(home.resolve("data"));
            Path log = home.resolve("s3proxy.log");
            Path properties = home.resolve("s3proxy.properties");
            Files.write(properties, List.of(
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + IDENTITY,
                    "s3proxy.credential=" + CREDENTIAL,
                    "jclouds.provider=filesystem-nio2",
                    "jclouds.identity=local",
                    "jclouds.credential=local",
                    "jclouds.filesystem.basedir=" + data));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-Xmx192m", "-XX:+UseSerialGC", "-jar", jar,
                    "--properties", properties.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, data)));
            awaitPort(process, port, log);
            return local(port);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start s3proxy from " + jar, e);
        }
    }

    private static void awaitPort(Process process, int port, Path log) throws IOException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (!answers(port)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                List<String> lines = Files.readAllLines(log);
                throw new IllegalStateException("s3proxy did not open port " + port + "; " + log + " ends: "
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size())));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while s3proxy started", e);
            }
        }
    }

    private static void stop(Process process, Path data) {
        process.destroy();
        try (Stream<Path> files = Files.walk(data)) {
            process.waitFor();
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | InterruptedException e) {
            // What is left is under target/, which the next clean removes.
        }
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static URI local(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    private record Settings(Optional<String> bucket, Optional<URI> endpoint, String region,
            Optional<String> accessKey, Optional<String> secretKey, boolean pathStyle) implements BlobConfig.S3 {
    }
}
