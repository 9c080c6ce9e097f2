package io.alertbridge.zendesk;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The alert's summary and details, composed from the ticket's text fields. */
final class TicketText {

  private TicketText() {}

  /** The longest line taken for an author/date header; longer lines are text. */
  static final int MAX_HEADER_CHARS = 160;

  /**
   * @param title the ticket title, possibly empty
   * @param description the ticket description, possibly empty
   * @return the title as sent; when it is blank, the first line of real text in the description: separator
   *     lines ({@link #isSeparator}) are skipped, and so is the author/date header that Zendesk's
   *     {@code {{ticket.description}}} puts after its separator ({@link #isAuthorDateHeader}); without
   *     such a line, the header if there was one, else empty
   */
  static String summary(String title, String description) {
    if (!title.isBlank()) {
      return title;
    }
    boolean afterSeparator = false;
    String header = "";
    Iterator<String> lines = description.lines().iterator();
    while (lines.hasNext()) {
      String line = lines.next().strip();
      if (line.isEmpty()) {
        continue;
      }
      if (isSeparator(line)) {
        afterSeparator = true;
      } else if (afterSeparator && header.isEmpty() && isAuthorDateHeader(line)) {
        header = line;
      } else {
        return line;
      }
    }
    return header;
  }

  /** @return whether the stripped, non-empty line is only dashes, underscores, equals signs and whitespace */
  static boolean isSeparator(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c != '-' && c != '_' && c != '=' && !Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the stripped line looks like the header Zendesk writes above a comment: author, date and time,
   * as in {@code Lewis, 28 Sept 2023, 20:02} or {@code Apoorva Pendse, Feb 3, 2025, 7:59 PM}. That is: at
   * most {@value #MAX_HEADER_CHARS} characters, a comma, a four-digit year, and at the end, after a space
   * or a comma, a time ({@code H:MM} or {@code HH:MM}, optionally followed by AM or PM). One pass over the
   * line.
   */
  static boolean isAuthorDateHeader(String line) {
    if (line.length() > MAX_HEADER_CHARS || line.indexOf(',') < 0) {
      return false;
    }
    int end = line.length();
    if (end >= 2 && (line.regionMatches(true, end - 2, "AM", 0, 2) || line.regionMatches(true, end - 2, "PM", 0, 2))) {
      end = stripEnd(line, end - 2);
    }
    if (end < 4 || !digit(line, end - 1) || !digit(line, end - 2) || line.charAt(end - 3) != ':' || !digit(line, end - 4)) {
      return false;
    }
    int timeStart = end - 4 > 0 && digit(line, end - 5) ? end - 5 : end - 4;
    if (timeStart == 0 || !Character.isWhitespace(line.charAt(timeStart - 1)) && line.charAt(timeStart - 1) != ',') {
      return false;
    }
    int run = 0;
    for (int i = 0; i < timeStart; i++) {
      run = digit(line, i) ? run + 1 : 0;
      if (run == 4 && (i + 1 == timeStart || !digit(line, i + 1))) {
        return true;
      }
    }
    return false;
  }

  private static boolean digit(String text, int index) {
    char c = text.charAt(index);
    return c >= '0' && c <= '9';
  }

  private static int stripEnd(String text, int end) {
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  /**
   * The description as sent, then who and how, then the latest comment, each part only when there
   * is something to say. The latest comment is left out when it repeats the description, as it does
   * on a new ticket.
   *
   * @return the details text; empty when every field is empty
   */
  static String details(String description, String requester, String group, String assignee, String via,
      String latestComment, String commentAuthor) {
    List<String> parts = new ArrayList<>();
    if (!description.isBlank()) {
      parts.add(description);
    }
    StringBuilder people = new StringBuilder();
    line(people, "Requester", requester);
    line(people, "Group", group);
    line(people, "Assignee", assignee);
    line(people, "Via", via);
    if (people.length() > 0) {
      parts.add(people.toString());
    }
    if (!latestComment.isBlank() && !latestComment.strip().equals(description.strip())) {
      String heading = commentAuthor.isBlank() ? "Latest comment:" : "Latest comment by " + commentAuthor.strip() + ":";
      parts.add(heading + "\n" + latestComment);
    }
    return String.join("\n\n", parts);
  }

  private static void line(StringBuilder text, String label, String value) {
    if (!value.isBlank()) {
      if (text.length() > 0) {
        text.append('\n');
      }
      text.append(label).append(": ").append(value.strip());
    }
  }
}
