package io.reflex.engine.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A response written over time (Server-Sent Events). The writer runs on the request's own (virtual) thread and
 * returns when the client disconnects or the server stops.
 */
public record Streaming(String contentType, Writer writer) implements Response {

    /** Writes the stream; an IOException means the client went away. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException, InterruptedException;
    }
}
