import Foundation
import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// tester63 AN5: `kops_incomplete.reason` was not the error line the command ended with for a 401 or a 404 on a later
/// page (the marker read "the API key was rejected by …", standard error "the key from … was rejected by …"; a 404 the
/// bare status where the error line said the endpoint every Kapso API has answered 404). Now both come from
/// `Shell.explained`: a log collector that keeps only standard output sees the diagnosis the terminal saw.
@Suite struct AN5IncompleteReasonTests {
    static let failures: [(status: Int, body: String)] = [
        (401, #"{"error":"Invalid API key"}"#), (404, #"{"error":"Not Found"}"#), (500, #"{"error":"boom"}"#),
    ]

    @Test(arguments: failures)
    func theMarkersReasonIsTheErrorLine(failure: (status: Int, body: String)) async throws {
        let ran = try await runStream("deliveries --all --output json", fixture: "webhook_deliveries.list.json") { _ in
            .json(status: failure.status, failure.body)
        }
        #expect(ran.status != .ok)
        let last = try #require(ran.out.split(separator: "\n").last)
        let reason = try #require(try JSONValue.parse(String(last))["kops_incomplete"]?["reason"]?.string)
        let line = try #require(ran.err.split(separator: "\n").last { $0.hasPrefix("error: ") })
        #expect("error: " + reason == String(line), "marker: \(reason)\nstderr: \(ran.err)")
    }
}
