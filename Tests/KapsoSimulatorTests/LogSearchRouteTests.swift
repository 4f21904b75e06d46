import Foundation
import Testing
@testable import KapsoSimulator

/// `GET|POST /platform/v1/log_search` and its catalogue over loopback (`docs/log-search.md`).
@Suite struct LogSearchRouteTests {
    private let search = "\(platform)/log_search"
    private let waba = "200300400500601"
    private let leeFailedReply = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="
    private let failingWebhook = "5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92"

    private func events(_ response: LoopbackClient.Response) -> [JSONValue] {
        response.json["data"]?["events"]?.arrayValue ?? []
    }

    private func strings(_ events: [JSONValue], _ field: String) -> [String] {
        events.compactMap { $0[field]?.stringValue }
    }

    @Test func externalAPILog_ShowsTheHistorySyncKeys404s() async throws {
        let response = try await withSimulator { simulator in
            try await get(simulator, "\(search)?source=external_api_log&filters%5Bphone_number_id%5D=\(waba)&limit=100")
        }
        let found = events(response)
        #expect(response.status == 200)
        #expect(response.json["data"]?["available"] == true)
        #expect(response.json["data"]?["source"] == "external_api_log")
        // The seed's sync fails every 30 minutes over the last 24 hours, on two paths.
        #expect(found.count == 48)
        #expect(Set(found.compactMap { $0["response_status"]?.intValue }) == [404])
        #expect(Set(strings(found, "api_key_name")) == ["history-sync"])
        #expect(
            Set(strings(found, "endpoint"))
                == ["/platform/v1/whatsapp/phone_numbers/\(waba)", "/meta/whatsapp/v24.0/\(waba)/messages"])
        #expect(found.allSatisfy { $0["level"] == "warning" && $0["status"] == "failed" })
        #expect(found.allSatisfy { ($0["request_id"]?.stringValue ?? "").hasPrefix("req_") })
        #expect(response.json["data"]?["pagination"]?["has_more"] == false)
        #expect(response.json["data"]?["pagination"]?["next_cursor"] == .null)
    }

    @Test func metaAndMessageEvents_ShowThe131047FailureBehindLeesReply() async throws {
        let id = QueryEncoding.escape(leeFailedReply)
        let (meta, messages) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                (
                    try client.request("GET", "\(search)?source=whatsapp_webhook_event&period=7d&filters%5Bwhatsapp_message_id%5D=\(id)"),
                    try client.request("GET", "\(search)?source=messages&period=7d&query=\(id)")
                )
            }
        }
        let metaEvents = events(meta)
        #expect(strings(metaEvents, "status") == ["failed", "sent"])
        #expect(Set(strings(metaEvents, "event_type")) == ["statuses"])
        let failed = try #require(metaEvents.first)
        #expect(failed["source"] == "whatsapp_webhook_event")
        #expect(failed["error_code"] == 131_047)
        #expect(failed["has_status_error"] == true)
        #expect(failed["phone_number_id"] == "100200300400501")
        let status = failed["payload"]?["entry"]?.arrayValue?.first?["changes"]?.arrayValue?.first?["value"]?["statuses"]?.arrayValue?.first
        #expect(status?["id"]?.stringValue == leeFailedReply)
        #expect(status?["errors"]?.arrayValue?.first?["code"] == 131_047)
        #expect(failed["payload"]?["entry"]?.arrayValue?.first?["id"] == .string(waba))

        #expect(messages.json["data"]?["source"] == "whatsapp_message_event")
        #expect(strings(events(messages), "event_type") == ["message.failed", "message.sent"])
        #expect(events(messages).first?["error_title"] == "Re-engagement message")
    }

    @Test func deliveries_ShowTheFailingWebhook_FilteredInABody() async throws {
        let body = #"{"source":"webhook_delivery","period":"7d","problems_only":true,"limit":100,"filters":[{"key":"webhook_id","value":"\#(failingWebhook)"}]}"#
        let response = try await withSimulator { simulator in
            try await requests(to: simulator) { try $0.request("POST", search, body: body) }
        }
        let found = events(response)
        #expect(response.status == 200)
        #expect(!found.isEmpty)
        #expect(Set(strings(found, "webhook_id")) == [failingWebhook])
        #expect(Set(strings(found, "status")).isSubset(of: ["failed", "pending"]))
        #expect(Set(strings(found, "error_class")).isSubset(of: ["http_error", "timeout"]))
        #expect(found.contains { $0["error_message"] == "HTTP 500" })
        #expect(found.allSatisfy { $0["attributes"]?["attempt_count"]?.intValue != nil })
    }

    @Test func problemsOnly_OverAllSources_ShowsEveryStory() async throws {
        let response = try await withSimulator { simulator in
            try await get(simulator, "\(search)?problems_only=true&period=7d&limit=100")
        }
        let found = events(response)
        #expect(Set(strings(found, "source")).isSuperset(of: ["external_api_log", "webhook_delivery"]))
        #expect(found.allSatisfy { $0["level"] != "info" })
        // Newest first across sources.
        let times = strings(found, "timestamp")
        #expect(times == times.sorted(by: >))
        // The 131047 failure is older than the first page reaches: a query finds it among the problems.
        let failure = try await withSimulator { simulator in
            try await get(simulator, "\(search)?problems_only=true&period=7d&query=131047")
        }
        #expect(Set(strings(events(failure), "source")) == ["external_api_log", "whatsapp_webhook_event", "whatsapp_message_event"])
    }

    @Test func cursorPaging_WalksToTheEndWithoutDuplicates_AndAgreesWithBigPages() async throws {
        let (small, big) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                func walk(limit: Int) throws -> [String] {
                    var ids: [String] = []
                    var cursor: String?
                    repeat {
                        let page = try client.request(
                            "GET", "\(search)?source=all&period=30d&problems_only=false&limit=\(limit)"
                                + (cursor.map { "&cursor=\($0)" } ?? ""))
                        ids += page.json["data"]?["events"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
                        cursor = page.json["data"]?["pagination"]?["next_cursor"]?.stringValue
                        if ids.count > 10_000 { break }
                    } while cursor != nil
                    return ids
                }
                // Each walk's own requests are logged newer than its cursor, so they never reach its later pages.
                return (try walk(limit: 7), try walk(limit: 100))
            }
        }
        #expect(small.count > 200)
        #expect(Set(small).count == small.count)
        #expect(Set(big).count == big.count)
        // The second walk started later, so it also sees the first walk's own API calls, all at its head.
        #expect(Array(big.suffix(small.count)) == small)
        #expect(big.prefix(big.count - small.count).allSatisfy { $0.hasPrefix("api_") })
    }

    @Test func cursors_AreBoundToTheirSearch() async throws {
        let (other, changedFilter, samePageSize, garbage) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                let first = try client.request("GET", "\(search)?period=7d&limit=5")
                let cursor = first.json["data"]?["pagination"]?["next_cursor"]?.stringValue ?? ""
                return (
                    try client.request("GET", "\(search)?period=7d&limit=5&source=api&cursor=\(cursor)"),
                    try client.request("POST", search, body: #"{"period":"7d","cursor":"\#(cursor)","filters":{"status":"failed"}}"#),
                    try client.request("POST", search, body: #"{"period":"7d","limit":20,"cursor":"\#(cursor)"}"#),
                    try client.request("GET", "\(search)?cursor=not-a-cursor")
                )
            }
        }
        #expect(other.status == 400)
        #expect(other.json["code"] == "cursor_mismatch")
        #expect(other.json["error"]?.stringValue?.contains("different search") == true)
        #expect(changedFilter.status == 400)
        #expect(samePageSize.status == 200)
        #expect(events(samePageSize).count == 20)
        #expect(garbage.status == 400)
        #expect(garbage.json == ["error": "Invalid cursor", "code": "invalid_cursor"])
    }

    /// Method, path suffix, body, the parameter `errors` names, words the message must contain.
    private static let badParameters: [(String, String, String?, String, String)] = [
        ("GET", "?filters%5Bwebhook%5D=x", nil, "filters", "Unknown filter key \"webhook\""),
        ("POST", "", #"{"filters":{"nope":1}}"#, "filters", "Unknown filter key \"nope\""),
        ("POST", "", #"{"filters":[{"value":1}]}"#, "filters", "needs a \"key\""),
        ("POST", "", #"{"filters":{"webhook_id":{"id":1}}}"#, "filters", "Filter \"webhook_id\" needs"),
        ("POST", "", #"{"filters":"webhook_id=1"}"#, "filters", "must be an array of {key, value} entries or an object"),
        ("GET", "?source=everything", nil, "source", "Unknown source \"everything\""),
        ("GET", "?period=1y", nil, "period", "Unknown period \"1y\""),
        ("GET", "?around=2026-11-20T09:15:00Z", nil, "around", "around needs period=context"),
        ("GET", "?period=context", nil, "around", "period=context needs around"),
        ("GET", "?period=context&around=yesterday", nil, "around", "must be a date-time"),
        ("GET", "?limit=0", nil, "limit", "from 1 to 100"),
        ("POST", "", #"{"limit":101}"#, "limit", "from 1 to 100"),
        ("GET", "?problems_only=maybe", nil, "problems_only", "true or false"),
        ("POST", "", #"{"query":7}"#, "query", "must be a string"),
        ("POST", "", #"[1]"#, "", "must be a JSON object"),
        ("GET", "?period=", nil, "period", "Unknown period \"\""),
        ("POST", "", #"{"source":null}"#, "source", "source must be a string"),
    ]

    // One simulator for the whole table: a simulator per case costs more than the cases.
    @Test func badParameters_Are422NamingTheParameter() async throws {
        let search = search
        let responses = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                try Self.badParameters.map { try client.request($0.0, search + $0.1, body: $0.2) }
            }
        }
        for (response, (method, suffix, body, parameter, words)) in zip(responses, Self.badParameters) {
            let input = "\(method) \(suffix) \(body ?? "")"
            #expect(response.status == 422, "\(input)")
            let message = response.json["error"]?.stringValue ?? ""
            #expect(message.contains(words), "\(input): \(message)")
            if !parameter.isEmpty { #expect(response.json["errors"]?[parameter] != nil, "\(input)") }
        }
    }

    @Test func unknownFilterKey_ListsTheCataloguesKeys() async throws {
        let (refused, catalog) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                (
                    try client.request("POST", search, body: #"{"filters":[{"key":"wamid","value":"x"}]}"#),
                    try client.request("GET", "\(search)/catalog")
                )
            }
        }
        let keys = catalog.json["data"]?["catalog"]?["filter_suggestions"]?.arrayValue?.compactMap { $0["param_key"]?.stringValue } ?? []
        #expect(keys.count >= 10)
        #expect(refused.json["error"]?.stringValue == "Unknown filter key \"wamid\"; known keys: \(keys.sorted().joined(separator: ", "))")
        let sources = catalog.json["data"]?["catalog"]?["sources"]?.arrayValue?.compactMap { $0["value"]?.stringValue } ?? []
        #expect(
            Set(sources).isSuperset(of: [
                "all", "external_api_log", "whatsapp_webhook_event", "whatsapp_message_event", "webhook_delivery",
                "flow_event", "function_invocation_event", "function_log_event",
            ]))
        #expect(catalog.json["data"]?["available"] == true)
        let endpoint = catalog.json["data"]?["catalog"]?["filter_suggestions"]?.arrayValue?.first { $0["key"] == "endpoint" }
        #expect(endpoint?["param_key"] == "endpoint_contains")
        #expect(endpoint?["sources"] == ["external_api_log"])
    }

    @Test func everySource_IsSearchable_FlowsAndFunctionsEmpty() async throws {
        let counts = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                try LogSearchCatalog.sources.map { source in
                    let page = try client.request("GET", "\(search)?source=\(source.value)&period=7d&limit=100")
                    return (source.value, page.status, page.json["data"]?["events"]?.arrayValue?.count ?? -1)
                }
            }
        }
        for (source, status, count) in counts {
            #expect(status == 200, "\(source)")
            let empty = ["flow_event", "function_invocation_event", "function_log_event", "functions"].contains(source)
            #expect(empty ? count == 0 : count > 0, "\(source): \(count)")
        }
    }

    @Test func getAndPost_GiveTheSameEvents() async throws {
        let (viaGet, viaPost) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                (
                    try client.request(
                        "GET", "\(search)?source=webhooks&period=7d&limit=30&query=message&filters%5Bwebhook_id%5D=\(failingWebhook)&filters%5Bresponse_status%5D=500"),
                    try client.request(
                        "POST", search,
                        body: #"{"source":"webhook_delivery","period":"7d","limit":30,"query":"MESSAGE","filters":{"webhook_id":"\#(failingWebhook)","response_status":500}}"#)
                )
            }
        }
        #expect(viaGet.status == 200)
        #expect(!events(viaGet).isEmpty)
        #expect(events(viaGet).allSatisfy { $0["response_status"] == 500 })
        #expect(viaGet.json["data"]?["events"] == viaPost.json["data"]?["events"])
        #expect(viaGet.json["data"]?["window"] == viaPost.json["data"]?["window"])
        let (emptyPost, plainGet) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                (try client.request("POST", search, contentType: nil), try client.request("GET", "\(search)?source=webhooks"))
            }
        }
        #expect(emptyPost.status == 200)
        #expect(emptyPost.json["data"]?["window"] == plainGet.json["data"]?["window"])
        #expect(events(emptyPost).count == 50)
    }

    @Test func writesDuringARun_ShowUpInLaterSearches() async throws {
        let send = "/meta/whatsapp/v24.0/100200300400501/messages"
        let toDana = #"{"messaging_product":"whatsapp","to":"14155550142","type":"text","text":{"body":"On its way"}}"#
        let (sent, delivered, apiCall, delivery) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                let wamid = try client.request("POST", send, body: toDana).json["messages"]?.arrayValue?.first?["id"]?.stringValue ?? ""
                let query = "\(search)?source=all&query=\(QueryEncoding.escape(wamid))"
                let sent = try client.request("GET", query)
                _ = try client.request("POST", "/__sim/clock/advance", body: #"{"seconds": 2}"#)
                let delivered = try client.request("GET", query)
                let apiCall = try client.request("GET", "\(search)?source=api&filters%5Bendpoint_contains%5D=/MESSAGES&limit=1")
                _ = try client.request("POST", "\(platform)/whatsapp/webhooks/\(failingWebhook)/test?event_type=whatsapp.message.received")
                let delivery = try client.request("GET", "\(search)?source=webhook_delivery&filters%5Bwebhook_id%5D=\(failingWebhook)&limit=1")
                return (sent, delivered, apiCall, delivery)
            }
        }
        #expect(Set(strings(events(sent), "event_type")) == ["message.sent", "statuses"])
        #expect(strings(events(delivered), "status").filter { $0 == "delivered" }.count == 2)
        #expect(events(apiCall).first?["http_method"] == "POST")
        #expect(events(apiCall).first?["endpoint"] == .string(send))
        #expect(events(apiCall).first?["timestamp"] == "2026-11-21T12:00:00Z")
        #expect(events(delivery).first?["timestamp"] == "2026-11-21T12:00:02Z")
        #expect(events(delivery).first?["event"] == "whatsapp.message.received")
    }

    @Test func highlights_MarkTheNamedEventAndResource() async throws {
        let response = try await withSimulator { simulator in
            try await get(
                simulator,
                "\(search)?period=context&around=2026-11-20T09:15:01Z&source=all&highlight_resource_id=\(QueryEncoding.escape(leeFailedReply))&highlight_event_id=api_8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d02")
        }
        let found = events(response)
        #expect(response.json["data"]?["window"] == ["since": "2026-11-20T08:15:01.000000Z", "until": "2026-11-20T10:15:01.000000Z"])
        let highlighted = found.filter { $0["highlighted"] == true }
        #expect(Set(strings(highlighted, "source")) == ["external_api_log", "whatsapp_webhook_event", "whatsapp_message_event"])
        #expect(highlighted.allSatisfy { $0["resource_id"]?.stringValue == leeFailedReply || $0["id"] == "api_8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d02" })
        #expect(highlighted.count == 5)
        #expect(found.count > highlighted.count)
        #expect(found.filter { $0["highlighted"] != nil }.count == highlighted.count)
    }

    @Test func unavailable_ByOptionAndByControlCall_Answers200AvailableFalse() async throws {
        let (byOption, catalog) = try await withSimulator(logSearchAvailable: false) { simulator in
            try await requests(to: simulator) { client in
                (try client.request("GET", "\(search)?source=meta&filters%5Bnope%5D=1"), try client.request("GET", "\(search)/catalog"))
            }
        }
        #expect(byOption.status == 200)
        #expect(byOption.json["data"]?["available"] == false)
        #expect(byOption.json["data"]?["source"] == "whatsapp_webhook_event")
        #expect(byOption.json["data"]?["events"] == [])
        #expect(byOption.json["data"]?["code"] == "log_search_unavailable")
        #expect(catalog.json == ["data": ["available": false, "events": []]])

        let (off, read, refused, on) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                _ = try client.request("POST", "/__sim/log_search", body: #"{"available": false}"#)
                let off = try client.request("POST", search, body: #"{"query":"x"}"#)
                let read = try client.request("GET", "/__sim/log_search")
                let refused = try client.request("POST", "/__sim/log_search", body: #"{"available": "no"}"#)
                _ = try client.request("POST", "/__sim/log_search", body: #"{"available": true}"#)
                return (off, read, refused, try client.request("POST", search, body: #"{"query":"x"}"#))
            }
        }
        #expect(off.json["data"]?["available"] == false)
        #expect(read.json == ["data": ["available": false]])
        #expect(refused.status == 422)
        #expect(on.json["data"]?["available"] == true)
    }
}
