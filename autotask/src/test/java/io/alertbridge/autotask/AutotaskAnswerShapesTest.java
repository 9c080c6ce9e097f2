package io.alertbridge.autotask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.alertbridge.autotask.AutotaskApiException.Reason;
import io.alertbridge.autotask.testing.AutotaskDeliveries;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.Fixtures;
import io.alertbridge.testkit.TestClock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ticket answers whose custom-detail members have another shape than documented (as some Autotask
 * instances and client libraries answer: {@code "userDefinedFields": {}}): skipped with a note, never a
 * 503 loop. The status still has to be an integer.
 */
class AutotaskAnswerShapesTest {
  /** A whole {@code GET Tickets/48213} answer in the shape seen in the field: user-defined fields as an object. */
  private static final String OBJECT_UDFS = """
      {"item": {"companyID": 301, "companyLocationID": 12, "billingCodeID": 2968100, "assignedResourceID": 7,
        "assignedResourceRoleID": 3, "changeInfoField1": "", "completedByResourceID": null,
        "completedDate": null, "contactID": 2968200, "contractID": 2968300, "createDate": "2025-06-12T09:14:07.000Z",
        "creatorResourceID": 4, "creatorType": 1, "description": "Backup job failed on FS02",
        "dueDateTime": "2025-06-13T09:00:00.000Z", "estimatedHours": 1.5, "externalID": "",
        "hoursToBeScheduled": 0.0, "issueType": 4, "lastActivityDate": "2025-06-12T09:14:07.000Z",
        "lastActivityPersonType": 1, "lastActivityResourceID": 4, "priority": 2, "purchaseOrderNumber": "",
        "queueID": 29682833, "resolution": "", "source": 6, "status": 1, "subIssueType": 17, "ticketCategory": 3,
        "ticketNumber": "T20250612.0042", "ticketType": 1, "title": "FS02: backup failed",
        "userDefinedFields": {}, "id": 48213}}""";

  private final LoopbackAutotaskApi api = LoopbackAutotaskApi.start();
  private final WebhookProcessor processor = WebhookProcessor.builder(
      IntegrationRegistry.of(new AutotaskIntegration(new RestApiTicketSource())))
      .clock(TestClock.at("2025-06-12T12:00:00Z")).build();

  @AfterEach
  void stop() {
    api.close();
  }

  private ProcessingResult deliver() {
    return processor.process(api.source("contoso"), Fixtures.of(AutotaskDeliveries.class).delivery("01-new-ticket"));
  }

  @Test
  void userDefinedFieldsAsAnObjectAreSkippedWithANote() {
    api.ticketJson(48213, OBJECT_UDFS);

    ProcessingResult result = deliver();

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.event().orElseThrow().customDetails()).doesNotContainKey("userDefinedFields")
        .containsEntry("ticketNumber", "T20250612.0042");
    assertThat(result.explanation().notes()).contains("\"userDefinedFields\": expected an array of {name, value}"
        + " objects at /item/userDefinedFields, got object; skipped, as it is only a custom detail");
  }

  @Test
  void otherCustomDetailsOfAnotherShapeAreSkippedWithANote() {
    api.ticketJson(48213, Recorded.ticket("api-01-ticket-48213-new.json", item -> {
      item.put("ticketNumber", 42);
      item.put("queueID", "Level I");
      item.put("companyID", Map.of("id", 174));
      item.put("userDefinedFields", java.util.List.of(Map.of("name", "Site", "value", "HQ"), "odd"));
    }));

    ProcessingResult result = deliver();

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.event().orElseThrow().customDetails()).doesNotContainKeys("queue", "companyID")
        .containsEntry("ticketNumber", "T20250612.0042") // as the callout named it
        .containsEntry("userDefinedFields", Map.of("Site", "HQ"));
    assertThat(result.explanation().notes()).contains(
        "\"ticketNumber\": expected a string at /item/ticketNumber, got number; skipped, as it is only a custom detail",
        "\"queueID\": expected an integer picklist value at /item/queueID, got string; skipped, as it is only a"
            + " custom detail",
        "\"companyID\": expected a plain value at /item/companyID, got object; skipped, as it is only a custom detail",
        "1 element(s) of /item/userDefinedFields are not {name, value} objects; skipped, as they are only custom"
            + " details");
  }

  @Test
  void aStatusOfAnotherShapeStillFailsClearly() {
    api.ticketJson(48213, OBJECT_UDFS.replace("\"status\": 1,", "\"status\": {\"value\": 1},"));

    AutotaskApiException e = catchThrowableOfType(AutotaskApiException.class, this::deliver);

    assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_ANSWER);
    assertThat(e.getMessage()).contains("/item/status", "an integer picklist value", "got object");
  }
}
