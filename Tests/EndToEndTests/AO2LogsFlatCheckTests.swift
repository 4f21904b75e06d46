import Foundation
import KopsTestSupport
import Testing

/// tester63b AO2: a transcript with a look-up and then `logs --errors --flat` never checked
/// clean with a fresh state folder against an API that kept earlier runs' calls: the recording's look-up came back as
/// a row of the project's ("GET /platform/v1/whatsapp/messages/<message 1> 404 … WhatsApp message not found"), one
/// more per check, each pushing the oldest row off the page. While `kops check` replays, `logs` leaves earlier runs'
/// calls out of its rows, as `errors` leaves them out of its counts (tester62 AL2), and reads the page with room for them.
@Suite struct AO2LogsFlatCheckTests {
    static let mistyped = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRaWlpaWlpaWlpaWlpaWlpaWgA="

    @Test(arguments: ["logs --errors --flat"])
    func aLogsListAfterALookUpChecksCleanTwice(_ line: String) async throws {
        let script = ["set on_error continue", "use 100200300400501", "message \(Self.mistyped)", line].joined(separator: "\n") + "\n"
        try await offPool {
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-ao2-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try Data(script.utf8).write(to: URL(fileURLWithPath: folder + "/ao2.kops"))
            func kops(_ arguments: [String], state: String) throws -> ProcessResult {
                try ProcessRunner.run(
                    "kops", ["--base-url", simulator.baseURL] + arguments,
                    environment: [
                        "KAPSO_API_KEY": simulator.apiKey, "HOME": folder, "XDG_CONFIG_HOME": folder + "/config",
                        "XDG_STATE_HOME": folder + "/" + state,
                    ])
            }
            let recorded = try kops(["--record", folder + "/ao2.md", "run", folder + "/ao2.kops"], state: "recording")
            let transcript = try String(contentsOfFile: folder + "/ao2.md", encoding: .utf8)
            #expect(recorded.status == 1, "\(recorded.stderr)")
            // The recording's own look-up is on its page, marked as kops's.
            #expect(transcript.contains("(kops)"), "\(transcript)")
            for state in ["first", "second", "third"] {
                let check = try kops(["check", folder + "/ao2.md"], state: state)
                #expect(check.status == 0, "\(state): \(check.stdout)\(check.stderr)")
                #expect(check.stderr.contains("output unchanged"), "\(state): \(check.stdout)\(check.stderr)")
            }
        }
    }
}
