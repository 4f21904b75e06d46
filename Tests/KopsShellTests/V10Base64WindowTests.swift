import Foundation
@testable import KopsShell
import KopsHTTP
import KopsTestSupport
import Testing

/// tester54 V10: a key whose tail is a digit run (`test_key_0123456789`, the brief's `demo_key_0123456789`) has base64
/// pieces that a WAMID's base64 holds where the contact's number has the same digits: `…MTEyMzQ1Njc4O…` inside the id of
/// +5491123456789's message equals 12 characters of the key's base64 at another offset, and the id was printed
/// `wamid.<redacted>` in `messages`, `whois` and the command `whois` suggests. A run from inside a key's base64 counts
/// from 16 characters on (12 bytes of the key); an echo of the base64 cut short keeps its start and is still masked.
@Suite struct V10Base64WindowTests {
    static let key = "test_key_0123456789"
    static let wamid = "wamid.HBgNNTQ5MTEyMzQ1Njc4ORUCABIYFDNBQUFBQUFBQUFBQUFBQUFBQUEA"

    @Test func aWAMIDHoldingBase64OfTheKeysDigitsIsPrintedWhole() async throws {
        let ran = try await runDemo(["whois \(Self.wamid)"], number: "100200300400501")[0]
        #expect(ran.out.contains("\(Self.wamid) is a WAMID carrying +5491123456789"), "\(ran.out)\(ran.err)")
        #expect(ran.out.contains("'message \(Self.wamid)'"), "\(ran.out)")
        #expect(!(ran.out + ran.err).contains("<redacted>"), "\(ran.out)\(ran.err)")
    }

    @Test func theKeysBase64IsMaskedCutShortFromItsStartOrTakenFromInside() {
        let fragments = SecretFragments([Secret(Self.key)])
        let base64 = Data(Self.key.utf8).base64EncodedString()
        #expect(fragments.masked(Self.wamid) == Self.wamid)
        // Cut short at its end (a server's echo), 16 characters from inside it (3 bytes of the key in), its first 9.
        for echo in [String(base64.dropLast(4)), String(base64.dropFirst(4).prefix(16)), String(base64.prefix(9))] {
            let text = "Authorization: Basic \(echo) was refused"
            #expect(fragments.masked(text) == "Authorization: Basic <redacted> was refused", "\(echo)")
            #expect(text.utf8.withContiguousStorageIfAvailable { fragments.changes($0) } ?? false, "\(echo)")
        }
        // 15 characters from inside it: no longer masked (the WAMID's kind of collision); the same 15 from its start are.
        let inner = String(base64.dropFirst(4).prefix(15))
        #expect(fragments.masked("id \(inner) ok") == "id \(inner) ok")
    }

    /// tester55b: the key's base64 after one or two other bytes (`Basic ` and the base64 of `:KEY`, as `curl -u :KEY`
    /// sends it) was printed in clear; from 16 characters of it, it is masked.
    @Test func theKeysBase64AfterOtherBytesIsMasked() {
        let fragments = SecretFragments([Secret(Self.key)])
        for prefix in [":", "X:", "XY"] {
            let encoded = Data((prefix + Self.key).utf8).base64EncodedString()
            let text = "Authorization: Basic \(encoded) was refused"
            #expect(fragments.masked(text) == "Authorization: Basic <redacted> was refused", "\(prefix)")
        }
        #expect(fragments.masked(Self.wamid) == Self.wamid)
    }
}
