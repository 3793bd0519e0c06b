package io.reflex.client.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import io.reflex.client.ReflexObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of a service's {@code links}: {@code "web"}, or {@code {"service": "web", "as": "API", "scheme":
 * "https"}}.
 *
 * @param service the linked service's name
 * @param name the prefix of the variables ({@code NAME_URL}, ...): {@code as}, else the service's name, upper-cased
 *     with every character outside {@code [A-Z0-9]} turned into {@code _}
 * @param scheme the URL scheme, {@code http} unless given
 */
public record ServiceLink(String service, String name, String scheme) {
  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Z0-9]");
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");

  public ServiceLink {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scheme, "scheme");
  }

  /** A link to {@code service} with the default variable prefix and scheme. */
  public static ServiceLink to(String service) {
    return new ServiceLink(service, variablePrefix(service), "http");
  }

  /**
   * The links of {@code service}, in the order written; empty when it has none.
   *
   * @throws LinkException when {@code links} is not an array of names and link objects
   */
  public static List<ServiceLink> of(ReflexObject service) {
    JsonNode links = service.field("links").orElse(null);
    if (links == null || links.isNull()) {
      return List.of();
    }
    if (!links.isArray()) {
      throw new LinkException("Service " + service.name() + ": links must be an array of service names");
    }
    List<ServiceLink> parsed = new ArrayList<>();
    for (JsonNode entry : links) {
      ServiceLink link = parse(service.name(), entry);
      if (parsed.stream().anyMatch(earlier -> earlier.name().equals(link.name()))) {
        throw new LinkException("Service " + service.name() + ": two links would set " + link.urlVariable()
            + "; give one of them another \"as\"");
      }
      parsed.add(link);
    }
    return List.copyOf(parsed);
  }

  /** {@code NAME_URL}, the first healthy instance's URL. */
  public String urlVariable() {
    return name + "_URL";
  }

  public String hostVariable() {
    return name + "_HOST";
  }

  public String portVariable() {
    return name + "_PORT";
  }

  /** {@code NAME_URLS}, every healthy instance's URL, comma-separated. */
  public String urlsVariable() {
    return name + "_URLS";
  }

  private static ServiceLink parse(String owner, JsonNode entry) {
    if (entry.isTextual() && !entry.asText().isBlank()) {
      return to(entry.asText().strip());
    }
    JsonNode service = entry.path("service");
    if (!entry.isObject() || !service.isTextual() || service.asText().isBlank()) {
      throw new LinkException("Service " + owner + ": a link must be a service name or an object with"
          + " \"service\", not " + entry);
    }
    String name = entry.path("as").isTextual() && !entry.path("as").asText().isBlank()
        ? variablePrefix(entry.path("as").asText())
        : variablePrefix(service.asText());
    String scheme = entry.path("scheme").asText("http");
    if (!SCHEME.matcher(scheme).matches()) {
      throw new LinkException("Service " + owner + ": link to " + service.asText() + " has a bad scheme: " + scheme);
    }
    return new ServiceLink(service.asText().strip(), name, scheme);
  }

  private static String variablePrefix(String text) {
    return NOT_ALPHANUMERIC.matcher(text.strip().toUpperCase(Locale.ROOT)).replaceAll("_");
  }
}
