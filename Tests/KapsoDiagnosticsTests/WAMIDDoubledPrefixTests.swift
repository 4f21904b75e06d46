import Foundation
@testable import KapsoDiagnostics
import Testing

/// tester48 F6: an id with its prefix written twice (`wamid.wamid.…`, code that adds `wamid.` to an id that has it) was
/// never named: `message` and `whois` said the part after `wamid.` is not base64, `errors` that no message has the id.
@Suite struct WAMIDDoubledPrefixTests {
    static let id = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA="

    @Test(arguments: ["wamid.", "WAMID.", "wamid.WAMID."])
    func aDoubledPrefixIsNamedWithTheIDToUse(_ extra: String) {
        let damage = WAMID.damage(extra + Self.id)
        #expect(damage == "it has 'wamid.' \(extra.count == 6 ? "twice" : "3 times") (code added the prefix to an id that had it): "
            + "\(extra.count == 6 ? "drop one" : "keep one"): \(Self.id)")
    }

    /// What is still wrong once one prefix is dropped is said after it.
    @Test func whatIsStillDamagedIsSaidAfterIt() {
        let damage = WAMID.damage("wamid." + Self.id + "=")
        #expect(damage?.hasPrefix("it has 'wamid.' twice (code added the prefix to an id that had it): drop one: \(Self.id)=; even then it ends with 2 '='") == true, "\(damage ?? "nil")")
    }

    /// `errors` reads a logged path's id the same way, and hands `whois` the id with one prefix.
    @Test func aLoggedPathWithTheDoubledPrefixIsNamed() throws {
        let damaged = try #require(ErrorTriage.damagedWAMID("wamid." + Self.id.replacingOccurrences(of: "=", with: "%3D")))
        #expect(damaged.damage.hasPrefix("it has 'wamid.' twice"))
        #expect(damaged.id == Self.id)
    }

    /// tester48 (notes): a 404 for a well-formed WAMID without its '=' padding says the padding is missing and what
    /// `whois` reads, not only that no message has the id.
    @Test func aLoggedPathWithoutThePaddingSaysSo() throws {
        let meaning = try #require(ErrorTriage.unpaddedWAMID(String(Self.id.dropLast())))
        #expect(meaning.contains("it has no '=' padding where its base64 needs one"), "\(meaning)")
        #expect(meaning.hasSuffix("'whois \(Self.id)' reads it with the '=' padding put back"), "\(meaning)")
        #expect(ErrorTriage.unpaddedWAMID(Self.id) == nil)
        #expect(ErrorTriage.unpaddedWAMID("wamid.ID") == nil)
    }
}
