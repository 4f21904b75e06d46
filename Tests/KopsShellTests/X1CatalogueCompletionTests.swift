import KapsoClient
import KopsShell
import Testing

/// tester55 X1: Tab completion of `logs search --source` / `--filter` listed the API's log-search catalogue as it came:
/// an OSC/CSI sequence in a source set the terminal's title and cleared the screen, and a filter key with one was
/// completed into the line. Catalogue values with control characters or spaces are not offered, as no id is.
@Suite struct X1CatalogueCompletionTests {
    @Test func aSourceOrFilterKeyWithControlsIsNoCandidate() throws {
        var ids = IDCache()
        let json = try JSONValue.parse(#"""
            {"data": {"available": true, "catalog": {
              "sources": [{"value": "all"}, {"value": "evil\u001b]0;PWNED\u0007\u001b[2J"}, {"value": "two words"},
                          {"value": "external_api_log", "label": "API calls", "aliases": ["api"]}],
              "filter_suggestions": [{"key": "request_id", "param_key": "request_id\u001b[41mRED"},
                                     {"key": "endpoint", "param_key": "endpoint_contains"}]}}}
            """#)
        ids.logSearchCatalog = try LogSearchCatalog(json: json)
        #expect(Completion.candidates(lineBeforeCursor: "logs search --source ", registry: .standard, ids: ids) == ["all", "external_api_log"])
        #expect(Completion.candidates(lineBeforeCursor: "logs search --filter ", registry: .standard, ids: ids) == ["endpoint_contains="])
    }
}
