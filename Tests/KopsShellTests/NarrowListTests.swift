import KopsShell
import Testing

/// `webhooks` and `deliveries` at an 80-column terminal: no line wider than the terminal, and the values the
/// next command needs (webhook ids, event names, URLs) whole, never cut to `5f6a7…a8b92` or `whats…`.
@Suite struct NarrowListTests {
    @Test func webhooksKeepTheirIdsWholeAndPutURLAndEventsUnderTheRow() async throws {
        let ran = try await runDemo(["webhooks"], width: 80)[0]
        let lines = ran.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.allSatisfy { TextWidth.displayWidth($0) <= 80 }, "\(ran.out)")
        #expect(!ran.out.contains("…"), "nothing cut: \(ran.out)")
        #expect(Array(lines.prefix(4)) == [
            "ID                                    SCOPE            KIND   PAYLOAD  ACTIVE",
            "5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92  100200300400502  kapso  v2       yes",
            "  https://analytics.acme-demo.test/ingest/whatsapp",
            "  whatsapp.message.received, whatsapp.message.sent, whatsapp.message.delivered",
        ])
    }

    @Test func deliveriesKeepTheEventWholeAndPutTheWebhookUnderTheRow() async throws {
        let ran = try await runDemo(["deliveries --errors --period 7d --limit 2"], width: 80)[0]
        #expect(ran.out == """
            TIME                  EVENT                           STATUS  HTTP  TRIES
            2026-11-20T09:15:03Z  whatsapp.message.failed         failed   500      4
                                  hooks.acme-demo.test/kapso/whatsapp
            2026-11-20T06:44:20Z  whatsapp.conversation.inactive  failed     -      4
                                  ops.acme-demo.test/kapso/conversations

            """)
    }

    @Test func aWideTerminalShowsEveryColumnInItsRow() async throws {
        let ran = try await runDemo(["deliveries --errors --period 7d --limit 1"], width: 200)[0]
        #expect(ran.out.hasPrefix("TIME                  EVENT                    STATUS  HTTP  TRIES  LAST ATTEMPT          WEBHOOK\n"), "\(ran.out)")
    }
}
