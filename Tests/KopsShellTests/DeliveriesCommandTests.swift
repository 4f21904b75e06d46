import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// `deliveries` on the demo seed: pages and `next`, filters, `--all` as NDJSON, stats.
@Suite struct DeliveriesCommandTests {
    @Test func listsTheLastDayNewestFirst() async throws {
        let ran = try await runDemo("deliveries")
        #expect(ran.out == """
            TIME                 EVENT                      WEBHOOK                              STATUS     HTTP  TRIES  LAST ATTEMPT
            2026-11-20 14:32:11  whatsapp.message.sent      hooks.acme-demo.test/kapso/whatsapp  pending     503      2  2026-11-20 14:32:21
            2026-11-20 14:30:06  whatsapp.message.received  hooks.acme-demo.test/kapso/whatsapp  delivered   200      1  2026-11-20 14:30:06
            
            """)
        #expect(ran.err == "2 items\n")
    }

    @Test func pagesWithNext() async throws {
        let runs = try await runDemo(["deliveries --period 30d --webhook 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92 --limit 3", "next"])
        #expect(runs[0].out == """
            TIME                 EVENT                      WEBHOOK                                   STATUS  HTTP  TRIES  LAST ATTEMPT
            2026-11-19 16:50:43  whatsapp.message.received  analytics.acme-demo.test/ingest/whatsapp  failed     -      4  2026-11-19 16:53:03
            2026-11-19 11:56:00  whatsapp.message.sent      analytics.acme-demo.test/ingest/whatsapp  failed   500      4  2026-11-19 11:58:20
            2026-11-19 11:35:24  whatsapp.message.received  analytics.acme-demo.test/ingest/whatsapp  failed   500      4  2026-11-19 11:37:44
            
            """)
        #expect(runs[1].out == """
            TIME                 EVENT                      WEBHOOK                                   STATUS  HTTP  TRIES  LAST ATTEMPT
            2026-11-19 11:24:31  whatsapp.message.sent      analytics.acme-demo.test/ingest/whatsapp  failed     -      4  2026-11-19 11:26:51
            2026-11-19 11:20:01  whatsapp.message.received  analytics.acme-demo.test/ingest/whatsapp  failed   500      4  2026-11-19 11:22:21
            2026-11-19 08:24:59  whatsapp.message.sent      analytics.acme-demo.test/ingest/whatsapp  failed   500      4  2026-11-19 08:27:19
            
            """)
        #expect(runs[1].err == "showing 3 items (more: next)\n")
    }

    @Test func filtersFailedDeliveriesOfOneEvent() async throws {
        let ran = try await runDemo("deliveries --period 7d --errors --event whatsapp.conversation.inactive")
        #expect(ran.out == """
            TIME                 EVENT                           WEBHOOK                                 STATUS  HTTP  TRIES  LAST ATTEMPT
            2026-11-20 06:44:20  whatsapp.conversation.inactive  ops.acme-demo.test/kapso/conversations  failed     -      4  2026-11-20 06:46:40
            2026-11-20 02:10:00  whatsapp.conversation.inactive  ops.acme-demo.test/kapso/conversations  failed     -      4  2026-11-20 02:12:20
            2026-11-19 23:40:00  whatsapp.conversation.inactive  ops.acme-demo.test/kapso/conversations  failed     -      4  2026-11-19 23:42:20
            2026-11-19 21:10:00  whatsapp.conversation.inactive  ops.acme-demo.test/kapso/conversations  failed     -      4  2026-11-19 21:12:20
            
            """)
    }

    @Test func unknownEventIsAUsageError() async throws {
        let ran = try await runDemo("deliveries --event message.received")
        #expect(ran.err == "error: deliveries: invalid event 'message.received'; expected an event name such as whatsapp.message.received ('help webhooks' lists them)\n")
        #expect(ran.status == 64)
    }

    @Test func allStreamsEveryPageAsNDJSON() async throws {
        let ran = try await runDemo(["output json", "deliveries --all --period 30d"])[1]
        let lines = ran.out.split(separator: "\n")
        #expect(lines.count == 350)
        #expect(lines.allSatisfy { (try? JSONValue.parse(String($0)))?.object?["webhook_id"] != nil })
        #expect(ran.err == "350 deliveries\n")
    }

    @Test func statsCountByStatusClassEventAndWebhook() async throws {
        let ran = try await runDemo("deliveries stats --period 30d")
        #expect(ran.out == """
            350 deliveries in the last 30d

            STATUS     COUNT
            delivered    272
            failed        77
            pending        1

            HTTP         COUNT
            2xx            272
            5xx             50
            no response     28

            EVENT                           COUNT
            whatsapp.message.received         184
            whatsapp.message.sent             160
            whatsapp.conversation.inactive      4
            whatsapp.message.failed             1
            whatsapp.phone_number.created       1

            WEBHOOK                               URL                                       TOTAL  FAILED  FAILURE RATE
            1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e  ops.acme-demo.test/kapso/conversations        4       4         100 %
            5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92  analytics.acme-demo.test/ingest/whatsapp     72      72         100 %
            0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d  hooks.acme-demo.test/kapso/whatsapp         201       1           0 %
            3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70  crm.acme-demo.test/kapso/events               1       0           0 %
            4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81  sales.acme-demo.test/webhooks/kapso          72       0           0 %
            
            """)
    }

    @Test func statsDrawBarsForAPerson() async throws {
        let runs = try await runDemo(["deliveries stats --period 30d"], interactive: true)
        #expect(runs[0].out.contains("delivered    272  ████████████████████████\n"))
    }
}

extension DeliveriesCommandTests {
    @Test func allInTableModeShowsTheHeaderOnce() async throws {
        let ran = try await runDemo("deliveries --all --period 30d --webhook 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
        let lines = ran.out.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("TIME ") }.count == 1)
        #expect(lines.count == 202)
        #expect(ran.err == "201 deliveries\n")
    }
}
