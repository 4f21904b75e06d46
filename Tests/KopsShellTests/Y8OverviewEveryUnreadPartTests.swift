import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester55b Y7, Y8 (after U8): `overview`'s exit depended on which part was not read (deliveries 1; the API log or the
/// message list 0, the latter with "nothing to fix" under "not read"), and "its webhooks not read" was said of numbers
/// that have no webhook. Any part not read exits 1 and is named; a number without a webhook has none to read.
/// Seed `x3-sip-error.seed.json`: one healthy number, no webhooks.
@Suite struct Y8OverviewEveryUnreadPartTests {
    static func overview(faults: String, json: Bool = false) async throws -> (failed: Bool, out: String, err: String) {
        try await withSimulator(seed: TestSeeds.file("x3-sip-error.seed.json")) { fixture in
            let (shell, output) = try fixture.shell()
            try fixture.setFaults(faults)
            let outcome = ScriptRunner(path: "t.kops", source: "overview" + (json ? " --output json" : "") + "\n").run(on: shell)
            return (outcome.failedLines == [1], output.out, output.err)
        }
    }

    @Test(arguments: [
        ("503:path=/whatsapp/messages", "messages (24h)"), ("503:path=/api_logs", "API calls (24h)"),
        ("503:path=/webhook_deliveries", "deliveries (24h)"),
    ])
    func everyPartNotReadExitsOneAndIsNamed(faults: String, part: String) async throws {
        let ran = try await Self.overview(faults: faults)
        let all = ran.out + ran.err
        #expect(ran.failed, "\(all)")
        #expect(ran.err.contains("not read (API failures): \(part)"), "\(ran.err)")
        #expect(!all.contains("nothing to fix"), "\(all)")
        // No webhook on the number: nothing of its webhooks to read.
        #expect(!all.contains("its webhooks not read"), "\(all)")
    }

    @Test func theMessageListNotReadIsInTheJSON() async throws {
        let ran = try await Self.overview(faults: "503:path=/whatsapp/messages", json: true)
        #expect(ran.out.contains("\"part\": \"messages (24h)\"") || ran.out.contains("\"part\":\"messages (24h)\""), "\(ran.out)")
    }

    @Test func nothingNotReadStillSaysNothingToFix() async throws {
        let ran = try await Self.overview(faults: "")
        #expect(!ran.failed && ran.out.contains("nothing to fix"), "\(ran.out)\(ran.err)")
    }
}
