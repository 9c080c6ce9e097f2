package io.alertbridge.benchmarks;

import io.alertbridge.core.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Realistic Zendesk bodies of a chosen size: the documented template, with long ticket text. */
final class Bodies {
  private static final String SENTENCE = "Since about 08:50 CET every checkout in the EU shop fails with HTTP 502; "
      + "customers see a blank payment page, orders from the US shop look fine. ";

  private Bodies() {}

  /**
   * @param bytes the body's size, within a few bytes
   * @param ticketId the ticket id
   * @param status the ticket status
   * @return a Zendesk trigger body of about that size, its description and latest comment sharing the text
   */
  static byte[] zendesk(int bytes, String ticketId, String status) {
    byte[] base = render(ticketId, status, "");
    int text = Math.max(0, (bytes - base.length) / 2);
    return render(ticketId, status, SENTENCE.repeat(text / SENTENCE.length() + 1).substring(0, text));
  }

  private static byte[] render(String ticketId, String status, String text) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", ticketId);
    body.put("title", "Checkout API returns 502 for EU customers");
    body.put("description", text);
    body.put("via", "Web form");
    body.put("status", status);
    body.put("priority", "Urgent");
    body.put("requester_name", "Dana Whitfield");
    body.put("group_name", "Payments");
    body.put("assignee_name", "");
    body.put("account", "Acme Retail");
    body.put("link", "https://acmeretail.zendesk.com/agent/tickets/" + ticketId);
    body.put("latest_comment", text);
    return Json.write(body).getBytes(StandardCharsets.UTF_8);
  }
}
