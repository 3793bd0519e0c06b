package io.reflex.launcher.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Chunked transfer coding by hand for the streaming tests, where chunk boundaries may move but text may not. */
final class Chunked {

    private final InputStream in;
    private final StringBuilder text = new StringBuilder();
    private boolean ended;

    Chunked(InputStream in) {
        this.in = in;
    }

    static byte[] chunk(String data) {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        return (Integer.toHexString(bytes.length) + "\r\n" + data + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] last() {
        return "0\r\n\r\n".getBytes(StandardCharsets.UTF_8);
    }

    /** Reads chunks until the text received so far ends with {@code expected}; returns that text and forgets it. */
    String readUntil(String expected) throws IOException {
        while (!text.toString().endsWith(expected)) {
            if (!readChunk()) {
                throw new IOException("body ended before '" + expected.strip() + "', had: " + text);
            }
        }
        String all = text.toString();
        text.setLength(0);
        return all;
    }

    /** Reads the remaining chunks up to the last one. */
    String readToEnd() throws IOException {
        boolean more = true;
        while (more) {
            more = readChunk();
        }
        String all = text.toString();
        text.setLength(0);
        return all;
    }

    private boolean readChunk() throws IOException {
        if (ended) {
            return false;
        }
        int size = Integer.parseInt(line().split(";")[0].trim(), 16);
        if (size == 0) {
            String trailer;
            do {
                trailer = line();
            } while (!trailer.isEmpty());
            ended = true;
            return false;
        }
        text.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
        line();
        return true;
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("connection closed inside a chunked body");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
