import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// `message`, `trace`, `errors`, `reply`, `conversation` and `whois` on the message shapes of probe7 (its `p7` seed, cut
/// to the messages of findings P7-3, P7-4, P7-6, P7-7 and P7-9 and kept as `Tests/Seeds/message-origins.seed.json`).
@Suite struct MessageOriginsSeedTests {
    static var seed: SimulatorSeed { TestSeeds.file("message-origins.seed.json") }

    /// The seed's message `N<nn>` of Contact A (01–16 inbound, 40–62 outbound, as probe7 numbered them).
    static func id(_ number: Int) -> String {
        "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBQ\(number < 10 ? "0" : "")\(number)AAAAAAAAAAAAAAAAAAAA="
    }

    /// Contact B's only inbound message, written in a group an hour before the clock.
    static let groupMessage = "wamid.HBgLMTQxNTU1NTAxODgVAgASGBQBQ90AAAAAAAAAAAAAAAAAAAA="
    static let groupID = "Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD"
    static let contactB = "0a1b2c3d-0000-4000-8000-000000000188"

    func run(_ lines: [String]) async throws -> [Ran] {
        try await runDemo(lines, number: "100200300400501", seed: Self.seed)
    }

    /// P7-3: N43's failed 131049, stored twice (a retried webhook), is one failure and one timeline row.
    @Test func aRetriedFailedStatusIsOneFailure() async throws {
        let runs = try await run(["trace \(Self.id(43))", "errors", "errors --flat", "errors --output json"])
        let failedRows = runs[0].out.split(separator: "\n").filter { $0.contains(" failed ") && $0.contains("131049") }
        #expect(failedRows.count == 1, "\(runs[0].out)")
        #expect(failedRows.first?.contains("stored 2 times: one notification, delivered again") == true)
        let metaRows = runs[0].out.split(separator: "\n").filter { $0.contains("Meta status failed") }
        #expect(metaRows.count == 2 && metaRows[1].contains("(again: the same notification)") && !metaRows[0].contains("again"), "\(metaRows)")
        let flat = runs[2].out.split(separator: "\n").filter { $0.contains("131049") }
        #expect(flat.count == 1, "\(runs[2].out)")
        let row = try #require(runs[1].out.split(separator: "\n").first { $0.contains("131049") }, "\(runs[1].out)")
        #expect(row.trimmingCharacters(in: .whitespaces).hasPrefix("1 "), "\(row)")
        #expect((runs[1].out + runs[1].err).contains(
            "Meta's webhooks (log search): 2 failed statuses (1 more was a copy of one delivered again), all for messages above"),
            "\(runs[1].err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(runs[3].out.utf8)) as? [String: Any])
        #expect(json["failures"] as? Int == 2, "N43 once, and N60: \(json["failures"] ?? "-")")
    }

    /// P7-4, P7-7: a group message shows its group, opens the group's window only, and `reply` does not write 1:1.
    @Test func aGroupMessageIsTheGroupsNotAOneToOneWindow() async throws {
        let runs = try await run([
            "message \(Self.groupMessage)", "reply --dry-run ok", "trace \(Self.groupMessage)",
            "conversation \(Self.contactB)", "reply --dry-run --to +14155550188 Sure, tomorrow at 9",
        ])
        #expect(runs[0].out.contains("group:"), "\(runs[0].out)")
        #expect(runs[0].out.contains(Self.groupID))
        #expect(runs[1].status == 1, "\(runs[1].out)")
        #expect(runs[1].err.contains("written by Contact B (14155550188) in WhatsApp group \(Self.groupID)"), "\(runs[1].err)")
        #expect(runs[1].err.contains("a reply to it goes to the group (recipient_type group, to \(Self.groupID))"))
        #expect(!runs[1].out.contains("\"individual\""))
        #expect(runs[2].out.contains("window:") && runs[2].out.contains("the group's, opened by this message until 2026-11-22T11:00:00Z (open now)"), "\(runs[2].out)")
        #expect(runs[2].out.contains("verdict: received in group \(Self.groupID); the group's 24-hour window it opened is open for 23 h more"))
        #expect(!runs[2].out.contains("free-form replies go through"))
        #expect(runs[3].out.contains("closed: no 1:1 inbound message from the contact to this number was found"), "\(runs[3].out)")
        #expect(runs[3].out.contains("the contact's message in a WhatsApp group at 2026-11-21T11:00:00Z opened the group's window"))
        let hints = runs[4].out + runs[4].err
        #expect(hints.contains("reply: no 1:1 inbound message from Contact B"), "\(hints)")
        #expect(hints.contains("(their message in a WhatsApp group at 2026-11-21T11:00:00Z opened the group's window, not a 1:1 one)"))
    }

    /// P7-7: the ad referral and forwarding are shown.
    @Test func referralAndForwardsAreShown() async throws {
        let runs = try await run(["message \(Self.id(1))", "trace \(Self.id(2))", "message \(Self.id(3))"])
        #expect(runs[0].out.contains(#"referral:"#) && runs[0].out.contains(#"Click-to-WhatsApp ad 120210000000000001: "Spring sale""#), "\(runs[0].out)")
        #expect(runs[0].out.contains("ctwa_clid:") && runs[0].out.contains("ARAkLkA8rmlFeiCktEJQ"))
        #expect(runs[1].out.contains("forwarded:") && runs[1].out.contains("yes (context.forwarded): the contact forwarded it from another chat"), "\(runs[1].out)")
        #expect(runs[2].out.contains("many times (context.frequently_forwarded"), "\(runs[2].out)")
    }

    /// P7-6: `message X; reply` to the business's own number is refused as `reply --to` refuses it.
    @Test func aReplyToTheOwnNumberIsRefusedOnTheMessagePath() async throws {
        let runs = try await run(["message \(Self.id(60))", "reply --dry-run hi", "reply --dry-run --to +14155550100 hi"])
        #expect(runs[1].status == 1, "\(runs[1].out)")
        #expect(runs[1].err.contains("the last message's contact +14155550100: that is your own Support Line number"), "\(runs[1].err)")
        #expect(!runs[1].out.contains("send an approved template"))
        #expect(runs[2].err.contains("that is your own Support Line number"), "the --to path refuses as before: \(runs[2].err)")
    }

    /// P7-9: string coordinates, a status recipient other than `to`, and a fractional status timestamp in log search.
    @Test func smallerShapes() async throws {
        let runs = try await run(["message \(Self.id(13))", "trace \(Self.id(61))", "trace \(Self.id(59))", "message \(Self.id(40))"])
        #expect(runs[0].out.contains(#"location "Pickup" (37.7749, -122.4194)"#), "\(runs[0].out)")
        #expect(runs[1].out.contains("the statuses are about 14155550999, not the message's recipient 14155550171"), "\(runs[1].out)")
        let meta = runs[2].out.split(separator: "\n").filter { $0.contains("Meta status") }
        #expect(meta.contains { $0.contains("Meta status delivered") && $0.contains("+2 s") }, "\(runs[2].out)")
        #expect(!runs[3].out.contains("status recipient"), "\(runs[3].out)")
    }

    /// P7-7: whois says what a group id, Meta's conversation id and a ctwa_clid are or look like.
    @Test func whoisNamesIDsItCannotLookUp() async throws {
        let runs = try await run([
            "whois \(Self.groupID)", "whois 6f3c0a1e2b4d5f60718293a4b5c6d7e8",
            "whois ARAkLkA8rmlFeiCktEJQ-QTwRiyYHAFDLMNDBH0CD3qpjd0HR4irJ6LEkR7JwFF4XvnO2E4Nx0-eM-GABDLOPaOdRMv-_zfUQ2a",
        ])
        #expect(runs.map(\.status) == [1, 1, 1], "\(runs.map(\.err))")
        #expect(runs[0].err.contains("is a WhatsApp group id (it decodes to 'capi_group:"), "\(runs[0].err)")
        #expect(runs[1].err.contains("has the shape of Meta's conversation id"), "\(runs[1].err)")
        #expect(runs[2].err.contains("has the shape of a Click-to-WhatsApp click id"), "\(runs[2].err)")
        for run in runs { #expect(!run.err.contains("cannot read")) }
        // Digits found nowhere may be an id kops does not look up, such as N01's ad source_id.
        let digits = try await run(["whois 120210000000000001"])[0]
        #expect(digits.err.contains("it may also be a Meta id kops does not look up (a media id, or the source_id of an ad"), "\(digits.err)")
    }
}
