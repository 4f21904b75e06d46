import KopsTestSupport
import Testing

/// tester57b, AA5 residual: `logs search --around wamid.…QzRUIwQT` (no `==` typed) said "wamid.…QzRUIwQT== names no
/// message as typed": the id with the padding kops put back, as if the user had typed it. The line shows what was typed,
/// and apart from it what kops looked for.
@Suite struct AA5AsTypedTests {
    static let stem = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQT"

    @Test(arguments: ["logs search --around", "whois"])
    func theIdIsShownAsTyped(_ command: String) async throws {
        let run = try await runDemo(["\(command) \(Self.stem)"], number: "100200300400501")[0]
        let said = run.out + run.err
        #expect(
            said.contains("\(Self.stem) names no message as typed (kops also looked for \(Self.stem)==: the '=' padding put back)"),
            "\(said)")
        #expect(!said.contains("\(Self.stem)== names no message"), "\(said)")
        #expect(said.contains("it is cut short: the message wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA= with the contact starts with it"), "\(said)")
    }

    @Test func aCutMarkIsShownAsTyped() async throws {
        let run = try await runDemo(["logs search --around '\(Self.stem)\u{2026}'"], number: "100200300400501")[0]
        #expect(
            run.err.contains(
                "\(Self.stem)\u{2026} names no message as typed (kops also looked for \(Self.stem)==: the '\u{2026}' at its end "
                    + "dropped, the '=' padding put back)"),
            "\(run.err)")
    }

    /// Typed as kops looks it up: no second form to name.
    @Test func aWholeFormIsNotRepeated() async throws {
        let run = try await runDemo(["logs search --around \(Self.stem)=="], number: "100200300400501")[0]
        #expect(run.err.contains("\(Self.stem)== names no message as typed: it is cut short"), "\(run.err)")
    }
}
