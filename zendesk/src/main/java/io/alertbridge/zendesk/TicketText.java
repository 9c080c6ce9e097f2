package io.alertbridge.zendesk;

import java.util.ArrayList;
import java.util.List;

/** The alert's summary and details, composed from the ticket's text fields. */
final class TicketText {

  private TicketText() {}

  /**
   * @param title the ticket title, possibly empty
   * @param description the ticket description, possibly empty
   * @return the title as sent; when it is blank, the first non-blank line of the description
   */
  static String summary(String title, String description) {
    if (!title.isBlank()) {
      return title;
    }
    return description.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("");
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
