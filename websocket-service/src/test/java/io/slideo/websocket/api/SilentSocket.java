package io.slideo.websocket.api;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client that upgrades and then neither reads nor answers pings, like a peer whose
 * network vanished; it only reads once asked for the server's close frame.
 */
final class SilentSocket implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;

    /** The code and reason of a close frame. */
    record Close(int code, String reason) {
    }

    SilentSocket(URI base, String token) throws IOException {
        socket = new Socket(base.getHost(), base.getPort());
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String request = "GET /ws?access_token=" + token + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(nonce) + "\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        in = new DataInputStream(socket.getInputStream());
        String status = readLine();
        if (!status.contains(" 101 ")) {
            throw new IOException("Upgrade refused: " + status);
        }
        while (!readLine().isEmpty()) {
            // Headers of the 101 answer.
        }
    }

    /** Reads frames (skipping pings and anything else) until the server's close frame. */
    Close awaitClose() throws IOException {
        socket.setSoTimeout(20_000);
        while (true) {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            if ((first & 0x0F) == 0x8) {
                int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                String reason = payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8)
                        : "";
                return new Close(code, reason);
            }
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
