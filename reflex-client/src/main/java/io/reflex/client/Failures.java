package io.reflex.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.reflex.client.internal.Json;
import java.io.IOException;
import java.util.Optional;

/**
 * The one place that turns an engine answer into a parsed body or a typed exception, so that no caller maps
 * raw HTTP codes a second time.
 */
final class Failures {
  private Failures() {}

  /**
   * The JSON of a successful answer; {@link MissingNode} for an empty one (the engine's 204 for empty lists).
   *
   * @throws ReflexException for any answer outside 2xx, and for 2xx answers that are not JSON
   */
  static JsonNode body(RawResponse response) {
    return jsonAnswer(response).map(Failures::parse).orElse(MissingNode.getInstance());
  }

  /**
   * A successful answer with a JSON body, for callers that read it as a stream; empty for an empty answer.
   *
   * @throws ReflexException as {@link #body} does
   */
  static Optional<RawResponse> jsonAnswer(RawResponse response) {
    if (response.code() < 200 || response.code() > 299) {
      throw refusal(response);
    }
    if (response.code() == 204 || !response.hasBody()) {
      return Optional.empty();
    }
    if (!response.isJson()) {
      throw new EngineErrorException(
          "Engine answered with non-JSON content ("
              + mediaType(response)
              + ") to "
              + response.where(),
          response.code(),
          null,
          null);
    }
    return Optional.of(response);
  }

  private static JsonNode parse(RawResponse response) {
    try {
      return Json.MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw malformed(response, e);
    }
  }

  static EngineErrorException malformed(RawResponse response, IOException cause) {
    return new EngineErrorException(
        "Engine answered with malformed JSON to " + response.where(), response.code(), null, cause);
  }

  /** The typed exception for a non-2xx answer. */
  static ReflexException refusal(RawResponse response) {
    int code = response.code();
    String engineMessage = engineMessage(response);
    String text =
        engineMessage != null
            ? engineMessage
            : !response.hasBody() || response.isJson()
                ? defaultText(code)
                : defaultText(code) + ", non-JSON answer (" + mediaType(response) + ")";
    String message = text + " (HTTP " + code + " on " + response.where() + ")";
    if (code == 400 && isDuplicate(engineMessage)) {
      return new ConflictException(message, code, engineMessage, null);
    }
    return switch (code) {
      case 401 -> new AuthenticationException(message, code, engineMessage, null);
      case 403 -> new ForbiddenException(message, code, engineMessage, null);
      case 404 -> new NotFoundException(message, code, engineMessage, null);
      case 409, 412 -> new ConflictException(message, code, engineMessage, null);
      default ->
          code >= 400 && code < 500
              ? new ValidationException(message, code, engineMessage, null)
              : new EngineErrorException(message, code, engineMessage, null);
    };
  }

  private static boolean isDuplicate(String engineMessage) {
    return engineMessage != null
        && (engineMessage.contains("already exists") || engineMessage.contains("Duplicate entry"));
  }

  private static String engineMessage(RawResponse response) {
    if (!response.isJson() || !response.hasBody()) {
      return null;
    }
    try {
      JsonNode message = Json.MAPPER.readTree(response.body()).path("message");
      return message.isValueNode() && !message.asText().isBlank() ? firstLine(message.asText()) : null;
    } catch (IOException notJson) {
      return null;
    }
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text.strip() : text.substring(0, newline).strip();
  }

  private static String mediaType(RawResponse response) {
    return response.contentType() == null
        ? "no content type"
        : response.contentType().type() + "/" + response.contentType().subtype();
  }

  private static String defaultText(int code) {
    return switch (code) {
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Endpoint or object not found";
      case 412 -> "The object changed since it was read";
      case 413 -> "Request body too large";
      case 415 -> "Engine refused the request content type";
      default -> code >= 500 ? "Engine failed to handle the request" : "Engine refused the request";
    };
  }
}
