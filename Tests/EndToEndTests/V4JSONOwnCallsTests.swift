import Foundation
import KapsoClient
import KopsTestSupport
import Testing

@testable import KopsShell

/// tester65 V4 (b): U2's set-aside of kops's own calls' ids and U11's order reached the table only. `logs --output json`
/// after `trace` failed every fresh-state check (each own row's `"id"`, two concurrent calls swapped), and so did
/// `logs --errors --flat --ids` as JSON (`id`, the `before`/`after`/`next` cursors) and `--output expanded` (`LOG ID:`,
/// `REQUEST ID:`). Live, the table and the JSON listed the same rows in different orders.
@Suite struct V4JSONOwnCallsTests {
    static let wamid = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="
    static let mistyped = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBZZZ"

    static func expectClean(_ run: FreshStateChecks, _ reader: String) {
        #expect(run.transcript.contains("> " + reader), "\(run.recorded.stderr)")
        for (index, check) in run.checks.enumerated() {
            #expect(check.status == 0, "check \(index + 1): \(check.stdout)\(check.stderr)")
            #expect(check.stderr.contains("output unchanged"), "check \(index + 1): \(check.stdout)\(check.stderr)")
        }
    }

    @Test func jsonPageAfterTraceChecksCleanEachTime() async throws {
        let reader = "logs --limit 12 --output json"
        let script = ["use 100200300400501", "trace \(Self.wamid)", reader].joined(separator: "\n") + "\n"
        Self.expectClean(try await FreshStateChecks.run(script: script, checks: 3), reader)
    }

    @Test(arguments: ["logs --errors --flat --ids --output json", "logs --errors --flat --ids --output expanded"])
    func failedCallsAfterALookUpCheckCleanEachTime(reader: String) async throws {
        let script = ["set on_error continue", "use 100200300400501", "message \(Self.mistyped)", reader].joined(separator: "\n") + "\n"
        Self.expectClean(try await FreshStateChecks.run(script: script, checks: 3), reader)
    }

    // MARK: - What is set aside, and what is not

    static func object(id: String, endpoint: String = "/x", time: String = "2026-11-21T12:00:00Z", own: Bool) -> [String] {
        ["    {", "      \"id\": \"\(id)\",", "      \"endpoint\": \"\(endpoint)\",", "      \"created_at\": \"\(time)\","]
            + (own ? ["      \"api_key_name\": \"kapso-sim\",", "      \"kops_own\": true"] : ["      \"api_key_name\": \"kapso-sim\""])
            + ["    },"]
    }

    static func page(_ objects: [[String]], next: String) -> [String] {
        ["```kops", "kops> logs --output json", "{", "  \"data\": ["] + objects.flatMap { $0 }
            + ["  ],", "  \"paging\": {", "    \"next\": \"\(next)\"", "  }", "}", "```"]
    }

    static func cursor(_ id: String) -> String {
        Data("{\"values\":[\"2026-11-21T12:00:00.000000Z\",\"\(id)\"],\"columns\":[\"created_at\",\"id\"]}".utf8).base64EncodedString()
    }

    static func setAside(_ old: [String], _ new: [String]) -> Bool {
        let (expected, actual) = (old.map { Substring($0) }, new.map { Substring($0) })
        let hunks = LineDiff.hunks(expected, actual)
        return !hunks.isEmpty && TranscriptChecker.withoutOwnCallIDs(hunks, expected: expected, actual: actual).kept.isEmpty
    }

    static let (a, b, seed) = ("00000000-0000-4000-8000-000000000002", "00000000-0000-4000-8000-000000000060", "7ed5bbdc-cce7-4247-83e8-af1e02f2d47a")

    @Test func ownCallsIDsTimesAndCursorsAreSetAside() {
        let recorded = Self.page([Self.object(id: Self.a, own: true)], next: Self.cursor(Self.a))
        let replayed = Self.page([Self.object(id: Self.b, time: "2026-11-21T12:00:01Z", own: true)], next: Self.cursor(Self.b))
        #expect(Self.setAside(recorded, replayed))
    }

    @Test func anotherClientsIDsAndOwnCallsOtherFieldsStillDiffer() {
        // Another client's call: its id is the data.
        #expect(!Self.setAside(
            Self.page([Self.object(id: Self.seed, own: false)], next: "x"), Self.page([Self.object(id: Self.b, own: false)], next: "x")))
        // kops's own call to another path.
        #expect(!Self.setAside(
            Self.page([Self.object(id: Self.a, own: true)], next: "x"),
            Self.page([Self.object(id: Self.b, endpoint: "/y", own: true)], next: "x")))
        // A cursor at another client's call.
        let own = [Self.object(id: Self.a, own: true), Self.object(id: Self.seed, own: false)]
        #expect(!Self.setAside(Self.page(own, next: Self.cursor(Self.seed)), Self.page(own, next: Self.cursor(Self.b + "0"))))
        // The mark itself gone.
        #expect(!Self.setAside(Self.page([Self.object(id: Self.a, own: true)], next: "x"), Self.page([Self.object(id: Self.b, own: false)], next: "x")))
    }

    @Test func expandedRecordsOfOwnCallsOnly() {
        func record(_ id: String, key: String) -> [String] {
            ["-[ RECORD 1 ]-", "TIME:           2026-11-21T12:00:00Z", "LOG ID:         \(id)", "REQUEST ID:     req_\(id.filter { $0 != "-" })",
             "METHOD:         GET", "KEY:            \(key)"]
        }
        #expect(Self.setAside(record(Self.a, key: "kapso-sim (kops)"), record(Self.b, key: "kapso-sim (kops)")))
        #expect(!Self.setAside(record(Self.seed, key: "history-sync"), record(Self.b, key: "history-sync")))
    }

    /// Live: the JSON lists the page's rows in the table's order (U11's).
    @Test func jsonFollowsTheTablesOrder() throws {
        func log(_ id: String, _ path: String) -> JSONValue {
            ["id": .string(id), "http_method": "GET", "endpoint": .string(path), "response_status": 200, "created_at": "2026-11-21T12:00:00Z"]
        }
        let json: JSONValue = ["data": [log("a", "/z"), log("b", "/a")]]
        let items = try (json["data"]?.array ?? []).map { try APILog(json: $0.object ?? [:]) }
        let order = LogsCommand.ordered(json, LogsCommand.ownCallOrder(items, own: ["a", "b"]))
        #expect(order["data"]?.array?.map { $0["id"]?.string ?? "" } == ["b", "a"])
        #expect(LogsCommand.ordered(json, LogsCommand.ownCallOrder(items, own: [])) == json)
    }
}
