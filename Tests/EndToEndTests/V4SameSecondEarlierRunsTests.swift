import Foundation
import KopsTestSupport
import Testing

/// tester65 V4 (a): `use` / `trace W` / `logs` failed every fresh-state check against a long-lived simulator: the replay's
/// page kept earlier runs' same-second rows (a third `POST /log_search`, a second `…/webhooks`), marked `(kops)`, and the
/// seed rows fell off the page. `trace` decoded some answers twice and noted each decoding: 13 calls left 19 journal
/// notes, and the 6 spare ones claimed an earlier run's identical rows. One note a call now.
@Suite struct V4SameSecondEarlierRunsTests {
    static let wamid = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="

    @Test func useTraceLogsChecksCleanEachTime() async throws {
        let script = ["use 100200300400501", "trace \(Self.wamid)", "logs"].joined(separator: "\n") + "\n"
        let run = try await FreshStateChecks.run(script: script, checks: 3)
        #expect(run.transcript.contains("> logs"), "\(run.recorded.stderr)")
        for (index, check) in run.checks.enumerated() {
            #expect(check.status == 0, "check \(index + 1): \(check.stdout)\(check.stderr)")
            #expect(check.stderr.contains("output unchanged"), "check \(index + 1): \(check.stdout)\(check.stderr)")
        }
    }

    /// Each call kops makes is one line of its journal, however often its answer is read.
    @Test func traceNotesEachCallOnce() async throws {
        try await offPool {
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-v4-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let result = try ProcessRunner.run(
                "kops", ["--base-url", simulator.baseURL, "-c", "use 100200300400501; trace \(Self.wamid)"],
                environment: [
                    "KAPSO_API_KEY": simulator.apiKey, "HOME": folder, "XDG_CONFIG_HOME": folder + "/config",
                    "XDG_STATE_HOME": folder + "/state",
                ])
            #expect(result.status == 0, "\(result.stderr)")
            let notes = (try? String(contentsOfFile: folder + "/state/kops/own-lookups", encoding: .utf8)) ?? ""
            let log = try ProcessRunner.run(
                "/usr/bin/curl", ["-s", "-H", "X-API-Key: \(simulator.apiKey)", simulator.baseURL + "/platform/v1/api_logs?limit=100"])
            let calls = log.stdout.components(separatedBy: "\"api_key_name\":\"kapso-sim\"").count - 1
            #expect(calls > 5, "\(log.stdout)")
            #expect(notes.split(separator: "\n").count == calls, "\(calls) calls in the log, notes:\n\(notes)")
        }
    }
}
