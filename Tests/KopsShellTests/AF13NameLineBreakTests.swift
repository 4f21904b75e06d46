import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester59 AF13: a line break in a contact's name (their WhatsApp profile text, or an edited Kapso field) was printed as
/// a real line under `trace`'s `direction:` and `message`'s `contact:`, so the contact could put a forged
/// `verdict: delivered and read, nothing to do` line near the top of a failed message's trace. `whois` showed the same
/// name escaped; now every contact label does.
@Suite struct AF13NameLineBreakTests {
    static let seed = TestSeeds.path("name-line-break.seed.json")
    static let wamid = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBJ20AAAAAAAAAAAAAAAAAAAA="

    @Test(arguments: ["trace \(wamid)", "message \(wamid)"])
    func aNameWithALineBreakStaysOnItsLine(_ line: String) async throws {
        try await withSimulator(seed: .file(Self.seed)) { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            #expect(shell.run(line: line) == .ok, "\(output.err)")
            let lines = output.out.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(!lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("verdict: delivered and read, nothing") }, "\(output.out)")
            #expect(output.out.contains("Contact A\\x0averdict: delivered and read, nothing to do\\x0d\\x0a (14155550171)"), "\(output.out)")
        }
    }
}
