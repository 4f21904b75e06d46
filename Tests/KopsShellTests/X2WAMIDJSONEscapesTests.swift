import KapsoDiagnostics
import Testing

/// tester55 X2: a WAMID copied from a JSON log keeps its encoder's escapes (`\u003d` for `=`: Java's Gson; `\u002B` for
/// `+`: .NET's System.Text.Json; `\/`: Meta's webhook bodies, PHP). kops dropped only the backslash and offered an id
/// that does not exist (`…OAAu003d`), and `whois` read an id with `\/` as a path holding no id. The escapes are named
/// and the id decoded; a WAMID is no path.
@Suite struct X2WAMIDJSONEscapesTests {
    static let dana = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA="

    @Test(arguments: [
        ("wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA\\u003d", "'\\u003d' for '='"),
        ("wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA\\u003D", "'\\u003D' for '='"),
        ("wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA\\x3d", "'\\x3d' for '='"),
    ])
    func anEscapedPaddingIsNamedAndDecoded(typed: String, named: String) {
        let damage = WAMID.damage(typed) ?? ""
        #expect(damage.contains("it holds JSON escapes (\(named))"), "\(damage)")
        #expect(damage.hasSuffix("it reads as a WAMID: \(Self.dana)"), "\(damage)")
    }

    @Test func anEscapedPlusAndSlashAreDecoded() {
        let damage = WAMID.damage("wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQ\\/H30\\u002BAAAAAAAAAAAAAAAAAAAA=") ?? ""
        #expect(damage.contains("'\\u002B' for '+'") && damage.contains("'\\/' for '/'"), "\(damage)")
        #expect(damage.hasSuffix("wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQ/H30+AAAAAAAAAAAAAAAAAAAA="), "\(damage)")
    }

    @Test func traceAndWhoisNameTheDecodedID() async throws {
        let ran = try await runDemo(
            ["trace '\(Self.dana.dropLast())\\u003d'", "whois 'wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQ\\/H30+AAAAAAAAAAAAAAAAAAAA='"],
            number: "100200300400501")
        #expect(ran[0].err.contains("it reads as a WAMID: \(Self.dana)"), "\(ran[0].err)")
        #expect(!ran[0].err.contains("u003d".uppercased()) && !ran[0].err.contains("OAAu003d"), "\(ran[0].err)")
        #expect(!ran[1].err.contains("no id is in this path"), "\(ran[1].err)")
        #expect((ran[1].out + ran[1].err).contains("wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQ/H30+AAAAAAAAAAAAAAAAAAAA="), "\(ran[1].out)\(ran[1].err)")
    }
}
