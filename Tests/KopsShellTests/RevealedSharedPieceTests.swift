@testable import KopsShell
import KopsHTTP
import Testing

/// probe46 P46-5: `webhooks get ID --reveal-secret` printed `secret_key: <redacted>` under "the signing secret is shown
/// in clear" when the webhook's secret shared 8 or more characters with the API key: the key's pieces masked the
/// secret asked for. The revealed secret is shown whole; the API key itself, and its pieces elsewhere, stay masked.
@Suite struct RevealedSharedPieceTests {
    static let key = "test_key_0123456789abc"

    @Test(arguments: ["whsec_p46_hook_0123456789abcdef", "whsec_test_key_0123456789abc_x"])
    func aRevealedSecretSharingAPieceOfTheKeyIsShownWhole(secret: String) {
        let redactor = Redactor(knownSecrets: [Secret(Self.key)])
        let text = "secret_key: \(secret)\nkey \(Self.key), piece 0123456789abc"
        let shown = redactor.revealing(secret).redact(text)
        #expect(shown.hasPrefix("secret_key: \(secret)\n"), "\(shown)")
        #expect(!shown.dropFirst("secret_key: \(secret)\n".count).contains("0123456789abc"), "\(shown)")
        // Every other sink still masks it.
        #expect(!redactor.redact(text).contains("0123456789abc"))
    }
}
