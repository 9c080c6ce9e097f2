package io.alertbridge.haloitsm;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Plain text from the HTML that Halo keeps in {@code details}: tags removed, {@code <br>} as a new
 * line, block tags ({@code <p>}, {@code <div>}, {@code <li>}, ...) starting a new line, scripts,
 * styles and comments dropped, common entities decoded. A {@code <} that starts no tag stays.
 */
final class HtmlText {
  private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3",
      "h4", "h5", "h6", "blockquote", "pre", "hr", "section", "article", "header", "footer", "dl", "dt", "dd");
  private static final Map<String, String> ENTITIES = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
      "apos", "'", "nbsp", " ");

  private HtmlText() {}

  static String toText(String html) {
    StringBuilder out = new StringBuilder(html.length());
    int i = 0;
    while (i < html.length()) {
      char c = html.charAt(i);
      if (c == '<' && startsTag(html, i)) {
        i = skipTag(html, i, out);
      } else if (c == '&') {
        i = decodeEntity(html, i, out);
      } else {
        out.append(c == '\u00a0' ? ' ' : c);
        i++;
      }
    }
    return tidy(out);
  }

  private static boolean startsTag(String html, int at) {
    if (at + 1 >= html.length()) {
      return false;
    }
    char next = html.charAt(at + 1);
    if (next == '/' && at + 2 < html.length()) {
      next = html.charAt(at + 2);
    }
    return Character.isLetter(next) || next == '!';
  }

  /** @return the index after the tag (or after the element, for scripts, styles and comments) */
  private static int skipTag(String html, int at, StringBuilder out) {
    if (html.startsWith("<!--", at)) {
      int end = html.indexOf("-->", at + 4);
      return end < 0 ? html.length() : end + 3;
    }
    int close = html.indexOf('>', at);
    if (close < 0) {
      out.append(html, at, html.length());
      return html.length();
    }
    boolean closing = html.charAt(at + 1) == '/';
    int start = at + (closing ? 2 : 1);
    int end = start;
    while (end < close && Character.isLetterOrDigit(html.charAt(end))) {
      end++;
    }
    String name = html.substring(start, end).toLowerCase(Locale.ROOT);
    if (!closing && (name.equals("script") || name.equals("style"))) {
      int endTag = indexOfIgnoringCase(html, "</" + name, close);
      int after = endTag < 0 ? -1 : html.indexOf('>', endTag);
      return after < 0 ? html.length() : after + 1;
    }
    if (name.equals("br") || BLOCKS.contains(name) && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    } else if (closing && (name.equals("td") || name.equals("th"))) {
      out.append(' ');
    }
    return close + 1;
  }

  private static int indexOfIgnoringCase(String text, String part, int from) {
    for (int i = from; i <= text.length() - part.length(); i++) {
      if (text.regionMatches(true, i, part, 0, part.length())) {
        return i;
      }
    }
    return -1;
  }

  private static int decodeEntity(String html, int at, StringBuilder out) {
    int semicolon = -1;
    for (int i = at + 1; i < Math.min(html.length(), at + 11) && semicolon < 0; i++) {
      semicolon = html.charAt(i) == ';' ? i : -1;
    }
    if (semicolon > at + 1) {
      String name = html.substring(at + 1, semicolon);
      String decoded = decode(name);
      if (decoded != null) {
        out.append(decoded);
        return semicolon + 1;
      }
    }
    out.append('&');
    return at + 1;
  }

  private static String decode(String name) {
    if (name.startsWith("#")) {
      try {
        boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
        int code = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
        if (code == 0xa0) {
          return " ";
        }
        return Character.isValidCodePoint(code) && code != 0 ? new String(Character.toChars(code)) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return ENTITIES.get(name.toLowerCase(Locale.ROOT));
  }

  /** Unix line ends, no trailing spaces, at most one blank line in a row, no white space around. */
  private static String tidy(CharSequence text) {
    String[] lines = text.toString().replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    StringBuilder out = new StringBuilder(text.length());
    int blanks = 0;
    for (String line : lines) {
      String kept = line.stripTrailing();
      if (kept.isEmpty()) {
        blanks++;
        continue;
      }
      if (out.length() > 0) {
        out.append(blanks > 0 ? "\n\n" : "\n");
      }
      out.append(kept);
      blanks = 0;
    }
    return out.toString().strip();
  }
}
