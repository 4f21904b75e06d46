import Foundation
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

    /// A file name is the terminal's text too: one with an escape sequence is not offered for `--file`.
    @Test func aFileNameWithControlsIsNoCandidate() throws {
        let folder = NSTemporaryDirectory() + "kops-x1-\(UInt32.random(in: 0...UInt32.max))/"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["evil\u{1B}]0;PWNED\u{07}.kops", "plain.kops"] {
            FileManager.default.createFile(atPath: folder + name, contents: Data())
        }
        #expect(Completion.candidates(lineBeforeCursor: "verify --file \(folder)", registry: .standard) == [folder + "plain.kops"])
    }
}
