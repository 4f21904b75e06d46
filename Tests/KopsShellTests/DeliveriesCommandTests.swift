import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// `deliveries` on the demo seed: pages and `next`, filters, `--all` as NDJSON, stats.
@Suite struct DeliveriesCommandTests {
    @Test func listsTheLastDayNewestFirst() async throws {
        let ran = try await runDemo("deliveries")
        #expect(ran.out == """
            TIME                  NUMBER  EVENT                      STATUS     HTTP  TRIES  LAST ATTEMPT          WEBHOOK
            2026-11-20T14:32:11Z  …0501   whatsapp.message.sent      pending     503      2  2026-11-20T14:32:21Z  hooks.acme-demo.test/kapso/whatsapp
            2026-11-20T14:30:06Z  …0501   whatsapp.message.received  delivered   200      1  2026-11-20T14:30:06Z  hooks.acme-demo.test/kapso/whatsapp
            
            """)
        // probe11 P11-6: the demo's delivery pending since 14:32:21Z is past Kapso's retries.
        #expect(ran.err == """
            2 items
            none of these 2 deliveries is …0502's (NUMBER; --output expanded on a narrow terminal): Kapso's delivery log has no number filter, so deliveries are the whole project's; 'webhooks' lists …0502's webhooks, 'deliveries --webhook ID' one webhook's
            1 of these pending deliveries has had no attempt for 21 h 27 min or more: Kapso retries a failed attempt 10 s, 40 s and 90 s after each failure by its docs, or 3 attempts in all (now, +10 s, +40 s) by a summary of its newer Delivery page (the sources disagree: https://docs.kapso.ai/docs/platform/webhooks/overview, https://docs.kapso.ai/docs/platform/webhooks/advanced): either way a retry would have come within minutes, so it is stuck; 'webhooks check' names it for Kapso support

            """)
    }

    @Test func pagesWithNext() async throws {
        let runs = try await runDemo(["deliveries --period 30d --webhook 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92 --limit 3", "next"])
        #expect(runs[0].out == """
            TIME                  EVENT                      STATUS  HTTP  TRIES  LAST ATTEMPT          WEBHOOK
            2026-11-19T16:50:43Z  whatsapp.message.received  failed  none      4  2026-11-19T16:53:03Z  analytics.acme-demo.test/ingest/whatsapp
            2026-11-19T11:56:00Z  whatsapp.message.sent      failed   500      4  2026-11-19T11:58:20Z  analytics.acme-demo.test/ingest/whatsapp
            2026-11-19T11:35:24Z  whatsapp.message.received  failed   500      4  2026-11-19T11:37:44Z  analytics.acme-demo.test/ingest/whatsapp
            
            """)
        #expect(runs[1].out == """
            TIME                  EVENT                      STATUS  HTTP  TRIES  LAST ATTEMPT          WEBHOOK
            2026-11-19T11:24:31Z  whatsapp.message.sent      failed  none      4  2026-11-19T11:26:51Z  analytics.acme-demo.test/ingest/whatsapp
            2026-11-19T11:20:01Z  whatsapp.message.received  failed   500      4  2026-11-19T11:22:21Z  analytics.acme-demo.test/ingest/whatsapp
            2026-11-19T08:24:59Z  whatsapp.message.sent      failed   500      4  2026-11-19T08:27:19Z  analytics.acme-demo.test/ingest/whatsapp
            
            """)
        // A delivery with no HTTP answer is `none`, with one note for the page (P37-5).
        #expect(runs[1].err.hasPrefix("showing 3 items (more: next)\n1 delivery got no HTTP response (connection failed or timed out), shown as HTTP none: "), "\(runs[1].err)")
    }

    @Test func filtersFailedDeliveriesOfOneEvent() async throws {
        let ran = try await runDemo("deliveries --period 7d --errors --event whatsapp.conversation.inactive")
        #expect(ran.out == """
            TIME                  NUMBER  EVENT                           STATUS  HTTP  TRIES  LAST ATTEMPT          WEBHOOK
            2026-11-20T06:44:20Z  …0501   whatsapp.conversation.inactive  failed  none      4  2026-11-20T06:46:40Z  ops.acme-demo.test/kapso/conversations
            2026-11-20T02:10:00Z  …0501   whatsapp.conversation.inactive  failed  none      4  2026-11-20T02:12:20Z  ops.acme-demo.test/kapso/conversations
            2026-11-19T23:40:00Z  …0501   whatsapp.conversation.inactive  failed  none      4  2026-11-19T23:42:20Z  ops.acme-demo.test/kapso/conversations
            2026-11-19T21:10:00Z  …0501   whatsapp.conversation.inactive  failed  none      4  2026-11-19T21:12:20Z  ops.acme-demo.test/kapso/conversations
            
            """)
    }

    @Test func unknownEventIsAUsageError() async throws {
        let ran = try await runDemo("deliveries --event message.received")
        // The one event reader (tester56b, Z8's residual): Kapso's name without its prefix is named.
        #expect(ran.err == "error: deliveries: unknown event 'message.received'; did you mean 'whatsapp.message.received'? ('payload sample' lists the events)\n")
        #expect(ran.status == 64)
    }

    @Test func allStreamsEveryPageAsNDJSON() async throws {
        let ran = try await runDemo(["output json", "deliveries --all --period 30d"])[1]
        let lines = ran.out.split(separator: "\n")
        #expect(lines.count == 350)
        #expect(lines.allSatisfy { (try? JSONValue.parse(String($0)))?.object?["webhook_id"] != nil })
        #expect(ran.err == "350 deliveries (the whole project's, not only …0502's: Kapso's delivery log has no number filter)\n")
    }

    @Test func statsCountByStatusClassEventAndWebhook() async throws {
        let ran = try await runDemo("deliveries stats --period 30d")
        #expect(ran.out == """
            350 deliveries in the last 30d

            STATUS     COUNT
            delivered    272
            failed        77
            pending        1

            HTTP              COUNT
            2xx                 272
            5xx                  50
            no HTTP response     28

            EVENT                           COUNT
            whatsapp.message.received         184
            whatsapp.message.sent             160
            whatsapp.conversation.inactive      4
            whatsapp.message.failed             1
            whatsapp.phone_number.created       1

            WEBHOOK                               URL                                       TOTAL  FAILED  PENDING AFTER FAILURE  FAILURE RATE
            1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e  ops.acme-demo.test/kapso/conversations        4       4                      0         100 %
            5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92  analytics.acme-demo.test/ingest/whatsapp     72      72                      0         100 %
            0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d  hooks.acme-demo.test/kapso/whatsapp         201       1                      1           1 %
            3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70  crm.acme-demo.test/kapso/events               1       0                      0           0 %
            4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81  sales.acme-demo.test/webhooks/kapso          72       0                      0           0 %
            
            """)
    }

    /// A person at a terminal (which has a width: the bars are the renderer's, for a terminal only since AE2).
    @Test func statsDrawBarsForAPerson() async throws {
        let runs = try await runDemo(["deliveries stats --period 30d"], interactive: true, width: 100)
        #expect(runs[0].out.contains("delivered    272  ████████████████████████\n"))
    }
}

extension DeliveriesCommandTests {
    @Test func allInTableModeShowsTheHeaderOnce() async throws {
        let ran = try await runDemo("deliveries --all --period 30d --webhook 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
        let lines = ran.out.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("TIME ") }.count == 1)
        #expect(lines.count == 202)
        #expect(ran.err == "201 deliveries (the whole project's, not only …0502's: Kapso's delivery log has no number filter)\n")
    }
}
