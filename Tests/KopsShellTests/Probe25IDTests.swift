import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// probe25 findings about ids, on the tester's seeds (`Tests/Seeds/probe25-*.seed.json`, from /tmp/p25/gen*.py).
@Suite struct Probe25IDTests {
    static func seed(_ name: String) -> SimulatorSeed { TestSeeds.file("probe25-\(name).seed.json") }

    /// Ten of Support Line's own delivered messages (contacts +14155550400…409), each polled with
    /// `GET /meta/whatsapp/v24.0/100200300400501/messages/{wamid}` → 404; the oldest poll is of the 400 one.
    static let oldest = "wamid.HBgLMTQxNTU1NTA0MDAVAgASGBRQT0xMMAAAAAAAAAAAAAAAAAAAAA=="

    /// P25-8: past the view's look-up budget, a 404'd message id is "not checked", never "kops finds no message"; the
    /// newest ones, looked up, are named as the messages they are; `whois` of an unchecked one finds it.
    @Test func aMessageNotLookedUpIsNotSaidMissing() async throws {
        let runs = try await runDemo(
            ["errors --source api --flat", "errors --source api", "errors --source api --flat --output json", "whois \(Self.oldest)"],
            number: "100200300400501", seed: Self.seed("s4"), width: 2000)
        for ran in runs[0...2] {
            #expect(ran.status == 0, "\(ran.err)")
            #expect(!ran.out.contains("finds no message"), "\(ran.out)")
        }
        let rows = runs[0].out.split(separator: "\n").filter { $0.contains("/100200300400501/messages/wamid.") }
        #expect(rows.count == 10, "\(runs[0].out)")
        let unchecked = rows.filter { $0.contains("not checked: kops looks up 4 ids of each form per view; 'whois wamid.") }
        let named = rows.filter { $0.contains("is an outbound text message to +1415555040") }
        #expect(unchecked.count == 6 && named.count == 4, "\(runs[0].out)")
        // The newest four are looked up; the oldest is not, and `whois` finds it.
        #expect(named.contains { $0.contains("+14155550409") }, "\(runs[0].out)")
        #expect(unchecked.contains { $0.contains("'whois \(Self.oldest)' checks it") }, "\(runs[0].out)")
        #expect(runs[2].out.contains("not checked: kops looks up 4 ids of each form per view"), "\(runs[2].out)")
        #expect(runs[3].status == 0 && runs[3].out.contains("is an outbound text message to +14155550400 on Support Line"), "\(runs[3].out)")
    }
}

extension Probe25IDTests {
    /// Support Line's own delivered message whose WAMID holds a '/', polled unencoded under each number's path.
    static let slashed = "wamid.HBgLMTQxNTU1NTAzMDEVAgASGBT77777/z4BAgMEBQYHCAkKCwwNDg=="

    /// P25-9: the rest after `/messages/` is the WAMID, '/' and all: the row names the message and the unencoded '/',
    /// not "the id in the path is not in this project".
    @Test func aWAMIDWithASlashInTheMessagesPathIsTheMessage() async throws {
        let ran = try await runDemo(["errors --source api --flat"], number: "100200300400501", seed: Self.seed("s3"), width: 2000)[0]
        #expect(ran.status == 0, "\(ran.err)")
        let rows = ran.out.split(separator: "\n").filter { $0.contains("/messages/\(Self.slashed)") }
        #expect(rows.count == 2, "\(ran.out)")
        for row in rows {
            #expect(!row.contains("the id in the path is not in this project"), "\(row)")
            #expect(row.contains("the 404 is about the message \(Self.slashed), not the number"), "\(row)")
            #expect(row.contains("the WAMID holds a '/', which must be sent as %2F"), "\(row)")
        }
        #expect(rows.contains { $0.contains("/100200300400501/messages/") && $0.contains("encode the '/' as %2F") }, "\(ran.out)")
    }

    /// P25-4: a Cyrillic capital A inside a WAMID's base64: `whois` says replace it (as `message` and `trace` do), and its
    /// ASCII form is the whole id, not one character short.
    @Test func whoisReplacesALookAlikeInAWAMID() async throws {
        let id = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQ2MTE0QTBCQTNDMzRENjY0RDU4MwA="
        var typed = Array(id)
        typed[28] = "\u{0410}"
        let runs = try await runDemo(["whois '\(String(typed))'"], number: "100200300400501")
        #expect(runs[0].err.contains("U+0410 CYRILLIC CAPITAL LETTER A at position 29 (it looks like 'A')"), "\(runs[0].err)")
        #expect(runs[0].err.contains("typed in ASCII it is \(id)"), "\(runs[0].err)")
        #expect(!runs[0].err.contains("without it"), "\(runs[0].err)")
    }
}
