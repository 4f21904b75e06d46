import KopsShell
import KopsTestSupport
import Testing

/// tester58b AE10: `overview` said "API calls (24h): N total … (kops's own calls not counted)" while N grew with every
/// earlier kops run that kept its journal elsewhere (a fresh XDG_STATE_HOME, another machine): kops knows only the calls
/// its journal in its state folder noted. The line now says so. Two shells here keep two journals, as two state folders.
@Suite struct AE10OwnCallsStateFolderTests {
    @Test func anotherJournalsCallsAreCountedAndTheLineSaysWhose() async throws {
        let (first, second) = try await withSimulator { fixture -> (String, String) in
            let line = { (out: String) in out.split(separator: "\n").first { $0.hasPrefix("API calls (24h):") }.map(String.init) ?? out }
            let (one, oneOut) = try fixture.shell()
            _ = one.run(line: "overview")
            let first = line(oneOut.out)
            for command in ["numbers", "messages --limit 2", "conversations --limit 2"] { _ = one.run(line: command) }
            let (other, otherOut) = try fixture.shell()
            _ = other.run(line: "overview")
            return (first, line(otherOut.out))
        }
        let total = { (line: String) in line.split(separator: " ").compactMap { Int($0) }.first ?? 0 }
        // The other journal's calls are the project's to this one: counted, so the line cannot say all of kops's are not.
        #expect(total(second) > total(first), "\(first)\n\(second)")
        #expect(second.contains("(kops's own calls noted in its state folder not counted"), "\(second)")
        #expect(!second.contains("kops's own calls not counted"), "\(second)")
    }
}
