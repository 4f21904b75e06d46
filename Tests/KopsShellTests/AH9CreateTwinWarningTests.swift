import KapsoSimulator
import KopsTestSupport
import Testing

/// tester60 AH9 (the create half): `webhooks create` made a second and a third active webhook of a number on a URL that
/// already got whatsapp.message.received, without a word; `webhooks check` found them only later. The create warns now,
/// with the count and the command that undoes it; a webhook on another URL gets no such line.
@Suite struct AH9CreateTwinWarningTests {
    static let create = "webhooks create --url https://hooks.acme-demo.test/kapso/whatsapp --events whatsapp.message.received"

    @Test func aCreateOnAnActiveWebhooksURLWarns() async throws {
        let runs = try await runDemo(
            [Self.create, Self.create, "webhooks create --url https://elsewhere.example/in --events whatsapp.message.received"],
            number: "100200300400501", seed: .zoo)
        for run in runs { #expect(run.status == 0, "\(run.err)") }
        #expect(runs[0].err.contains("is active on the same URL and gets these events too: every whatsapp.message.received is delivered twice"), "\(runs[0].err)")
        #expect(runs[1].err.contains("every whatsapp.message.received is delivered 3 times (3 active webhooks on this URL)"), "\(runs[1].err)")
        #expect(!runs[2].err.contains("same URL"), "\(runs[2].err)")
    }
}
