import ArgumentParser
import KopsShell
import KopsTestSupport
import Testing

@testable import kops

/// `QuickArguments` reads a command line without swift-argument-parser only when `Kops` would read it to the
/// same launch; everything else is left to `Kops`.
@Suite struct QuickArgumentsTests {
    /// What `Kops` makes of `arguments`: its launch, `--version`, or nil when it refuses them or prints help.
    private func parsedByKops(_ arguments: [String]) -> QuickArguments.Parsed? {
        do {
            guard let kops = try Kops.parseAsRoot(arguments) as? Kops else { return nil }
            return .launch(Launch(kops))
        } catch {
            return Kops.fullMessage(for: error) == KopsVersion.current ? .version : nil
        }
    }

    @Test(arguments: [
        [], ["--version"], ["-c", "numbers"], ["-c", "use 100200300400501; messages --limit 5"], ["--demo"],
        ["--demo", "-c", "numbers"], ["run", "checks.kops"], ["run", "checks.kops", "--var", "id=1", "--var", "n=2"],
        ["--allow-writes", "run", "x.kops", "--record", "out.md"], ["check", "t.md"], ["check", "t.md", "--update"],
        ["bundle"], ["bundle", "b.md"], ["bundle", "b.md", "--force"], ["--output", "json", "-c", "numbers"], ["--profile", "acme", "--verbose"],
        ["--base-url", "https://api.kapso.ai", "--timeout", "2.5", "--no-color"], ["--timeout", "30", "-c", "health"],
        ["-c", "numbers", "--output", "expanded", "--demo"], ["-c", "a", "-c", "b"], ["-c", "a; b", "--demo", "-c", "c"],
    ])
    func commonCommandLinesSkipTheParserAndMeanTheSame(_ arguments: [String]) {
        let quick = QuickArguments.parse(arguments)
        #expect(quick != nil, "\(arguments) should not need the argument parser")
        #expect(quick == parsedByKops(arguments))
    }

    @Test(arguments: [
        ["--help"], ["-h"], ["help"], ["--frobnicate"], ["--output", "yaml"], ["--timeout", "0"], ["--timeout", "-1"],
        ["--timeout", "1e3"], ["--timeout", "inf"], ["--timeout", "0.0009"], ["--base-url", "api.kapso.ai"], ["-c"], ["-c", ""],
        ["-c", "-x"], ["--output=json"], ["--demo", "--demo"], ["run"], ["run", "a", "b"],
        ["check"], ["bundle", "a", "b"], ["frob", "x"], ["--record", "out.md"], ["--update"],
        ["run", "x.kops", "--var", "novalue"], ["--var", "novalue", "-c", "set"], ["--var", "=1", "-c", "set"],
        ["--var", "a b=1"], ["run", "x.kops", "--force"], ["--force"], ["--force", "-c", "numbers"], ["--", "run", "x"], ["--version", "--demo"], ["-cnumbers"],
        ["--update", "run", "x.kops"], ["--demo", "--record", "t.md"], ["--record", "t.md", "bundle"],
    ])
    func everythingElseIsLeftToTheParser(_ arguments: [String]) {
        #expect(QuickArguments.parse(arguments) == nil)
    }

    /// Random command lines from the flags and words above: whenever the quick reading answers, `Kops` agrees.
    @Test func randomCommandLinesAgreeWithTheParser() {
        let tokens = [
            "-c", "numbers", "--demo", "--var", "a=b", "novalue", "--output", "json", "yaml", "--timeout", "5", "0",
            "--base-url", "https://x.test", "x.test", "--profile", "p", "--record", "r.md", "--update", "--allow-writes",
            "--no-color", "--verbose", "run", "check", "bundle", "f.kops", "--version", "-", "--", "",
        ]
        var generator = SplitMix(seed: 16)
        var agreed = 0
        for _ in 0..<3000 {
            let count = Int(generator.next() % 7)
            let arguments = (0..<count).map { _ in tokens[Int(generator.next() % UInt64(tokens.count))] }
            guard let quick = QuickArguments.parse(arguments) else { continue }
            agreed += 1
            #expect(quick == parsedByKops(arguments), "\(arguments)")
        }
        #expect(agreed > 100)
    }
}
