import KapsoClient
import KapsoDiagnostics
import Testing

/// tester62 AL16: advice that did not fit the call. A 413 on a webhook create was told to compress a media file; Kapso's
/// newer 422 `{"errors":{"url":["is not a valid URL"]}}` and a webhook test's 422 "event_type is not subscribed" got
/// "the request was refused; read the error text (ERROR), it usually names the field". Rows from the tester's seed
/// crafted19.
@Suite struct AL16LoggedRefusalTests {
    private func meaning(_ method: String, _ path: String, _ status: Int, _ text: String) throws -> String {
        var triage = ErrorTriage()
        triage.addAPILogs([FailureGroupsTests.log(method, path, status, key: "backend", at: "2026-12-06T18:19:00Z", error: text)])
        let entry = try #require(triage.entries.first)
        let group = try #require(FailureGroups(triage.entries, numbers: IDResolverTests.numbers, webhooks: IDResolverTests.facts.webhooks).groups.first)
        #expect(group.meaning == entry.meaning)
        return entry.meaning
    }

    @Test func a413OnAWebhookCreateIsItsFieldsNotMedia() throws {
        let meaning = try meaning("POST", "/platform/v1/whatsapp/phone_numbers/100200300400501/webhooks", 413, "Payload Too Large")
        #expect(!meaning.contains("media") && !meaning.contains("compress"), "\(meaning)")
        #expect(meaning.contains("custom headers"), "\(meaning)")
    }

    @Test func kapsosFieldErrorsAreRead() throws {
        let meaning = try meaning("POST", "/platform/v1/whatsapp/webhooks", 422, #"{"errors":{"url":["is not a valid URL"]}}"#)
        #expect(meaning.contains("url: is not a valid URL"), "\(meaning)")
        #expect(!meaning.contains("it usually names the field"), "\(meaning)")
    }

    @Test func aTestOfAnUnsubscribedEventSaysSo() throws {
        let meaning = try meaning(
            "POST", "/platform/v1/whatsapp/webhooks/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/test", 422, "event_type is not subscribed")
        #expect(meaning.contains("not subscribed to"), "\(meaning)")
        #expect(meaning.contains("--event EVENT") && meaning.contains("--add-events EVENT"), "\(meaning)")
        #expect(meaning.contains("'webhooks get 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' lists them"), "\(meaning)")
    }
}
