import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// Probe2 finding F44: `profile add --phone-number-id` is checked with the new profile's own key before
/// anything is saved: a WABA id is refused with the ids to give, text that is no id is a usage error.
@Suite struct ProfilePhoneNumberIDTests {
    @Test func theIDIsResolvedBeforeTheProfileIsSaved() async throws {
        let folder = NSTemporaryDirectory() + "kops-profile-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/config.toml"
        let runs = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            shell.context.configFile = ConfigFile(path: path)
            shell.context.environment = ["SIM_KEY": fixture.apiKey]
            let add = "profile add acme2 --base-url \(fixture.baseURL) --key-env SIM_KEY --phone-number-id "
            var results: [(status: Int32, err: String, saved: Bool)] = []
            for id in ["200300400500601", "abc", "100200300400502"] {
                let before = output.err.count
                let status = shell.run(line: add + id)
                results.append((status.rawValue, String(output.err.dropFirst(before)), FileManager.default.fileExists(atPath: path)))
            }
            return results
        }
        #expect(runs[0].status == 1)
        #expect(runs[0].err == "error: profile add: --phone-number-id 200300400500601 is the WABA id of 2 numbers, not a phone-number id; "
            + "pick one: --phone-number-id 100200300400502 (Sales Line) or --phone-number-id 100200300400501 (Support Line); nothing saved\n")
        #expect(!runs[0].saved)
        #expect(runs[1].status == 64)
        #expect(runs[1].err.contains("invalid --phone-number-id 'abc'; expected a phone-number id: digits"))
        #expect(!runs[1].saved)
        #expect(runs[2].status == 0, "\(runs[2].err)")
        #expect(runs[2].saved)
    }
}
