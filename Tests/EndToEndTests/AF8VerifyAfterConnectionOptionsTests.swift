import KopsTestSupport
import Testing

/// tester59 AF8: `kops --base-url URL verify …` (also `--timeout`, `--profile`) was refused as "'verify' is a shell
/// command" (exit 64), contradicting `kops --help`'s `kops verify …`; an alias that always passes them could not verify.
@Suite struct AF8VerifyAfterConnectionOptionsTests {
    @Test(arguments: [
        ["--base-url", "http://127.0.0.1:49561"], ["--timeout", "5"], ["--profile", "default"], ["--base-url=http://127.0.0.1:49561"],
        ["--no-color", "--timeout", "5", "--base-url", "http://127.0.0.1:49561"],
    ])
    func verifyRunsAfterConnectionOptions(options: [String]) async throws {
        let words = options + ["verify", "--secret", "x", "--signature", String(repeating: "a", count: 64), "--body", "hi"]
        let result = try await offPool { try ProcessRunner.run("kops", words, environment: ["NO_COLOR": "1"]) }
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("error: invalid signature:"), "\(result.stderr)")
        #expect(!result.stderr.contains("is a shell command"), "\(result.stderr)")
    }

    /// Another verb after them keeps its reading: only `verify` takes them as nothing.
    @Test func anotherVerbIsNotTaken() async throws {
        let result = try await offPool { try ProcessRunner.run("kops", ["--timeout", "5", "completions", "bash"]) }
        #expect(!result.stdout.contains("COMPREPLY"), "\(result.stdout)")
    }
}
