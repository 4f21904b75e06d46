import Foundation
import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// Contacts who changed number, and statuses with two errors, in `Tests/Seeds/probe33-moves.seed.json` (the demo's
/// clock, 2026-11-21T12:00:00Z): Lia moved A→B at 10:10 and wrote from B at 10:20, and a send to A at 10:30 failed with
/// `[131000, 131026]`; Kai moved A→B at 10:10 and wrote nothing from B, and a send to A at 10:30 failed 131026; Uma last
/// wrote two days before a send at 10:00 refused `[131000, 131047]`, and wrote again at 10:30.
@Suite struct Probe33RealTests {
    static let seed = Probe28RealTests.seed("probe33-moves")
    static let lia = "wamid.HBgLMTQxNTU1NTM4MDEVAgASGBRMMDQAAAAAAAAAAAAAAAAAAAAAAA=="
    static let kai = "wamid.HBgLMTQxNTU1NTM5MDEVAgASGBRLMDQAAAAAAAAAAAAAAAAAAAAAAA=="
    static let liaNotice = "wamid.HBgLMTQxNTU1NTM4MDEVAgASGBRMMDIAAAAAAAAAAAAAAAAAAAAAAA=="

    /// The meaning `errors --flat --output json` gives the row of `id`.
    static func meaning(of id: String, in json: String) throws -> String? {
        let rows = try JSONValue.parse(json)["data"]?.array ?? []
        return rows.first { $0["id"]?.string == id || $0["message_id"]?.string == id || $0.serialized().contains(id) }?["meaning"]?.string
    }

    /// `whois` of the old number, `trace` of the send to it and `errors` read the move alike: followed to the new number,
    /// where Lia wrote (a free-form reply goes) and Kai did not (a template first); never "they have not written from it"
    /// of Lia, as `trace` and `errors` said without reading the new number, while `whois` could not tell.
    @Test func whoisTraceAndErrorsAgreeOnWhereAContactWhoMovedCanBeWritten() async throws {
        let runs = try await runDemo(
            ["whois 14155553801", "trace \(Self.lia)", "whois 14155553901", "trace \(Self.kai)", "errors --flat --output json"],
            number: "100200300400501", seed: Self.seed)
        let wrote = "they wrote from it at 2026-11-21T10:20:00Z, so its window is open until 2026-11-22T10:20:00Z"
        #expect(runs[0].out.contains("reply --to +14155553802 writes to them now (\(wrote))"), "\(runs[0].out)")
        #expect(runs[0].out.contains("they changed their number to +14155553802 at 2026-11-21T10:10:00Z (user_changed_number), so this number is no longer theirs"), "\(runs[0].out)")
        #expect(runs[1].out.contains("write to +14155553802 ('reply --to +14155553802': \(wrote)); do not retry to +14155553801"), "\(runs[1].out)")
        let none = "a template first, as they have not written from it since the move"
        #expect(runs[2].out.contains("reply --to +14155553902 writes to them now (\(none))"), "\(runs[2].out)")
        #expect(runs[3].out.contains("('reply --to +14155553902': \(none)); do not retry to +14155553901"), "\(runs[3].out)")
        let lia = try #require(try Self.meaning(of: Self.lia, in: runs[4].out), "\(runs[4].out)")
        let kai = try #require(try Self.meaning(of: Self.kai, in: runs[4].out), "\(runs[4].out)")
        #expect(lia.contains("('reply --to +14155553802': \(wrote))"), "\(lia)")
        #expect(kai.contains("('reply --to +14155553902': \(none))"), "\(kai)")
        for run in runs.prefix(2) { #expect(!run.out.contains("have not written from it"), "\(run.out)") }
        #expect(!lia.contains("have not written from it"), "\(lia)")
    }

    /// A status with two errors (`[131000, 131026]`, `[131000, 131047]`): the `errors` row names the other code whatever
    /// reading it gets (a number change, a later message of the contact), as `trace`'s verdict does.
    @Test func aRowOfAStatusWithTwoErrorsKeepsTheOtherCode() async throws {
        let runs = try await runDemo(["errors --flat --output json", "trace \(Self.lia)"], number: "100200300400501", seed: Self.seed)
        let lia = try #require(try Self.meaning(of: Self.lia, in: runs[0].out), "\(runs[0].out)")
        let uma = try #require(try Self.meaning(of: "wamid.HBgLMTQxNTU1NTM5MzEVAgASGBRVMDIAAAAAAAAAAAAAAAAAAAAAAA==", in: runs[0].out))
        #expect(lia.hasSuffix("(the same status also gave 131000 Something went wrong)"), "\(lia)")
        #expect(uma.contains("send it again as is"), "\(uma)")
        #expect(uma.hasSuffix("(the same status also gave 131000 Something went wrong)"), "\(uma)")
        #expect(runs[1].out.contains("verdict: failed: 131026 (message undeliverable) (also 131000, listed first: 131000 is Meta's generic \"something went wrong\", so the specific code beside it is read as the cause): "), "\(runs[1].out)")
    }

    /// `trace` of the number-change notice itself says where to write as the move reads, not "they have not written from it".
    @Test func traceOfTheNoticeSaysWhereToWriteAsTheMoveReads() async throws {
        let run = try await runDemo(["trace \(Self.liaNotice)"], number: "100200300400501", seed: Self.seed)[0]
        #expect(run.out.contains("('reply --to +14155553802': they wrote from it at 2026-11-21T10:20:00Z"), "\(run.out)")
        #expect(!run.out.contains("have not written from it"), "\(run.out)")
    }
}
