import Foundation
import KopsTestSupport
import Testing

/// kops's own look-ups stay out of `errors` across separate `kops -c` runs: the note is kept in the state
/// folder (`$XDG_STATE_HOME/kops/own-lookups`, mode 0600).
@Suite struct OwnLookupsBinaryTests {
    /// A WAMID of no message: `message` asks Kapso for it by id, which answers 404.
    static let mistyped = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRaWlpaWlpaWlpaWlpaWlpaWgA="

    @Test func aLookUpOfOneRunIsLeftOutOfTheNextRunsErrors() async throws {
        let (first, second, fresh, mode) = try await offPool {
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            let state = FileManager.default.temporaryDirectory.appendingPathComponent("kops-own-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: state) }
            func kops(_ line: String, state: URL) throws -> ProcessResult {
                try ProcessRunner.run(
                    "kops", ["-c", line],
                    environment: [
                        "KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey, "XDG_STATE_HOME": state.path,
                    ])
            }
            let first = try kops("message \(Self.mistyped)", state: state)
            let second = try kops("errors --flat --limit 100", state: state)
            // Another state folder has no note: the same call is then shown, which is what the note changes.
            let fresh = try kops("errors --flat --limit 100", state: state.appendingPathComponent("other"))
            let mode = try FileManager.default.attributesOfItem(atPath: state.path + "/kops/own-lookups")[.posixPermissions] as? Int
            return (first, second, fresh, mode)
        }
        #expect(first.status == 1)
        #expect(!second.stdout.contains("RaWlpaWl"), "\(second.stdout)")
        // Left out, not counted: another run's look-up (a count of every run's would grow as kops is used, probe9 P9-6).
        #expect(!second.stderr.contains("of kops's own look-ups"), "\(second.stderr)")
        #expect(fresh.stdout.contains("RaWlpaWl"), "\(fresh.stdout)")
        #expect(mode == 0o600)
    }
}
