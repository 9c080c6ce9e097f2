package io.alertbridge.core.json;

/** Builds JSON pointers (RFC 6901) for error messages. */
public final class JsonPointers {

  private JsonPointers() {}

  /**
   * @param parent the parent's pointer; empty for the root
   * @param name a member name
   * @return the member's pointer, with {@code ~} and {@code /} escaped
   */
  public static String child(String parent, String name) {
    return parent + '/' + name.replace("~", "~0").replace("/", "~1");
  }

  /**
   * @param parent the parent's pointer; empty for the root
   * @param index an array index
   * @return the element's pointer
   */
  public static String child(String parent, int index) {
    return parent + '/' + index;
  }
}
