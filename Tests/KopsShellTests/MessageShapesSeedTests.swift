import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// `trace`, `messages`, `errors` and `explain` on real WhatsApp message shapes (probe5's `shapes2` seed, cut to the
/// messages of findings P5-6–P5-14 and kept as `Tests/Seeds/message-shapes.seed.json`).
@Suite struct MessageShapesSeedTests {
    static var seed: SimulatorSeed { TestSeeds.file("message-shapes.seed.json") }

    /// The seed's message `N<nn>` (01–20 inbound, 40–62 outbound, as probe5 numbered them).
    static func id(_ number: Int) -> String {
        "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBN\(number)AAAAAAAAAAAAAAAAAAAA="
    }

    func run(_ lines: [String]) async throws -> [Ran] {
        try await runDemo(lines, number: "100200300400501", seed: Self.seed)
    }

    /// P5-7: N53's warning is the verdict; `errors` counts it as a warning of a listed message, not a failure.
    @Test func aWarningIsNamedAndNotCountedAsAFailure() async throws {
        let runs = try await run(["trace \(Self.id(53))", "errors", "errors --flat", "messages"])
        let row = try #require(runs[3].out.split(separator: "\n").first { $0.contains(Self.id(53)) })
        #expect(row.contains(" sent/warning 131009 "), "\(row)")
        #expect(runs[0].out.contains(
            "verdict: warning 131009 (parameter value invalid) 1 s after sending: \"Product retailer id not found\"; Meta's "
                + "On-Premises API sends a warning when the message names a catalog item that is not available or does not exist "
                + "(the Cloud API's status reference lists no warning)"), "\(runs[0].out)")
        #expect(!runs[0].out.contains("phone may be offline"))
        let hints = runs[1].out + runs[1].err
        // The ephemeral message the contact sent (131051) is a received message with errors, no failure (probe21 P21-13).
        #expect(hints.contains("of 3 failures, 1 warning and 1 received message with errors in the last 30d"), "\(hints)")
        #expect(hints.contains("Meta's webhooks (log search): 3 failed statuses and 1 warning, all for messages above"))
        #expect(!hints.contains("not among the messages"))
        #expect((runs[2].out + runs[2].err).contains("3 failures, 1 warning and 1 received message with errors in the last 30d"), "\(runs[2].err)")
        // The JSON counts them as the footers do.
        for line in ["errors --output json", "errors --flat --output json"] {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(try await run([line])[0].out.utf8)) as? [String: Any])
            #expect(
                json["failures"] as? Int == 3 && json["warnings"] as? Int == 1 && json["received_with_errors"] as? Int == 1,
                "\(line): \(json["failures"] ?? "-")")
        }
    }

    /// P5-12: N49's failed status with 131000, 131026 and 131053 is one failure under 131026 everywhere.
    @Test func oneStatusWithSeveralErrorsIsOneFailureUnderOneCode() async throws {
        let runs = try await run(["trace \(Self.id(49))", "messages", "errors --flat"])
        #expect(runs[0].out.contains("verdict: failed: 131026 (message undeliverable) (also 131000, 131053, listed first: 131000 is Meta's generic \"something went wrong\", so the specific code beside it is read as the cause); "), "\(runs[0].out)")
        #expect(runs[0].out.contains("Meta status failed: 131026 Message undeliverable"))
        #expect(runs[1].out.contains("failed 131026"), "\(runs[1].out)")
        #expect(!runs[1].out.contains("failed 131000"))
        #expect(runs[2].out.components(separatedBy: "131053 Media upload error").count == 2, "one row: \(runs[2].out)")
        #expect(runs[2].out.contains("131026 Message undeliverable"))
    }

    /// P5-8, P5-9: N43 (a template refused with 131047) is not told to send a template; N48's 470 runs the window check.
    @Test func theWindowCodesOnATemplateAndInTheirLegacyForm() async throws {
        let runs = try await run(["trace \(Self.id(43))", "trace \(Self.id(48))", "errors"])
        #expect(runs[0].out.contains("verdict: failed: 131047 (re-engagement (24 h window closed)) on a template: "), "\(runs[0].out)")
        #expect(!runs[0].out.contains("send an approved template"))
        #expect(runs[1].out.contains("verdict: failed: 470 (Meta: 24-hour window closed), yet the contact's last inbound here was 19 min before the send"), "\(runs[1].out)")
        #expect(runs[2].out.contains("re-engagement (24 h window closed) on a template: the message was already a template"), "\(runs[2].out)")
        #expect(runs[2].out.contains("re-engagement (24 h window closed; legacy code 470)"))
    }

    /// P5-13: `deleted` is named; `played` shows in the STATUS column while the JSON keeps Kapso's `read`.
    @Test func deletedIsNamedAndPlayedIsShown() async throws {
        let runs = try await run(["trace \(Self.id(52))", "messages", "messages --output json"])
        #expect(runs[0].out.contains("verdict: delivered 1 s after sending, not read yet; a 'deleted' status 30 s after sending: "), "\(runs[0].out)")
        let rows = runs[1].out.split(separator: "\n")
        for number in [54, 55] {
            let row = try #require(rows.first { $0.contains(Self.id(number)) }, "\(runs[1].out)")
            #expect(row.contains(" played "), "\(row)")
        }
        // Only the word shown changes: the JSON keeps Kapso's `kapso.status`.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(runs[2].out.utf8)) as? [String: Any])
        let data = try #require(json["data"] as? [[String: Any]])
        for number in [54, 55] {
            let item = try #require(data.first { $0["id"] as? String == Self.id(number) })
            #expect((item["kapso"] as? [String: Any])?["status"] as? String == "read")
        }
    }

    /// P5-14: an address reply and a disappearing message read as what they are.
    @Test func addressAndDisappearingMessages() async throws {
        let runs = try await run(["messages", "trace \(Self.id(13))"])
        #expect(runs[0].out.contains("address: Ana, +14155550171, 1 Market St, San Francisco, 400063"), "\(runs[0].out)")
        #expect(runs[0].out.contains("unsupported message: a disappearing (ephemeral) message"))
        #expect(runs[1].out.contains("ask the contact to turn disappearing messages off for this chat"), "\(runs[1].out)")
    }

    /// Simulator note: N50's statuses have integer timestamps; log search places them at +3 s and +9 s, as kops does.
    @Test func integerStatusTimestampsKeepTheirPlaceInLogSearch() async throws {
        let runs = try await run(["trace \(Self.id(50))"])
        let rows = runs[0].out.split(separator: "\n").filter { $0.contains("Meta status") }
        #expect(rows.count == 3, "\(runs[0].out)")
        #expect(rows.contains { $0.contains("Meta status delivered") && $0.contains("+3 s") }, "\(rows)")
        #expect(rows.contains { $0.contains("Meta status read") && $0.contains("+9 s") }, "\(rows)")
    }

    /// P5-6: after `use`, the selected number's id in a pasted "Object with ID … does not exist" is known to exist.
    @Test func explainKnowsTheNumbersThisSessionSaw() async throws {
        let pasted =
            #"explain '{"error":{"message":"Unsupported get request. Object with ID \u0027100200300400501\u0027 does not exist, "#
            + #"cannot be loaded due to missing permissions, or does not support this operation.","code":100,"error_subcode":33}}'"#
        let runs = try await run(["use 100200300400501", pasted])
        #expect(runs[1].status == 0, "\(runs[1].err)")
        #expect(runs[1].out.contains(
            "what to do: 100200300400501 is this project's phone-number id of Support Line, so it exists; of Meta's three causes"), "\(runs[1].out)")
        #expect(runs[1].out.contains("/message_templates takes the WABA id: use 200300400500601"))
        #expect(!runs[1].out.contains("belongs to another project"))
    }
}
