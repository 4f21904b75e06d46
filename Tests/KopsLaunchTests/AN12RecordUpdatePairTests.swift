import Testing

@testable import kops

/// tester63 AN12: `kops --demo --record t.md` (a new user's first try at recording) was told "--record and --update go
/// with 'kops run' or 'kops check'", true of neither flag and silent on the shell's `record FILE.md`; `kops --update run
/// s.kops` ran the script and ignored `--update` without a word. Each flag now names the one verb it goes with.
@Suite struct AN12RecordUpdatePairTests {
    @Test(arguments: [
        (["--demo", "--record", "t.md"],
            "--record goes with 'kops run FILE.kops'; to record the shell's session, type 'record FILE.md' at its prompt"),
        (["--record", "t.md", "bundle"],
            "--record goes with 'kops run FILE.kops'; to record the shell's session, type 'record FILE.md' at its prompt"),
        (["--demo", "--update", "run", "s.kops"], "--update goes with 'kops check FILE.md' (it rewrites the transcript with the replay's output)"),
        (["--update"], "--update goes with 'kops check FILE.md' (it rewrites the transcript with the replay's output)"),
    ])
    func eachFlagNamesItsVerb(_ arguments: [String], _ expected: String) {
        #expect(refusal(arguments).hasPrefix("Error: " + expected + "\n") || refusal(arguments) == "Error: " + expected, "\(refusal(arguments))")
    }

    @Test(arguments: [["run", "s.kops", "--record", "t.md"], ["check", "t.md", "--update"], ["--demo", "check", "t.md", "--update"]])
    func theRightPairsStillRun(_ arguments: [String]) {
        #expect(refusal(arguments) == "")
    }
}
