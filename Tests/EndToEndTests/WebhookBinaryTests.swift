import KopsTestSupport
import Testing

/// The built `kops` on webhooks and deliveries: exit status of `webhooks check`, NDJSON for `jq`.
@Suite struct WebhookBinaryTests {
    private func kops(_ commands: String) async throws -> ProcessResult {
        try await offPool {
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            return try ProcessRunner.run(
                "kops", ["-c", commands],
                environment: ["KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey], stdin: "")
        }
    }

    @Test func checkPrintsEveryFindingAndExitsOneOnErrors() async throws {
        let result = try await kops("use 100200300400502; webhooks check")
        #expect(result.stdout.hasSuffix("checked 3 webhooks: 2 errors, 3 warnings, 0 info\n"))
        // The last command: nothing is left to stop, so its line names what failed alone (probe40), exit status 1 all the same.
        #expect(result.stderr == "-c:2: webhooks check: found 2 errors\n", "the failing line is named (P38-17)")
        #expect(result.status == 1)
    }

    /// A verdict that fails before the last command stops the script there, and says so; the line after it does not run.
    @Test func aFailingCheckBeforeTheLastCommandSaysTheScriptStops() async throws {
        let result = try await kops("use 100200300400502; webhooks check; explain 131026")
        #expect(result.stderr == "-c:2: webhooks check: found 2 errors; the script stops here\n", "the stopping line is named (P38-17)")
        #expect(!result.stdout.contains("131026"), "the line after it did not run")
        #expect(result.status == 1)
    }

    @Test func allDeliveriesAreOneJSONObjectPerLine() async throws {
        let result = try await kops("deliveries --all --period 30d --output json")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 350)
        #expect(lines.allSatisfy { $0.hasPrefix("{\"id\":") && $0.hasSuffix("}") })
        #expect(result.stderr == "350 deliveries\n")
        #expect(result.status == 0)
    }
}
