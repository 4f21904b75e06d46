import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// Runs command lines in one shell on the real-world message-shapes seed (Support Line selected).
func runCases(_ lines: [String]) async throws -> [Ran] {
    let seed = SimulatorSeed.file(Fixtures.realWorldCases.appendingPathComponent("message-shapes.seed.json").path)
    return try await runDemo(lines, number: "100200300400501", seed: seed)
}

/// A table row's cells (columns are separated by two or more spaces).
func cells(_ row: String) -> [String] {
    row.split(separator: "  ", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

/// The message id of the case seed's row `H<n>` (`wamid.…BH21AAAA…`).
func caseID(_ row: String) -> String {
    "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQB\(row)AAAAAAAAAAAAAAAAAAAA="
}

/// Each row of `cases/real-world/README.md` (message-shapes seed) in `messages`, `message`, `trace` and `errors`.
@Suite struct RealWorldCasesTests {
    @Test(arguments: [
        ("H02", "reacted 👍 to \(caseID("H01"))"), ("H03", "reaction removed from \(caseID("H01"))"),
        ("H04", #"chose button "Confirm" (id btn_confirm)"#), ("H05", #"chose list row "Tomorrow 9-12" (Morning slot) (id row_2)"#),
        ("H06", "flow response 'flow': flow_token=tok, slot=am"), ("H07", #"button "Stop promotions" (payload STOP_PROMOS)"#),
        ("H08", #"location "Pickup point", 1 Market St, San Francisco, CA (37.7749, -122.4194)"#),
        ("H09", "shared contact Contact B"), ("H10", "animated sticker"),
        ("H11", "unsupported message (131051 Message type unknown)"),
        ("H12", "order of 2 items (1 product), 19.00 USD from catalog 300400500600701: Please deliver"),
        ("H13", "changed number to 14155550173"), ("H14", "Hello from a username-only user"),
    ])
    func messageAndTraceShowTheSummary(_ row: String, _ content: String) async throws {
        let runs = try await runCases(["message \(caseID(row))", "trace \(caseID(row))"])
        #expect(runs.map(\.status) == [0, 0])
        #expect(runs[0].out.contains("\ncontent:      \(content)\n"))
        #expect(runs[1].out.contains("\ncontent:      \(content)\n"))
    }

    @Test func messagesListsEveryShapeWithItsSummaryAndContact() async throws {
        let run = try await runCases(["messages --limit 20"])[0]
        // A failed run (a timeout under load) stops here instead of crashing the test process on an index.
        try #require(run.status == 0, "\(run.err)")
        let rows = run.out.split(separator: "\n").map(String.init)
        func row(_ id: String) -> [String] { cells(rows.first { $0.hasSuffix(caseID(id)) } ?? "") }
        #expect(row("H03")[5] == "reaction removed from \(caseID("H01"))")
        #expect(row("H10")[5] == "animated sticker")
        #expect(row("H11")[3] == "error 131051")
        #expect(row("H14")[4...5] == ["Contact A", "Hello from a username-only user"])
        #expect(row("H20")[3] == "failed 131026")
        #expect(row("H21")[3] == "delivered/failed 131026")
        #expect(run.err == "17 items\n")
    }

    @Test func theInboundUnsupportedMessageNamesItsError() async throws {
        let runs = try await runCases(["message \(caseID("H11"))", "trace \(caseID("H11"))"])
        #expect(runs[0].out.contains("\nerror:        131051 Message type unknown\n"))
        #expect(runs[1].out.contains("\nerrors on the received message:\n  error:   131051 Message type unknown\n"))
        #expect(runs[1].out.contains("\nverdict: received with error 131051 (unsupported message type): "))
    }

    @Test func aFailureFollowedByADeliveryIsNamedAsAConflict() async throws {
        let runs = try await runCases(["trace \(caseID("H21"))", "trace \(caseID("H20"))"])
        #expect(runs[0].out.contains("""
            2026-11-21T10:15:00Z  sent       +0 s
            2026-11-21T10:15:01Z  failed     +1 s   131026 message undeliverable
            2026-11-21T10:15:02Z  delivered  +2 s
            """))
        #expect(runs[0].out.contains(
            "\nverdict: delivered 2 s after sending, but a failed 131026 was recorded at 2026-11-21T10:15:01Z (1 s after sending): "
                + "WhatsApp reported both, so the outcome is not certain; confirm with the contact before any resend\n"))
        // H20 went to 14155550171 two minutes after H13 moved the contact to 14155550173: the failure is read as the move,
        // as `reply` reads it (probe21 P21-17), its meaning and fix still given.
        #expect(runs[1].out.contains(
            "\nverdict: failed: 131026 (message undeliverable): sent to +14155550171 2 min after the contact changed their number "
                + "to +14155550173 at 2026-11-21T10:12:00Z (user_changed_number)"), "\(runs[1].out)")
    }

    @Test func statusesStoredOutOfOrderAreShownAsTheyHappened() async throws {
        let out = try await runCases(["trace \(caseID("H22"))"])[0].out
        #expect(out.contains("""
            TIME                  STATUS     AFTER  DETAIL
            2026-11-21T10:16:00Z  sent       +0 s
            2026-11-21T10:16:02Z  delivered  +2 s
            2026-11-21T10:16:05Z  read       +5 s

            """))
        // Sent 4 min after the contact's notice that they moved to 14155550173 (H13): the read is whoever holds the old
        // number's, not necessarily the contact's (session 36, ContactWindow.Moved.reading; it said "read by the contact").
        #expect(out.contains("\nverdict: read 5 s after sending, by whoever holds +14155550171, not necessarily the contact: "
            + "the contact changed their number to +14155550173 at 2026-11-21T10:12:00Z (user_changed_number)"), "\(out)")
    }

    @Test func errorsListsEveryMessageWithAFailureOrAnErrorWhateverItsFinalStatus() async throws {
        let run = try await runCases(["errors --source message --period 7d --flat"])[0]
        let rows = run.out.split(separator: "\n").map { cells(String($0)) }
        try #require(rows.count == 4, "\(run.err)")
        #expect(rows[1][2...3] == ["message to 14155550171 (text, now delivered)", "131026 Receiver is incapable of receiving this message"])
        #expect(rows[2][2...3] == ["message to 14155550171 (text)", "131026 Receiver is incapable of receiving this message"])
        #expect(rows[3][2...3] == ["message from 14155550171 (unsupported)", "131051 Message type unknown"])
        // The unsupported message the contact sent is listed, as a received message with errors, not a failure (P21-13).
        #expect(run.err == "2 failures and 1 received message with errors in the last 7d\n")
    }
}

/// The issue's bad input through the real commands: 10,000 statuses, a 5 MB text body, a status without
/// a timestamp, a code of null, an unknown type, a type object of the wrong JSON type.
@Suite struct BadMessageInputTests {
    static func seed() throws -> String {
        let id = "wamid.BADINPUT0001"
        let statuses = (0..<10_000).map { index in
            #"{"status":"\#(index == 9_999 ? "delivered" : "sent")","timestamp":"\#(1_795_256_000 + index)","recipient_id":"14155550171"}"#
        }
        let failedNoCode = #"{"status":"failed","recipient_id":"14155550171","errors":[{"code":null,"title":"Something odd"}]}"#
        let body = String(repeating: "lorem ipsum ", count: 440_000)
        let kapso = #""phone_number":"14155550171","phone_number_id":"100200300400501","whatsapp_conversation_id":"0a1b2c3d-0000-4000-8000-000000000171""#
        let messages = [
            #"{"id":"\#(id)","timestamp":"1795256000","type":"text","to":"14155550171","text":{"body":"\#(body)"},"kapso":{"direction":"outbound","status":"delivered",\#(kapso),"statuses":[\#(statuses.joined(separator: ",")),\#(failedNoCode)]}}"#,
            #"{"id":"wamid.BADINPUT0002","timestamp":"1795256100","type":"hologram","from":"14155550171","kapso":{"direction":"inbound","status":"received",\#(kapso)}}"#,
            #"{"id":"wamid.BADINPUT0003","timestamp":"1795256200","type":"location","location":"here","from":"14155550171","kapso":{"direction":"inbound","status":"received",\#(kapso)}}"#,
        ]
        let json = #"{"phone_numbers":[],"messages":[\#(messages.joined(separator: ","))]}"#
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kops-bad-input-\(UUID().uuidString).json").path
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func showsBadInputAsWellAsItCanWithoutAConfidentWrongVerdict() async throws {
        let path = try Self.seed()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let runs = try await runDemo(
            ["messages", "message wamid.BADINPUT0001", "trace wamid.BADINPUT0001", "errors --source message --period 7d"],
            number: nil, seed: .file(path))
        #expect(runs.map(\.status) == [0, 0, 0, 0])
        #expect(runs[0].out.contains("unknown type 'hologram'"))
        #expect(runs[0].out.contains("location ('location' is a string, not an object)"))
        #expect(runs[1].out.contains("more characters)\n"))
        #expect(runs[1].out.count < 5_000, "a 5 MB body is cut, not printed")
        #expect(runs[2].out.contains("… 9961 more statuses"))
        #expect(runs[2].out.contains("1 status has no timestamp"))
        #expect(runs[2].out.contains(
            "verdict: delivered and failure without an error code were both recorded, and the failure without an error code "
                + "has no timestamp, so which came last is unknown: whether the contact has it is uncertain; ask them before any resend\n"))
        #expect(runs[2].out.contains("no error code: Something odd"))
        #expect(!runs[2].out.contains("explain"))
        #expect(runs[3].out.contains("no error code: Something odd"))
    }
}
