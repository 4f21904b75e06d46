import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// `trace`, `message`, `messages` and `errors` on the probe10 shapes (`Tests/Seeds/message-outcomes.seed.json`, from the
/// tester's `gen10.py`): statuses stored with a message that name another message (P10-1), sends to a WhatsApp group
/// (P10-2), a send pending for two days (P10-3) and an error code too big for an Int (P10-4).
@Suite struct MessageOutcomesSeedTests {
    static var seed: SimulatorSeed { TestSeeds.file("message-outcomes.seed.json") }

    /// The seed's message `n` of contact `1415555 01<contact>` (gen10.py's `wid`).
    static func id(_ contact: String, _ n: Int) -> String {
        let bytes: [UInt8] = [0x1C, 0x18, 0x0B] + Array("141555501\(contact)".utf8) + [0x15, 0x02, 0x00, 0x12, 0x18, 0x14, 0x01]
            + Array("P\(n < 10 ? "0" : "")\(n)".utf8) + [UInt8](repeating: 0, count: 14)
        return "wamid." + Data(bytes).base64EncodedString()
    }

    func run(_ lines: [String]) async throws -> [Ran] {
        try await runDemo(lines, number: "100200300400501", seed: Self.seed)
    }

    @Test func idsAreTheSeeds() {
        #expect(Self.id("12", 2) == "wamid.HBgLMTQxNTU1NTAxMTIVAgASGBQBUDAyAAAAAAAAAAAAAAAAAAA=")
    }

    /// P10-1: contact 12's `sent` plus another WAMID's `failed 131047`, contact 28's `delivered` plus another WAMID's
    /// `failed 131026` under Kapso's `failed`: every view leaves the other message's failure out and says so.
    @Test func statusesOfAnotherMessageAreSetApartEverywhere() async throws {
        let runs = try await run([
            "trace \(Self.id("12", 2))", "trace \(Self.id("28", 2))", "message \(Self.id("28", 2))", "messages", "errors --flat",
            "whois \(Self.id("28", 2))",
        ])
        for run in runs { #expect(run.status == 0, "\(run.err)") }
        let other12 = Self.id("12", 9)
        #expect(runs[0].out.contains("verdict: sent 1 h ago, no delivery report yet"), "\(runs[0].out)")
        #expect(!runs[0].out.contains("verdict: failed"))
        #expect(runs[0].out.contains("1 more stored status names another message"), "\(runs[0].out)")
        #expect(runs[0].out.contains("failed 131047 Re-engagement message\n      about \(other12)"), "\(runs[0].out)")
        #expect(!runs[0].out.contains("the statuses are about 14155550999"), "that recipient was the other message's")
        #expect(!runs[0].out.contains("Meta status failed"), "Meta's failed webhook named the other message: \(runs[0].out)")
        #expect(runs[1].out.contains("verdict: delivered 2 s after sending, not read yet;"), "\(runs[1].out)")
        #expect(runs[1].out.contains("Kapso's status 'failed' matches only it, so it is not taken as this message's"))
        #expect(!runs[1].out.contains("uncertain"))
        #expect(runs[2].out.contains("status:         failed (other wamid)"), "\(runs[2].out)")
        #expect(runs[2].out.contains("other statuses: \(Self.id("28", 9)) (failed 131026 at 2026-11-21T11:00:03Z)"), "\(runs[2].out)")
        let row28 = runs[3].out.split(separator: "\n").first { $0.contains("foreign same rcpt") } ?? ""
        #expect(row28.contains("failed (other wamid)"), "\(runs[3].out)")
        // errors: no failure of contact 12's or 28's message; Meta's webhooks name the other messages, so they are theirs.
        #expect(!runs[4].out.contains("message to 14155550112"), "\(runs[4].out)")
        #expect(!runs[4].out.contains("message to 14155550128"), "\(runs[4].out)")
        #expect(runs[4].out.contains("status failed of \(other12)"), "\(runs[4].out)")
        #expect(runs[4].err.contains("2 failed statuses stored with 2 messages name other messages (their ids), so they are not counted"),
            "\(runs[4].err)")
        #expect(runs[5].out.contains("delivered (Kapso's 'failed' comes from a stored status of another message)"), "\(runs[5].out)")
    }

    /// The seed's sends to a WhatsApp group: contact 21's to `120363000000000001` (the probe's shape, after an inbound group
    /// message), contact 31's to Meta's documented id shape with two participants' statuses and no group message seen.
    static let digitsGroup = "120363000000000001"
    static let metaGroup = "Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD"

    /// P10-2: an outbound message to a group is traced as one: the group is the recipient, the read is one participant's,
    /// no 1:1 window story; `message` names the group; `reply` does not write 1:1 to Kapso's contact instead.
    @Test func aSendToAGroupIsTracedAsOne() async throws {
        let runs = try await runDemo(
            ["trace \(Self.id("21", 2))", "message \(Self.id("21", 2))", "reply hello", "trace \(Self.id("31", 1))"],
            number: "100200300400501", seed: Self.seed, confirm: { _ in true })
        let trace = runs[0].out
        #expect(trace.contains("direction:    outbound text to WhatsApp group \(Self.digitsGroup) (Kapso's contact: Contact 21 (14155550121))"), "\(trace)")
        #expect(trace.contains("window:       the group's 24-hour window, not a 1:1 window with a participant;"), "\(trace)")
        #expect(!trace.contains("kops did not read"))
        #expect(trace.contains("read    +10 s  participant 14155550221"), "\(trace)")
        #expect(trace.contains("verdict: read in group \(Self.digitsGroup) by participant 14155550221, 10 s after sending;"), "\(trace)")
        #expect(!trace.contains("by the contact"))
        #expect(runs[1].out.contains("group:        \(Self.digitsGroup) (sent to a WhatsApp group (recipient_type group)"), "\(runs[1].out)")
        #expect(runs[2].status != 0)
        #expect(runs[2].err.contains("reply: not sent: the last message was sent to WhatsApp group \(Self.digitsGroup)"), "\(runs[2].err)")
        #expect(runs[3].out.contains("verdict: read in group \(Self.metaGroup) by participant 14155550132, 9 s after sending;"), "\(runs[3].out)")
    }

    /// P10-7: a group id under `to` and a status's `recipient_id` next to `recipient_type: "group"` is masked as a group,
    /// whatever its shape and whether or not a `group_id` was seen first; the participant's number as a number.
    @Test func aGroupSendsIDIsMaskedWithoutAnInboundGroupMessage() async throws {
        let recorded = try await recordMasked(
            ["use 100200300400501", "message \(Self.id("21", 2)) --output json", "trace \(Self.id("21", 2))", "trace \(Self.id("31", 1))"],
            seed: Self.seed)
        let page = recorded.page
        for canary in [Self.digitsGroup, "120363000000", "Y2FwaV9ncm91cD", "14155550221", "5550221", "5550132"] {
            let hits = page.split(separator: "\n").filter { $0.contains(canary) }
            #expect(hits.isEmpty, "the transcript shows '\(canary)': \(hits.first ?? "")")
        }
        #expect(page.contains("\"to\": \"<group 1>\""), "\(page)")
        #expect(page.contains("\"recipient_id\": \"<group 1>\""))
        #expect(page.contains("verdict: read in group <group 2> by participant "), "\(page)")
        let diff = try await withSimulator(seed: Self.seed) { fixture in
            try TranscriptChecker(expected: page, path: "t.md", restore: recorded.restore).replay(on: try fixture.shell().shell).diff
        }
        #expect(diff.isEmpty, "\(diff)")
    }

    /// P10-3 and P10-4: contact 14's send pending for 49 h names its age and what it means; contact 23's error code too big
    /// for an Int is shown as the digits the server sent, in the timeline, the verdict, `messages` and `errors`.
    @Test func aLongPendingAndAHugeCodeAreShownAsTheyAre() async throws {
        let runs = try await run(["trace \(Self.id("14", 2))", "trace \(Self.id("23", 2))", "messages", "errors"])
        #expect(runs[0].out.contains("verdict: pending for 2 d 1 h, which is not normal:"), "\(runs[0].out)")
        let code = "99999999999999999999999"
        for run in runs.dropFirst() {
            #expect(run.out.contains(code), "\(run.out)")
            #expect(!run.out.contains("e+23"), "\(run.out)")
        }
        #expect(runs[1].out.contains("verdict: failed: \(code) (no title); not in kops's catalogue"), "\(runs[1].out)")
    }
}
