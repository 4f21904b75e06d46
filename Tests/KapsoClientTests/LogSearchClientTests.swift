import KapsoClient
import KopsHTTP
import KopsTestSupport
import Testing

@Suite struct LogSearchClientTests {
    private func client(_ transport: StubTransport) -> KapsoClient {
        KapsoClient(baseURL: "https://api.kapso.ai", apiKey: Secret("sk_test_abcdef"), transport: transport)
    }

    private static let page = """
        {"data": {"available": true, "source": "all",
          "window": {"since": "2026-11-20T12:00:00.000000Z", "until": "2026-11-21T12:00:00.000000Z"},
          "events": [{"id": "ev_2", "source": "external_api_log", "timestamp": "2026-11-21T11:35:00Z", "response_status": 404},
                     {"id": "ev_1", "source": "whatsapp_webhook_event", "timestamp": "2026-11-21T11:30:00Z",
                      "status": "failed", "error_code": 131047}],
          "pagination": {"has_more": true, "next_cursor": "c2"}}}
        """

    @Test func aSearchWithoutFiltersIsAGetWithItsParametersInOrder() throws {
        let stub = StubTransport(status: 200, body: Self.page)
        let search = LogSearchQuery(query: "wamid.X", source: "all", period: "7d", problemsOnly: true, limit: 20, cursor: "c1")
        guard case .page(let page) = try client(stub).logSearch(search) else { Issue.record("not a page"); return }
        #expect(stub.requests[0].method == "GET")
        #expect(stub.requests[0].url
            == "https://api.kapso.ai/platform/v1/log_search?query=wamid.X&source=all&period=7d&problems_only=true&limit=20&cursor=c1")
        #expect(page.events.map(\.id) == ["ev_2", "ev_1"])
        #expect(page.nextCursor == "c2" && page.since == "2026-11-20T12:00:00.000000Z")
        #expect(page.events[1].text("error_code") == "131047")
        #expect(page.page.nextPageQuery.map { $0.map(\.1) } == ["c2"])
    }

    @Test func filtersSendAReadOnlyPostWithTypedValues() throws {
        let stub = StubTransport(status: 200, body: Self.page)
        let search = LogSearchQuery(
            source: "external_api_log", filters: [("response_status", "404"), ("has_status_error", "true"), ("request_id", "req_0a1")])
        _ = try client(stub).logSearch(search)
        let request = stub.requests[0]
        #expect(request.method == "POST" && request.url == "https://api.kapso.ai/platform/v1/log_search")
        #expect(!request.isWrite)
        let body = try JSONValue.parse(request.body ?? [])
        #expect(body["source"]?.string == "external_api_log")
        #expect(body["filters"]?[0]?["value"] == .number("404"))
        #expect(body["filters"]?[1]?["value"] == .bool(true))
        #expect(body["filters"]?[2]?["value"]?.string == "req_0a1")
    }

    @Test func availableFalseIsItsOwnAnswerNotAnEmptyPage() throws {
        let body = """
            {"data": {"available": false, "source": "all", "window": null, "events": [],
              "pagination": {"has_more": false, "next_cursor": null},
              "error": "Log search is not enabled for this project", "code": "log_search_unavailable"}}
            """
        let result = try client(StubTransport(status: 200, body: body)).logSearch(LogSearchQuery())
        guard case .unavailable(let message, let code) = result else { Issue.record("read as a page"); return }
        #expect(message == "Log search is not enabled for this project" && code == "log_search_unavailable")
    }

    @Test func theLastPageHasNoCursorEvenIfOneIsSent() throws {
        let body = #"{"data": {"available": true, "events": [], "pagination": {"has_more": false, "next_cursor": "stale"}}}"#
        guard case .page(let page) = try client(StubTransport(status: 200, body: body)).logSearch(LogSearchQuery()) else { return }
        #expect(page.nextCursor == nil && !page.page.hasMore)
    }

    @Test(arguments: [
        #"{"data": {"available": true}}"#, #"{"data": {"available": true, "events": [{"id": "x"}]}}"#, #"{"events": []}"#,
    ])
    func aBadShapeIsAnError(body: String) {
        #expect(throws: KapsoAPIError.self) { try client(StubTransport(status: 200, body: body)).logSearch(LogSearchQuery()) }
    }

    @Test func theCatalogueListsSourcesAliasesAndFilterKeys() throws {
        let body = """
            {"data": {"available": true, "catalog": {
              "sources": [{"value": "all", "label": "All"}, {"value": "external_api_log", "label": "API calls", "aliases": ["api"]}],
              "filter_suggestions": [{"key": "request_id", "sources": ["external_api_log"]}, {"key": "webhook_id"}],
              "detail_fields": ["endpoint"]}}}
            """
        let stub = StubTransport(status: 200, body: body)
        let catalog = try client(stub).logSearchCatalog()
        #expect(stub.requests[0].url == "https://api.kapso.ai/platform/v1/log_search/catalog")
        #expect(catalog.available)
        #expect(catalog.sourceNames == ["all", "external_api_log", "api"])
        #expect(catalog.filterKeys == ["request_id", "webhook_id"])
        let off = try client(StubTransport(status: 200, body: #"{"data": {"available": false, "catalog": null}}"#)).logSearchCatalog()
        #expect(!off.available && off.sources.isEmpty)
    }
}
