import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// probe37 on `Tests/Seeds/probe37-ids.seed.json`: failed sends whose error sits where the verdict did not read it (P37-11,
/// contacts 81–84, each last wrote 30 h before the send, so the window was closed), one message reported failed twice
/// (P37-1, contact 83), and WAMIDs stored in another `=` padding than typed (P37-15, contacts 85 and 86).
@Suite struct Probe37IDsSeedTests {
    static var seed: SimulatorSeed { TestSeeds.file("probe37-ids.seed.json") }

    func run(_ lines: [String]) async throws -> [Ran] {
        try await runDemo(lines, number: "100200300400501", seed: Self.seed)
    }

    /// Kapso's failed with 131026 on the message (history stops at sent), under a status's singular `error`, a failure
    /// reported again without its errors, Graph's envelope under the message's `error`.
    static let failed = [
        "wamid.HBgLMTQxNTU1NTAxODEVAgASGBRPVVQ4MTAwMDAwMDAwMDAwMDAwMAA=", "wamid.HBgLMTQxNTU1NTAxODIVAgASGBRPVVQ4MjAwMDAwMDAwMDAwMDAwMAA=",
        "wamid.HBgLMTQxNTU1NTAxODMVAgASGBRPVVQ4MzAwMDAwMDAwMDAwMDAwMAA=", "wamid.HBgLMTQxNTU1NTAxODQVAgASGBRPVVQ4NDAwMDAwMDAwMDAwMDAwMAA=",
    ]

    /// P37-11: trace's verdict, message, messages and whois name the 131026 each message carries, never the window's 131047.
    @Test(arguments: failed)
    func everyViewNamesTheErrorTheMessageCarries(_ id: String) async throws {
        let runs = try await run(["trace \(id)", "message \(id)", "whois \(id)"])
        #expect(runs.map(\.status) == [0, 0, 0], "\(runs.map(\.err))")
        let verdict = try #require(runs[0].out.split(separator: "\n").first { $0.hasPrefix("verdict: ") })
        #expect(verdict.hasPrefix("verdict: failed: 131026 (message undeliverable)"), "\(verdict)")
        #expect(!verdict.contains("131047") && !verdict.contains("not recorded") && !verdict.contains("no error code"), "\(verdict)")
        #expect(runs[1].out.contains("error:        131026"), "\(runs[1].out)")
        #expect(runs[2].out.contains("failed 131026"), "\(runs[2].out)")
    }

    @Test func theListNamesEachCode() async throws {
        let out = try await run(["messages"])[0].out
        #expect(out.components(separatedBy: "failed 131026").count - 1 == 4, "\(out)")
    }

    /// P37-1: four messages failed; contact 83's failure reported twice is one of them.
    @Test func eachFailedMessageIsCountedOnce() async throws {
        let runs = try await run(["errors", "errors --flat"])
        #expect(runs[0].err.contains("of 4 failures in the last 30d"), "\(runs[0].err)")
        #expect(runs[1].err.contains("4 failures in the last 30d"), "\(runs[1].err)")
        #expect(runs[1].out.split(separator: "\n").filter { $0.contains("message to") }.count == 4, "\(runs[1].out)")
    }

    /// P37-15: an id stored with its base64 `=` padding is found typed without it, and one stored without padding is
    /// found typed with it; each says which form matched.
    @Test func eitherPaddingFindsTheMessage() async throws {
        let padded = "wamid.HBgLMTQxNTU1NTAxODUVAgASGBRPVVQ4NTAwMDAwMDAwMDAwMDAwMAA="
        let unpadded = "wamid.HBgLMTQxNTU1NTAxODYVAgASGBRPVVQ4NjAwMDAwMDAwMDAwMDAwMAA"
        for (typed, stored, form) in [
            (String(padded.dropLast()), padded, "with the '=' padding put back"),
            (unpadded + "=", unpadded, "without its '=' padding, as Kapso stored it"),
        ] {
            let runs = try await run(["message \(typed)", "trace \(typed)", "whois \(typed)"])
            #expect(runs.map(\.status) == [0, 0, 0], "\(runs.map(\.err))")
            for run in runs.prefix(2) {
                #expect(run.err.contains("\(typed) was not found as typed; found \(form): \(stored)"), "\(run.err)")
                #expect(run.out.contains(stored), "\(run.out)")
            }
            #expect(runs[2].out.contains("is an outbound text message to"), "\(runs[2].out)")
            #expect(runs[2].out.contains(stored), "\(runs[2].out)")
            #expect(!runs[2].out.contains("none of that contact's messages"), "\(runs[2].out)")
        }
    }
}
