import Testing
@testable import KapsoSimulator

@Suite struct CursorListTests {
    @Test func deliveries_MatchFixture() async throws {
        let (main, paused) = try await withSimulator { simulator in
            (
                try await get(simulator, "\(platform)/webhook_deliveries?period=7d&limit=100&webhook_id=0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
                try await get(simulator, "\(platform)/webhook_deliveries?period=7d&webhook_id=1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e")
            )
        }
        try expectShape(of: main.json, like: "webhook_deliveries.list.json")
        try expectShape(of: paused.json, like: "webhook_deliveries.list.json")
        let ids = main.json["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        #expect(ids.contains("7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c02"))
        #expect(paused.json["data"]?.arrayValue?.allSatisfy { $0["response_status"] == .null } == true)
    }

    @Test func deliveries_FilterByStatusAndErrors() async throws {
        let (failed, errors) = try await withSimulator { simulator in
            (
                try await get(simulator, "\(platform)/webhook_deliveries?status=failed&period=30d&limit=100"),
                try await get(simulator, "\(platform)/webhook_deliveries?errors_only=true&period=30d&limit=100")
            )
        }
        let statuses = Set(failed.json["data"]?.arrayValue?.compactMap { $0["status"]?.stringValue } ?? [])
        #expect(statuses == ["failed"])
        #expect(errors.json["data"]?.arrayValue?.count == failed.json["data"]?.arrayValue?.count)
    }

    @Test func apiLogs_MatchFixture_AndShowWrongNumber404s() async throws {
        let (all, notFound) = try await withSimulator { simulator in
            (
                try await get(simulator, "\(platform)/api_logs?period=7d&limit=100&endpoint=/meta/whatsapp/v24.0/100200300400501"),
                try await get(simulator, "\(platform)/api_logs?status_code=404&limit=100")
            )
        }
        try expectShape(of: all.json, like: "api_logs.list.json")
        let wrongIDs = notFound.json["data"]?.arrayValue?.compactMap { $0["endpoint"]?.stringValue } ?? []
        #expect(wrongIDs.count >= 40)
        #expect(wrongIDs.allSatisfy { $0.contains("200300400500601") })
    }

    @Test func messages_MatchFixture_NewestFirst() async throws {
        let response = try await withSimulator {
            try await get($0, "\(platform)/whatsapp/messages?phone_number_id=100200300400501&limit=100")
        }
        try expectShape(of: response.json, like: "messages.list.json")
        let times = response.json["data"]?.arrayValue?.compactMap { $0["timestamp"]?.stringValue.flatMap { Int($0) } } ?? []
        #expect(times == times.sorted(by: >))
    }

    @Test func failedMessage_ByPercentEncodedWAMID_MatchesFixture() async throws {
        let wamid = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA%3D"
        let response = try await withSimulator { try await get($0, "\(platform)/whatsapp/messages/\(wamid)") }
        #expect(response.status == 200)
        #expect(response.json == (try Fixtures.json("message.failed_131047.json")))
    }

    @Test func conversations_MatchFixture() async throws {
        let response = try await withSimulator { try await get($0, "\(platform)/whatsapp/conversations?limit=100") }
        try expectShape(of: response.json, like: "conversations.list.json")
        let lee = try await withSimulator {
            try await get($0, "\(platform)/whatsapp/conversations/e5a6c7d8-4f5b-4c6d-8e7f-901234567890")
        }
        #expect(lee.json["data"]?["kapso"]?["last_inbound_at"] == "2026-11-19T07:15:00Z")
        #expect(lee.json["data"]?["kapso"]?["messages_count"] == 3)
    }

    @Test func walkingCursors_VisitsEveryMessageOnce() async throws {
        let (walked, total, back) = try await withSimulator { simulator in
            try await requests(to: simulator) { client -> ([String], Int, [String]) in
                var ids: [String] = []
                var after: String?
                var pages: [JSONValue] = []
                repeat {
                    let query = after.map { "&after=\(QueryEncoding.escape($0))" } ?? ""
                    let page = try client.request("GET", "\(platform)/whatsapp/messages?limit=37\(query)").json
                    pages.append(page)
                    ids += page["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
                    after = page["paging"]?["next"]?.stringValue
                } while after != nil
                let legacy = try client.request("GET", "\(platform)/whatsapp/messages?per_page=1").json
                let previous = pages[1]["paging"]?["previous"]?.stringValue ?? ""
                let back = try client.request("GET", "\(platform)/whatsapp/messages?limit=37&before=\(QueryEncoding.escape(previous))").json
                return (ids, legacy["meta"]?["total_count"]?.intValue ?? -1, back["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? [])
            }
        }
        #expect(walked.count == total)
        #expect(Set(walked).count == walked.count)
        #expect(back == Array(walked.prefix(37)))
    }

    @Test(arguments: ["limit=0", "limit=101", "limit=abc"])
    func badLimit_Returns400(_ query: String) async throws {
        let response = try await withSimulator { try await get($0, "\(platform)/webhook_deliveries?\(query)") }
        #expect(response.status == 400)
        #expect(response.json == ["error": "Invalid limit parameter"])
    }

    @Test(arguments: ["after=not-a-cursor", "before=eyJmb28iOjF9"])
    func badCursor_Returns400(_ query: String) async throws {
        let response = try await withSimulator { try await get($0, "\(platform)/api_logs?\(query)") }
        #expect(response.status == 400)
        #expect(response.json == ["error": "Invalid cursor"])
    }
}
