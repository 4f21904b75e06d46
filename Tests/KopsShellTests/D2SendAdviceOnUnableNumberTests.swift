import KopsTestSupport
import Testing

/// tester69b D2, D8, D12: C1 said the number's state beside an inbound's "free-form replies go through" and one 131047's
/// template advice only; every other verdict whose next step is a send ("retry", "resend it free-form to …", "a template
/// still goes through"), `errors`' MEANING and `conversation`'s "only templates go through" still promised the send on a
/// number the session read as unable to send. And `errors` read B10's misdelivered 131047 against the contact's window.
@Suite struct D2SendAdviceOnUnableNumberTests: PrintedLines {
    static let failed131000 = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBK14AAAAAAAAAAAAAAAAAAAA="

    /// D2: a 131000's "retry", in trace and errors, on a number whose health says messaging BLOCKED.
    @Test func d2ARetryOnABlockedNumberSaysTheSendFails() async throws {
        let runs = try await runDemo(
            ["set on_error continue", "use 100200300400501", "health", "trace \(Self.failed131000)", "errors --flat"],
            number: "100200300400501", seed: TestSeeds.file("c1-messaging-blocked.seed.json"), width: 3000)
        let verdict = Self.line("verdict:", in: runs[3].out)
        #expect(verdict.contains("retry"), "\(verdict)")
        #expect(verdict.contains("; but a send from this number fails now: Support Line's health"), "\(verdict)")
        let row = runs[4].out.split(separator: "\n").first { $0.contains("131000") }.map(String.init) ?? ""
        #expect(row.contains("but a send from this number fails now: Support Line's health"), "\(runs[4].out)")
    }

    /// D2: a DISCONNECTED record is said beside the retry; `trace` reads the number's health as `reply` does (tester70b
    /// G7), which confirms it, so the retry fails now (before: "may fail", the record alone).
    @Test func d2ARetryOnADisconnectedRecordFails() async throws {
        let verdict = try await lastVerdict(["use 100200300400501", "trace \(Self.failed131000)"], seed: "c1-disconnected.seed.json")
        #expect(verdict.contains("; but a send from this number fails now: Support Line is DISCONNECTED now (health: "), "\(verdict)")
    }

    /// D2 (B10's advice): "resend it free-form to the contact's own number" from a DISCONNECTED London Line.
    @Test func d2B10sResendOnADisconnectedNumber() async throws {
        let verdict = try await lastVerdict(
            ["use 100200300400503", "health", "trace wamid.T68BYK2AAAAAAAAAAAAAAAAAAAAA="], seed: "d2-b10-disconnected.seed.json",
            number: "100200300400503")
        #expect(verdict.contains("resend it free-form to the contact's own number E.164 (+14155550208)"), "\(verdict)")
        #expect(verdict.contains("; but a reply from this number fails now: London Line"), "\(verdict)")
    }

    /// D2: `conversation`'s "only templates go through" beside a 141006 block (hedged, as health says it).
    @Test func d2ConversationsTemplatesOnA141006Block() async throws {
        let runs = try await runDemo(
            ["set on_error continue", "use 100200300400501", "health", "conversation 0a1b2c3d-0000-4000-8000-000000000171"],
            number: "100200300400501", seed: TestSeeds.file("c1-payment-141006.seed.json"), width: 3000)
        let window = Self.line("window:", in: runs[3].out)
        #expect(window.contains("only templates go through, but a template from this number may fail: "), "\(window)")
        #expect(window.contains("141006"), "\(window)")
    }

    /// D8: the Y2 branch's "a template still goes through" / "a free-form reply may go through" on a DISCONNECTED record,
    /// which the health `trace` reads confirms (tester70b G7): the send fails now, and "a template still goes through" is
    /// dropped rather than contradicted (tester70b G6; before: "…still goes through; but … may fail: Kapso's record says").
    @Test(arguments: ["wamid.T68BYL1AAAAAAAAAAAAAAAAAAAAA=", "wamid.T68BYE1AAAAAAAAAAAAAAAAAAAAA=", "wamid.T68BYL2AAAAAAAAAAAAAAAAAAAAA="])
    func d8Y2VerdictsOnADisconnectedRecord(_ wamid: String) async throws {
        let verdict = try await lastVerdict(["use 100200300400501", "trace \(wamid)"], seed: "d8-y2-disconnected.seed.json")
        #expect(!verdict.contains("still goes through"), "\(verdict)")
        #expect(verdict.contains("from this number fails now: Support Line is DISCONNECTED now (health: "), "\(verdict)")
    }

    /// D12: `errors` reads a 131047 Meta completed into another number as trace does (B10), not as the contact's window.
    @Test func d12ErrorsReadsTheMadeNumber() async throws {
        let runs = try await runDemo(
            ["errors --flat"], number: "100200300400503", seed: WrittenThenRefused.seed, width: 3000)
        let row = runs[0].out.split(separator: "\n").first { $0.contains("131047") && $0.contains("4155550205") }.map(String.init) ?? ""
        #expect(row.contains("Meta refused a free-form message to +444155550205 as outside its 24-hour window"), "\(runs[0].out)")
        #expect(row.contains("resend it free-form to the contact's own number E.164 (+14155550205)"), "\(row)")
        #expect(!row.contains("a template still goes through"), "\(row)")
    }
}
