import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// `trace`, `messages` and `errors` on histories that disagree with Kapso's status or carry unusable
/// timestamps (the probe's `status2` seed, kept as `Tests/Seeds/status-history.seed.json`).
@Suite struct StatusHistorySeedTests {
    static var seed: SimulatorSeed { TestSeeds.file("status-history.seed.json") }

    /// The seed's message `Q<n>`: a WAMID carrying 14155550171 and `Q<n>` padded with `A`s.
    static func id(_ row: String) -> String {
        let bytes: [UInt8] = [0x1C, 0x18, 0x0B] + Array("14155550171".utf8) + [0x15, 0x02, 0x00, 0x12, 0x18, 0x14]
            + Array("\(row)AAAAAAAAAAAAAAAAA".utf8) + [0x00]
        return "wamid." + Data(bytes).base64EncodedString()
    }

    func run(_ lines: [String]) async throws -> [Ran] {
        try await runDemo(lines, number: "100200300400501", seed: Self.seed)
    }

    @Test func idsAreTheSeeds() {
        #expect(Self.id("Q10") == "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBRRMTBBQUFBQUFBQUFBQUFBQUFBQQA=")
    }

    /// Kapso says failed (Q01) or read (Q02) while the history has only `sent`: the verdict agrees with
    /// `messages` and `errors`, and never sends the user to the contact's phone.
    @Test func traceFollowsKapsosStatusWhenTheHistoryIsBehind() async throws {
        let runs = try await run(["trace \(Self.id("Q01"))", "trace \(Self.id("Q02"))", "errors --flat"])
        for run in runs.prefix(2) {
            #expect(run.status == 0, "\(run.err)")
            #expect(!run.out.contains("no delivery report yet"), "\(run.out)")
            #expect(!run.out.contains("phone may be offline"))
        }
        #expect(runs[0].out.contains("verdict: failed (Kapso's status); the status history stops at sent at "))
        #expect(runs[0].out.contains("Kapso's status is failed, but no failed event was recorded in the history"))
        #expect(runs[1].out.contains("verdict: read by the contact (Kapso's status; the status history stops at sent at "))
        #expect(runs[2].out.contains("failed, and Meta gave no error code"), "errors lists Q01 as failed too")
    }

    /// `0` (Q10) is shown as unusable, never as a delivery time; milliseconds of the message's own time (Q07) are read
    /// as that time and named (probe23 P23-4), never as year 58859.
    @Test func implausibleTimestampsAreNeverDeliveryTimes() async throws {
        let runs = try await run(["trace \(Self.id("Q07"))", "trace \(Self.id("Q10"))"])
        #expect(runs[0].out.contains("2 status times were Unix milliseconds, not the Unix seconds Kapso documents"), "\(runs[0].out)")
        #expect(!runs[0].out.contains("58859") && !runs[0].out.contains("20757643"))
        #expect(runs[0].out.contains("verdict: delivered 2 s after sending, not read yet"))
        #expect(runs[1].out.contains("unusable: 0"), "\(runs[1].out)")
        #expect(!runs[1].out.contains("1970-"))
        #expect(runs[1].out.contains("verdict: delivered 2 s after sending, not read yet (Kapso's status; 1 status event has no usable timestamp"))
    }
}
