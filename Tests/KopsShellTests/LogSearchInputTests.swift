import KapsoClient
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// `logs search` input that is wrong before anything is sent: one line naming what and what to do, exit 64,
/// no request.
@Suite struct LogSearchInputTests {
    @Test(arguments: [
        (["logs", "search", "--filter", "response_status"],
         "error: logs search: malformed filter 'response_status'; write --filter KEY=VALUE, e.g. --filter response_status=404\n"),
        (["logs", "search", "--filter", "=404"],
         "error: logs search: malformed filter '=404'; write --filter KEY=VALUE, e.g. --filter response_status=404\n"),
        (["logs", "search", "--filter", "status="],
         "error: logs search: malformed filter 'status='; write --filter KEY=VALUE, e.g. --filter response_status=404\n"),
        (["logs", "search", "--filter", "status=failed", "--filter", "status=sent"],
         "error: logs search: filter 'status' given twice; give each key once\n"),
        (["logs", "search", "--period", "7d", "--around", "2026-11-21T11:35:00Z"],
         "error: logs search: --period and --around do not go together; --around searches an hour either side of its moment\n"),
        (["logs", "search", "--follow", "--all"], "error: logs search: --follow and --all do not go together; use one of them\n"),
        (["logs", "search", "--errors"],
         "error: logs search: --errors belongs to 'logs' (API calls); with search use --filter or --problems instead\n"),
        (["logs", "--problems"], "error: logs: --problems belongs to 'logs search'; write 'logs search --problems ...'\n"),
        (["logs", "--source", "api"], "error: logs: --source belongs to 'logs search'; write 'logs search --source ...'\n"),
        (["logs", "serch"], "error: logs: invalid subcommand 'serch'; expected 'search' or flags\n"),
        (["logs", "search", "--limit", "500"],
         "error: logs: invalid value for --limit '500'; expected a whole number from 1 to 100\n"),
    ])
    func badInputIsOneLineAndSendsNothing(words: [String], message: String) {
        let ran = OfflineShell.run(words)
        #expect(ran.err == message)
        #expect(ran.status == .usage)
        #expect(ran.out == "")
        #expect(ran.requests == 0)
    }

    @Test func aScriptStopsAtTheLineWithTheBadFilter() {
        let offline = OfflineShell()
        let outcome = ScriptRunner(path: "search.kops", source: "set a 1\nlogs search --filter nokey\nset b 2\n").run(on: offline.shell)
        #expect(outcome.status == .usage)
        #expect(offline.output.err.hasPrefix("search.kops:2: error: logs search: malformed filter 'nokey'"))
        #expect(offline.shell.context.session.variables["b"] == nil)
    }
}

@Suite struct LogSearchCompletionTests {
    private func candidates(_ line: String, ids: IDCache = IDCache()) -> [String] {
        Completion.candidates(lineBeforeCursor: line, registry: .standard, ids: ids)
    }

    @Test func searchIsOfferedAfterLogs() {
        #expect(candidates("logs ") == ["search"])
    }

    @Test func sourcesAndFilterKeysComeFromTheCatalogueOnceFetched() throws {
        #expect(candidates("logs search --source ").contains("whatsapp_webhook_event"))
        #expect(candidates("logs search --filter ").contains("request_id="))
        var ids = IDCache()
        let json = try JSONValue.parse("""
            {"data": {"available": true, "catalog": {"sources": [{"value": "all"}, {"value": "custom_source", "aliases": ["c"]}],
              "filter_suggestions": [{"key": "custom_key"}, {"key": "endpoint", "param_key": "endpoint_contains"}]}}}
            """)
        ids.logSearchCatalog = try LogSearchCatalog(json: json)
        #expect(candidates("logs search --source ", ids: ids) == ["all", "custom_source"])
        // The key `filters` takes is `param_key` when the catalogue gives one (Kapso's spec example).
        #expect(candidates("logs search --filter ", ids: ids) == ["custom_key=", "endpoint_contains="])
        ids.clear()
        #expect(ids.logSearchCatalog == nil)
    }

    @Test func wamidsInASearchAreOfferedToTraceNext() throws {
        var ids = IDCache()
        let page = try JSONValue.parse("""
            {"data": {"available": true, "events": [
              {"id": "e2", "source": "whatsapp_webhook_event", "whatsapp_message_id": "wamid.NEW"},
              {"id": "e1", "source": "external_api_log", "request_id": "req_1"},
              {"id": "e0", "source": "whatsapp_message_event", "whatsapp_message_id": "wamid.OLD\\u001b[2J"}]}}
            """)
        ids.harvest(command: "logs", json: page)
        #expect(candidates("trace ", ids: ids) == ["wamid.NEW"])
    }

    @Test func aroundOffersRecentMessages() {
        var ids = IDCache()
        ids.remember("wamid.A", as: .message)
        #expect(candidates("logs search --around ", ids: ids) == ["wamid.A"])
    }
}
