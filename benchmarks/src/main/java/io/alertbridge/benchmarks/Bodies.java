package io.alertbridge.benchmarks;

import io.alertbridge.zendesk.testing.ZendeskDeliveries;

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
    int base = render(ticketId, status, "").length;
    int text = Math.max(0, (bytes - base) / 2);
    return render(ticketId, status, SENTENCE.repeat(text / SENTENCE.length() + 1).substring(0, text));
  }

  private static byte[] render(String ticketId, String status, String text) {
    return ZendeskDeliveries.ticket(ticketId, status).description(text).field("group_name", "Payments")
        .field("latest_comment", text).body();
  }
}
