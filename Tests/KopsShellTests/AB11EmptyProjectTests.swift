import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester57 AB11: with a key of an empty (or the wrong) project, `overview` said "wrong key or project?" and exited 1,
/// while `numbers` (the first command kops suggests) printed an empty table, and `webhooks check` (the command for "the
/// webhook stopped firing") "checked 0 webhooks: 0 errors, 0 warnings, 0 info", both exit 0.
@Suite struct AB11EmptyProjectTests {
    static let line = "this key's project has no phone numbers: wrong key or project? 'state' shows where the key came from"

    @Test func numbersOfAnEmptyProjectNamesTheLikelyCause() async throws {
        let (status, err) = try await withSimulator(seed: .empty) { fixture in
            let (shell, output) = try fixture.shell()
            return (shell.run(line: "numbers"), output.err)
        }
        #expect(status == .ok, "an empty list is an answer")
        #expect(err.contains(Self.line), "\(err)")
    }

    @Test func webhooksCheckOfAnEmptyProjectChecksNothingAndSaysWhy() async throws {
        let (status, out) = try await withSimulator(seed: .empty) { fixture in
            let (shell, output) = try fixture.shell()
            return (shell.run(line: "webhooks check"), output.out + output.err)
        }
        #expect(status == .failure)
        #expect(out == "nothing to check: no webhooks, and \(Self.line)\n", "\(out)")
    }

    /// The demo's numbers: no such line.
    @Test func aProjectWithNumbersSaysNothingOfIt() async throws {
        let ran = try await runDemo("numbers", number: nil)
        #expect(!ran.err.contains("wrong key or project"))
    }
}
