import KopsTestSupport
import Testing

/// `kops -c 'logs search …'` against `kapso-sim`, with log search on and with `--log-search-unavailable`.
@Suite struct LogSearchBinaryTests {
    private func kops(_ command: String, simulatorArguments: [String] = []) async throws -> ProcessResult {
        try await offPool {
            let simulator = try SimulatorProcess(extraArguments: simulatorArguments)
            defer { simulator.stop() }
            return try ProcessRunner.run(
                "kops", ["-c", command],
                environment: ["KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey], stdin: "")
        }
    }

    @Test func notEnabledPrintsOneLineOnStderrAndExits1() async throws {
        let result = try await kops("logs search --problems --period 7d", simulatorArguments: ["--log-search-unavailable"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "-c:1: error: log search is not enabled for this project; 'logs', 'deliveries' and 'messages' still read each log on its own\n")
    }

    @Test func theFailedReplysMetaStatusIsFoundAroundItsWAMID() async throws {
        let wamid = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="
        let result = try await kops("logs search --source whatsapp_webhook_event --around \(wamid) --output json")
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"error_code\": 131047") || result.stdout.contains("\"error_code\": \"131047\""))
        #expect(result.stdout.contains("\"highlighted\": true"))
    }

    @Test func aBadFilterStopsTheCommandLineWithStatus64() async throws {
        let result = try await kops("logs search --filter nokey; numbers")
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("-c:1: error: logs search: malformed filter 'nokey'"))
        #expect(result.stdout == "", "the line after the failing one does not run")
    }
}
