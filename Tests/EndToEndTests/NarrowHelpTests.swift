import Foundation
import KopsTestSupport
import Testing

/// `kops --help` at any width: the argument parser indents option help 26 columns and trapped (SIGILL, "`columns -
/// wrappingIndent` should be always be greater than 0") when `COLUMNS` or the terminal was narrower than that.
@Suite struct NarrowHelpTests {
    @Test(arguments: [("--help", "1"), ("--help", "10"), ("--help", "20"), ("-h", "25"), ("--help", "26"), ("-h", "30"), ("--help", "40")])
    func kopsHelpAtANarrowWidthIsLaidOutAtForty(_ flag: String, _ columns: String) async throws {
        let help = try await offPool { try ProcessRunner.run("kops", [flag], environment: ["COLUMNS": columns]) }
        #expect(help.status == 0, "stderr: \(help.stderr.prefix(300))")
        #expect(help.stderr.isEmpty)
        #expect(help.stdout.contains("USAGE: kops [<options>]"))
        #expect(help.stdout.contains("OPTIONS:"))
        // Laid out at 40: only a word longer than the room after the parser's 26-column indent goes past it.
        let long = help.stdout.split(separator: "\n").filter { $0.count > 40 && $0.contains(" ") && !$0.hasPrefix(String(repeating: " ", count: 26)) }
        #expect(long.isEmpty, "\(long)")
    }
}
