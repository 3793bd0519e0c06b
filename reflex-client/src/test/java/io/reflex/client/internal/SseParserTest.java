package io.reflex.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {
  private static List<SseParser.Event> parse(String stream) {
    SseParser parser = new SseParser();
    List<SseParser.Event> events = new ArrayList<>();
    for (String line : stream.split("\n", -1)) {
      parser.feed(line).ifPresent(events::add);
    }
    return events;
  }

  @Test
  void dispatchesOnBlankLineWithIdTypeAndData() {
    assertThat(parse("id: 42\nevent: change\ndata: {\"seq\":42}\n\n"))
        .containsExactly(new SseParser.Event("42", "change", "{\"seq\":42}"));
  }

  @Test
  void commentsAndKeepalivesDispatchNothing() {
    assertThat(parse(": keepalive\n\n: keepalive\n\n")).isEmpty();
  }

  @Test
  void joinsDataLinesAndStripsOnlyOneLeadingSpace() {
    assertThat(parse("data:a\ndata:  b\n\n")).containsExactly(new SseParser.Event("", "message", "a\n b"));
  }

  @Test
  void idCarriesOverToLaterEventsAndAnEventWithoutDataIsDropped() {
    SseParser parser = new SseParser();
    parser.feed("id: 7");
    parser.feed("event: change");
    assertThat(parser.feed("")).isEmpty();
    assertThat(parser.lastId()).isEqualTo("7");
    parser.feed("data: x");

    assertThat(parser.feed("")).contains(new SseParser.Event("7", "message", "x"));
  }

  @Test
  void unfinishedEventIsNotDispatched() {
    assertThat(parse("id: 1\ndata: half")).isEmpty();
  }
}
