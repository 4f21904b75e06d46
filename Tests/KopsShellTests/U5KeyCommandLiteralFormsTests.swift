import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// tester53b U5: `profile add --key-command` saved three forms that print a key written into them: `printf '%s\n' KEY` (the
/// literal `\n` inside the format was read as the end of the statement), `awk 'BEGIN{print "KEY"}'` (`BEGIN{print` was one
/// word) and `echo ${VAR:-KEY}` (a variable's default). And the refusal said "config.toml … holds a literal secret" although
/// nothing was written.
@Suite struct U5KeyCommandLiteralFormsTests {
    @Test(arguments: [
        "printf '%s\\n' kp_live_a1b2c3d4e5f6a7b8c9d0", "printf '%s\\n' demo_key_0123456789",
        "awk 'BEGIN{print \"demo_key_0123456789\"}'", "echo ${KEY:-demo_key_0123456789}", "echo \"${KAPSO_KEY-a1b2c3d4e5f6g7h8i9}\"",
        "printf \"%s\\n\" \"${K:=a1b2c3d4e5f6g7h8i9}\"",
        // tester55 X11: a Windows line end, an octal escape, a conversion given nothing.
        "printf 'demo_key_0123456789\\r\\n'", "printf 'demo_key_0123456789\\015\\n'", "printf 'demo_key_0123456789%s' ''",
        // tester55b Y2: a hex escape, printf's \\c, a conversion with a precision.
        "printf 'demo_key_0123456789\\x0d\\n'", "printf 'demo_key_0123456789\\c'", "printf 'demo_key_0123456789%.0s' x",
        // tester54b: an awk program in double quotes with escaped quotes, and jq reading no input.
        "awk \"BEGIN{print \\\"demo_key_0123456789\\\"}\"", "jq -rn '\"demo_key_0123456789\"'", "/usr/bin/jq --null-input -r '\"a1b2c3d4e5f6g7h8i9\"'",
    ])
    func aLiteralKeyIsRefused(command: String) {
        #expect(KeyCommand.printsLiteralKey(command), "\(command)")
    }

    /// Secret stores, a variable without a default, and a default that is no key stay accepted.
    @Test(arguments: [
        "printf '%s\\n' \"$(pass show kapso/prod)\"", "echo ${KAPSO_KEY}", "echo ${KAPSO_KEY:-}", "awk '{print $1}' ~/.kapso_key",
        "echo ${KAPSO_KEY:-missing}", "pass show kapso/prod | head -1", "jq -r .api_key creds2024.json",
        "jq -r .key creds2024.json; echo -n done",
    ])
    func aCommandThatReadsTheKeyElsewhereIsAccepted(command: String) {
        #expect(!KeyCommand.printsLiteralKey(command), "\(command)")
    }

    @Test func theRefusalSaysNothingWasSaved() async throws {
        let folder = NSTemporaryDirectory() + "kops-u5-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/kops/config.toml"
        let (status, err) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            shell.context.configFile = ConfigFile(path: path)
            let line = "profile add p --base-url \(fixture.baseURL) --key-command \"printf '%s\\\\n' demo_key_0123456789\""
            return (shell.run(line: line).rawValue, output.err)
        }
        #expect(status == 64, "\(err)")
        #expect(err.hasPrefix("error: profile add: --key-command prints a key written into it"), "\(err)")
        #expect(err.contains("nothing was saved"), "\(err)")
        #expect(!err.contains("holds a literal secret") && !err.contains("config.toml"), "\(err)")
        #expect(!err.contains("0123456789"), "\(err)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
