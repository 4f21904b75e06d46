import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// Every help page's examples run on the demo data they are written for (probe34 P34-10: `help template`'s first
/// example, `template part_ready`, failed there: the template exists in es and en_US). Each page's examples run in order,
/// as typed, in a fresh demo shell with Support Line selected (as the tour does), writes allowed (the simulator is this
/// test's own); an example that cannot run there is skipped for a reason named in `skipped(_:)`.
@Suite struct HelpExamplesTests {
    /// The examples of a help page: the indented lines after its `Examples:` line.
    static func examples(of command: any Command.Type) -> [String] {
        let lines = command.details.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "Examples:" }) else { return [] }
        return Array(lines[(start + 1)...].prefix { $0.hasPrefix("  ") }.map { $0.trimmingCharacters(in: .whitespaces) })
    }

    /// Why an example cannot run in a test on the demo, or nil when it can.
    static func skipped(_ example: String) -> String? {
        if example.contains("...") || example.contains("…") { return "a placeholder to fill in" }
        if example.contains(" | ") { return "piped into another program: for the login shell" }
        if example.contains("--follow") || example.hasPrefix("listen ") { return "runs until Ctrl-C" }
        if example.contains("127.0.0.1:3000") { return "sends to a receiver of the reader's own on port 3000" }
        if ["profile add ", "profile use ", "profile default "].contains(where: example.hasPrefix) {
            return "writes config.toml or leaves the demo for api.kapso.ai"
        }
        return nil
    }

    static var pages: [String] {
        CommandRegistry.standard.commands.filter { !examples(of: $0).isEmpty }.map { $0.name }
    }

    @Test func everyPageWithExamplesIsChecked() throws {
        // A page whose examples all are skipped would check nothing: each page's first example runs.
        let unchecked = CommandRegistry.standard.commands.compactMap { command -> String? in
            guard let first = Self.examples(of: command).first, let reason = Self.skipped(first) else { return nil }
            return "\(command.name): '\(first)' (\(reason))"
        }
        #expect(unchecked.filter { !$0.hasPrefix("listen:") && !$0.hasPrefix("replay:") && !$0.hasPrefix("verify:") }.isEmpty, "\(unchecked)")
        #expect(Self.pages.count >= 20, "\(Self.pages)")
    }

    @Test(arguments: pages)
    func examplesRunOnTheDemo(page: String) async throws {
        let command = try CommandRegistry.standard.command(named: page)
        let examples = Self.examples(of: command)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-examples-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let failures = try await withSimulator { fixture -> [String] in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            // Files an example names (`record ticket-4411.md`) are written in a folder of the test's own.
            shell.scriptFolder = folder
            shell.context.environment = ["HOME": folder, "XDG_CONFIG_HOME": folder, "XDG_STATE_HOME": folder]
            var failures: [String] = []
            for example in examples where Self.skipped(example) == nil {
                let start = output.err.count
                let status = shell.run(line: example)
                let err = String(output.err.dropFirst(start))
                if err.hasPrefix("error:") || err.contains("\nerror:") || status.rawValue == 64 {
                    failures.append("'\(example)' (status \(status.rawValue)): \(err)")
                }
            }
            return failures
        }
        #expect(failures.isEmpty, "help \(page): \(failures.joined(separator: "\n"))")
    }
}
