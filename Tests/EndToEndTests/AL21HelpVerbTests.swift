import Foundation
import KopsTestSupport
import Testing

/// tester62 AL21: `kops help`, the first thing a new user types (as `git help`), answered "Error: 'help' is a shell
/// command: run it with kops -c help, or type it in the shell ('kops')" with exit 64. It prints the shell's help now,
/// with no API key and no request, and `kops help COMMAND` the command's page.
@Suite struct AL21HelpVerbTests {
    private func kops(_ arguments: [String]) async throws -> ProcessResult {
        try await offPool {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-al21-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: folder) }
            // No key, and an API nobody answers: help sends no request.
            return try ProcessRunner.run(
                "kops", arguments,
                environment: [
                    "HOME": folder, "XDG_CONFIG_HOME": folder + "/config", "XDG_STATE_HOME": folder + "/state",
                    "KAPSO_API_BASE_URL": "http://127.0.0.1:9",
                ])
        }
    }

    @Test func kopsHelpListsTheCommandsAndHowToStart() async throws {
        let result = try await kops(["help"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("trace "), "\(result.stdout)")
        // The hints on standard error, as in the shell: the list alone pipes.
        #expect(!result.stderr.contains("error"), "\(result.stderr)")
        #expect(result.stderr.contains("'help COMMAND' shows flags and examples"), "\(result.stderr)")
        #expect(result.stderr.contains("'kops --demo' tries it on a built-in simulator"), "\(result.stderr)")
    }

    @Test func kopsHelpCommandShowsThatCommandsPage() async throws {
        let page = try await kops(["help", "trace"])
        let inShell = try await kops(["-c", "help trace"])
        #expect(page.status == 0, "\(page.stderr)")
        #expect(!page.stdout.isEmpty && page.stdout == inShell.stdout, "\(page.stdout)\n---\n\(inShell.stdout)")
    }

    /// tester63b AO5: with `--demo` or a connection option before it, `help` was still refused.
    @Test(arguments: [["--demo", "help"], ["--base-url", "http://127.0.0.1:9", "help"], ["--profile", "x", "help", "trace"]])
    func helpAfterAnOptionIsTheHelp(arguments: [String]) async throws {
        let result = try await kops(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("is a shell command") && !result.stderr.contains("demo: kapso-sim"), "\(result.stderr)")
        #expect(result.stdout.contains("trace"), "\(result.stdout)")
    }

    @Test func anUnknownPageIsOneLineAndAUsageStatus() async throws {
        let result = try await kops(["help", "frobnicate"])
        let inShell = try await kops(["-c", "help frobnicate"])
        #expect(result.status == inShell.status && result.status != 0, "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }
}
