import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// `trace`, `messages` and `errors` on histories that disagree with Kapso's status or carry unusable
/// timestamps (the probe's `status2` seed, kept as `Tests/Seeds/status-history.seed.json`).
@Suite struct StatusHistorySeedTests {
    static var seed: SimulatorSeed {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        return SimulatorSeed.file(folder.appendingPathComponent("Seeds/status-history.seed.json").path)
    }

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

    /// Milliseconds (Q07) and `0` (Q10) are shown as unusable, never as a delivery time.
    @Test func implausibleTimestampsAreNeverDeliveryTimes() async throws {
        let runs = try await run(["trace \(Self.id("Q07"))", "trace \(Self.id("Q10"))"])
        #expect(runs[0].out.contains("unusable: 1795255620000"), "\(runs[0].out)")
        #expect(!runs[0].out.contains("58859") && !runs[0].out.contains("20757643"))
        #expect(runs[0].out.contains("verdict: delivered, not read yet (Kapso's status; 2 status events have no usable timestamp"))
        #expect(runs[1].out.contains("unusable: 0"), "\(runs[1].out)")
        #expect(!runs[1].out.contains("1970-"))
        #expect(runs[1].out.contains("verdict: delivered 2 s after sending, not read yet (Kapso's status; 1 status event has no usable timestamp"))
    }
}
