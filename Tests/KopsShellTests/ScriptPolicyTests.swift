import Foundation
import KopsShell
import KopsTestSupport
import Testing

@Suite struct ScriptPolicyTests {
    @Test(arguments: [
        ("webhooks create --url https://x.test", true), ("webhooks update 1 --active false", true),
        ("webhooks delete 1 --yes", true), ("webhooks test 1", true), ("webhooks --scope project test", true),
        ("reply hello", true), ("reply --dry-run hello", false), ("webhooks", false), ("webhooks get 1", false),
        ("webhooks check", false), ("health", false), ("nosuch create", false),
    ])
    func namesWritesByCommandAndSubcommand(_ line: String, _ isWrite: Bool) {
        let words = line.split(separator: " ").map(String.init)
        #expect(ScriptPolicy.isWrite(words, registry: .standard) == isWrite)
    }

    @Test func setDefaultKeepsAGivenValueAndSourceReportsTheStoppingLine() async throws {
        let (err, variables) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            shell.context.session.variables["number"] = "100200300400502"
            let script =
                "set --default number 100200300400501\nset --default other x\nuse ${number}\nunset other\n#! error\nuse ${other}\nexplain 999999\n"
            let outcome = ScriptRunner(path: "p.kops", source: script).run(on: shell)
            #expect(outcome.failedLine == 7)
            #expect(outcome.status == .failure)
            return (output.err, shell.context.session.variables)
        }
        #expect(variables["number"] == "100200300400502")
        #expect(variables["other"] == nil)
        // Under its `#! error` marker: expected (probe22 P22-24).
        #expect(err.contains("p.kops:6: expected error: unset variable 'other'"))
        #expect(
            err.hasSuffix(
                "p.kops:7: error: unknown error code '999999': not in kops's catalogue; look it up in Meta's error codes (https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes) or, for a Kapso code, Kapso's API reference (docs.kapso.ai)\n"
            ))
    }

    @Test func sourceStopsAndNamesTheLine() async throws {
        let err = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            let folder = FileManager.default.temporaryDirectory.path
            let path = folder + "/kops-source-\(UInt32.random(in: 0...UInt32.max)).kops"
            try "state\nfrobnicate\nstate\n".write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            #expect(shell.run(line: "source \(path)") == .usage)
            return output.err.replacingOccurrences(of: path, with: "S.kops")
        }
        #expect(
            err == """
                S.kops:2: error: unknown command 'frobnicate'; type 'help' for the list
                error: source: S.kops did not run: line 2 is refused before any line runs; fix that line

                """)
    }
}
