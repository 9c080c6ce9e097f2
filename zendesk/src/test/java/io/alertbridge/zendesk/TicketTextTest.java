package io.alertbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The summary of a ticket without a title: the description's first line of real text. */
class TicketTextTest {

  @Test
  void skipsTheSeparatorAndTheAuthorHeaderOfARenderedDescription() {
    String description = "----------------------------------------------\n\nMara Jensen, 14 Oct 2024, 08:41\n\n"
        + "Checkout fails with 502 for EU cards\n\nThanks,\nMara.";

    assertThat(TicketText.summary("", description)).isEqualTo("Checkout fails with 502 for EU cards");
    assertThat(TicketText.summary(" ", description.replace("14 Oct 2024, 08:41", "Oct 14, 2024, 8:41 AM")))
        .isEqualTo("Checkout fails with 502 for EU cards");
  }

  @Test
  void keepsALineThatLooksLikeAHeaderWhenNoSeparatorCameBefore() {
    assertThat(TicketText.summary("", "Berlin, 14 Oct 2024, 08:41\nthe outage began")).isEqualTo(
        "Berlin, 14 Oct 2024, 08:41");
  }

  @Test
  void takesOnlyTheFirstLineAfterTheSeparatorAsAHeader() {
    assertThat(TicketText.summary("", "=====\nMara, 14 Oct 2024, 08:41\nRack B, 12 Oct 2024, 23:10\nrest"))
        .isEqualTo("Rack B, 12 Oct 2024, 23:10");
  }

  @Test
  void isEmptyWithoutRealTextButKeepsAHeaderRatherThanDashes() {
    assertThat(TicketText.summary("", "-----\n___\n = = \n")).isEmpty();
    assertThat(TicketText.summary("", "-----\n\nMara, 14 Oct 2024, 08:41\n")).isEqualTo("Mara, 14 Oct 2024, 08:41");
    assertThat(TicketText.summary("", "")).isEmpty();
  }

  @Test
  void aTitleWinsAsSent() {
    assertThat(TicketText.summary(" VPN down ", "-----\nother")).isEqualTo(" VPN down ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Lewis, 28 Sept 2023, 20:02", "Apoorva Pendse, Feb 3, 2025, 19:59", "Jonas, 3. Feb. 2025, 7:05",
      "Ana, 3 de fev. de 2025, 07:05 pm", "Ana, 2025-02-03, 07:05"})
  void recognisesAuthorDateHeaders(String line) {
    assertThat(TicketText.isAuthorDateHeader(line)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"lewis test ticket", "Meeting at 20:02", "Order 20231, shipped 20:02", "Ids 12345, at 10:30",
      "Since 2023, down", "Error, 2023 times, code 1:30x", "2023, x:20:02", "At 2023, ab20:02"})
  void leavesOtherLinesAlone(String line) {
    assertThat(TicketText.isAuthorDateHeader(line)).isFalse();
  }

  @Test
  void aLongLineIsNeverAHeader() {
    String line = "A" + ", 2023".repeat(40) + ", 20:02";

    assertThat(line.length()).isGreaterThan(TicketText.MAX_HEADER_CHARS);
    assertThat(TicketText.isAuthorDateHeader(line)).isFalse();
  }

  /** Whatever precedes it, real text after a separator and a header is the summary. */
  @Property(tries = 300)
  void realTextAfterSeparatorsAndAHeaderIsTheSummary(@ForAll("separators") String separator,
      @ForAll("texts") String text) {
    String description = "\n" + separator + "\n\n  Dana Whitfield, 4 Mar 2025, 09:15  \n\n" + text + "\nmore\n";

    assertThat(TicketText.summary("", description)).isEqualTo(text.strip());
  }

  /** The summary is always a stripped line of the description, never a separator, or empty. */
  @Property(tries = 500)
  void theSummaryIsAStrippedLineThatIsNotASeparator(@ForAll("descriptions") String description) {
    String summary = TicketText.summary("", description);

    if (!summary.isEmpty()) {
      assertThat(description.lines().map(String::strip)).contains(summary);
      assertThat(TicketText.isSeparator(summary)).isFalse();
    }
  }

  @Provide
  Arbitrary<String> separators() {
    return Arbitraries.strings().withChars('-', '_', '=', ' ').ofMinLength(1).ofMaxLength(60)
        .filter(s -> !s.isBlank());
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().alpha().numeric().withChars(' ', '.', '!').ofMinLength(1).ofMaxLength(40)
        .filter(s -> !s.isBlank() && !TicketText.isSeparator(s.strip()) && !TicketText.isAuthorDateHeader(s.strip()));
  }

  @Provide
  Arbitrary<String> descriptions() {
    return Arbitraries.strings().withChars('-', '_', '=', ' ', '\n', '\r', '\t', ',', ':', 'a', 'B', '2', '0', '9')
        .ofMaxLength(120);
  }
}
