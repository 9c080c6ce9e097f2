package io.alertbridge.topdesk;

import java.time.Instant;

/** The FIQL filters of a poll: the modification date, and the source's own query in brackets. */
final class Fiql {

  private Fiql() {}

  /**
   * @param since the time after which incidents were modified
   * @param query the source's FIQL filter, or empty
   * @return {@code modificationDate=gt=<since>}, and {@code ;(<query>)} when the query is not empty, so that
   *     an "or" ({@code ,}) in it stays within the query
   */
  static String modifiedAfter(Instant since, String query) {
    String date = "modificationDate=gt=" + TopdeskDates.fiql(since);
    return query.isEmpty() ? date : date + ";(" + query + ")";
  }

  /**
   * @param query a FIQL filter
   * @return whether its brackets are balanced and its quotes closed, outside and inside quoted values ({@code
   *     '...'} or {@code "..."}, with backslash escapes within them); linear in its length
   */
  static boolean balanced(String query) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth < 0) {
        return false;
      }
    }
    return depth == 0 && quote == 0;
  }
}
