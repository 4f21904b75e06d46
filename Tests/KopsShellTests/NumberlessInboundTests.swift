import KapsoSimulator
import KopsTestSupport
import Testing

/// tester48 F5 and F13, over loopback (`Seeds/tester48-bsuid.seed.json`): Bee (14155550301, BSUID
/// US.2222333344445555666, @bee) wrote at 11:00Z with `from_user_id` only (Meta withholds a username user's number);
/// a send to the number at 11:30Z failed 131047. Kapso's listing by `phone_number` leaves such messages out, so
/// `conversation` and `trace` said no inbound was found and the window closed, `reply --to 14155550301` refused a
/// free-form send, and `whois` of the inbound (or of the README's H14, `phone_number: null` in Contact A's conversation)
/// said "none of that contact's messages has this id … wrong project or key?".
@Suite struct NumberlessInboundTests {
    static let seed = TestSeeds.path("tester48-bsuid.seed.json")
    static let inbound = "wamid.HBgLMTQxNTU1NTAzMDEVAgASGBQBB01AAAAAAAAAAAAAAAAAAAA="
    static let failedSend = "wamid.HBgLMTQxNTU1NTAzMDEVAgASGBQBB02AAAAAAAAAAAAAAAAAAAA="
    static let h14 = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBH14AAAAAAAAAAAAAAAAAAAA="

    @Test func theWindowCountsWhatTheContactWroteUnderTheirUserID() async throws {
        let runs = try await runDemo(
            ["conversation 0a1b2c3d-0000-4000-8000-000000000301", "trace \(Self.failedSend)", "reply --dry-run --to 14155550301 hi"],
            number: "100200300400501", seed: .file(Self.seed), width: 200)
        #expect(runs.map(\.status) == [0, 0, 0], "\(runs.map(\.err))")
        #expect(runs[0].out.contains("window:       open until 2026-11-22T11:00:00Z (23 h left)"), "\(runs[0].out)")
        #expect(runs[1].out.contains("window:       open when sent: last inbound 2026-11-21T11:00:00Z"), "\(runs[1].out)")
        #expect(runs[1].out.contains("yet the contact's last inbound here was 30 min before the send"), "\(runs[1].out)")
        #expect(!runs[1].out.contains("no inbound message from the contact before"), "\(runs[1].out)")
        #expect(runs[2].out.hasPrefix("POST http://127.0.0.1:"), "\(runs[2].out)\(runs[2].err)")
        #expect(!runs[2].err.contains("no 24-hour window"), "\(runs[2].err)")
    }

    @Test(arguments: [inbound, h14])
    func whoisFindsAMessageKapsoListsWithoutItsNumber(_ id: String) async throws {
        let ran = try await runDemo(["whois \(id)"], number: nil, seed: .file(Self.seed), width: 200)[0]
        #expect(ran.status == 0, "\(ran.err)")
        #expect(ran.out.hasPrefix("\(id) is an inbound text message from"), "\(ran.out)")
        #expect(!ran.err.contains("wrong project or key"), "\(ran.err)")
    }

    /// tester48 F10: a parent BSUID that a message carries (`from_parent_user_id`) and no conversation names was "no
    /// message or conversation in this project is from or to it".
    @Test func whoisFindsAParentUserIDAMessageCarries() async throws {
        let ran = try await runDemo(["whois US.ENT.11815799212886844830"], number: nil, seed: .file(Self.seed), width: 200)[0]
        #expect(ran.status == 0, "\(ran.err)")
        #expect(ran.out.hasPrefix("US.ENT.11815799212886844830 is the parent business-scoped user id of Bee (+14155550301)"), "\(ran.out)")
    }

    /// Tester48's notes: `whois` of Bee's BSUID said "a username contact without a number" two lines above "number:
    /// +14155550301"; with the number known, the kind is just a BSUID.
    @Test func whoisOfABSUIDWithAKnownNumberDoesNotSayItHasNone() async throws {
        let ran = try await runDemo(["whois US.2222333344445555666"], number: nil, seed: .file(Self.seed), width: 200)[0]
        #expect(ran.status == 0, "\(ran.err)")
        let lines = ran.out.split(separator: "\n").map(String.init)
        let number = lines.first { $0.hasPrefix("number:") } ?? ""
        #expect(number.hasSuffix("+14155550301"), "\(ran.out)")
        let kind = lines.first { $0.hasPrefix("kind:") } ?? ""
        #expect(kind.hasSuffix("contact's business-scoped user id (BSUID)"), "\(ran.out)")
        #expect(!ran.out.contains("without a number"), "\(ran.out)")
    }
}
