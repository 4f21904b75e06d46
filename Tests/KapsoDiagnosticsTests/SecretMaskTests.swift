import KapsoDiagnostics
import KopsHTTP
import Testing

/// The one masked form of a credential (`SecretMask`): a scheme prefix from `TokenPrefix.all`, never one a person typed.
@Suite struct SecretMaskTests {
    @Test(arguments: [
        ("whsec_demo_123", "whsec_…23"),
        ("whsec_demo_123456789023", "whsec_…23"),
        ("whsec_crm_321", "whsec_…"),
        ("sk_live_kelvin_123456", "sk_…56"),
        ("kapso_live_abcdefgh12", "kapso_…12"),
        ("EAAGm0PX4ZCpsBAKZAqk3n8ZD", "EAA…ZD"),
        ("Bearer EAAGm0PX4ZCpsBAKZAqk3n8ZD", "Bearer EAA…ZD"),
        ("abcdefghijkl", "…kl"),
        ("short", "…"),
        ("", "…"),
        // Hand-made secrets (probe11 P11-10): the part before the first `_` is the secret, not a scheme.
        ("mysecret_1234", "…34"),
        ("Another_Secret_99", "…99"),
        ("Acme_hook_01", "…01"),
        ("prod_hook_2026", "…26"),
        ("tok_live_canary_91", "…91"),
        // `EAA` begins ordinary words: a scheme only from `kindMinimumCount` characters on.
        ("EAAsy_pass_1", "…_1"),
        // The issued case only: `WHSEC_` is typed, not issued.
        ("WHSEC_abcdefgh12", "…12"),
    ])
    func showsOnlyASchemePrefixAndTwoLastCharacters(value: String, masked: String) {
        #expect(SecretMask.text(value) == masked)
        #expect(Secret(value).masked == masked)
    }

    /// Whatever the value, the mask shows no more of it than its scheme prefix and two characters, and at most a
    /// quarter of what follows the prefix.
    @Test(arguments: [
        "mysecret_1234", "a_b", "ab_cdefghijklmnop", "12345678", "x_y_z_w_v_u", "whsec_", "whsec_a", "Bearer  ", "Bearer",
        "ÿÿÿÿÿÿÿÿÿÿ", "héllo_wörld_secret", "sk_", "kops_demo_1",
    ])
    func neverShowsMoreThanASchemeAndTwoCharacters(value: String) {
        let masked = SecretMask.text(value)
        let scheme = TokenPrefix.all.map(\.text).filter { masked.hasPrefix($0) }.max { $0.count < $1.count } ?? ""
        var shown = masked.dropFirst(scheme.count)
        if scheme == TokenPrefix.bearer.text, shown.hasPrefix(" ") { shown = shown.dropFirst() }
        let body = value.dropFirst(scheme.count).drop { $0 == " " }
        #expect(shown.hasPrefix("…") || TokenPrefix.all.contains { shown.hasPrefix($0.text) }, "\(masked)")
        let tail = shown.split(separator: "…", omittingEmptySubsequences: false).last ?? ""
        #expect(tail.count <= SecretMask.tailCount, "\(masked)")
        #expect(tail.isEmpty || tail.count * 4 <= body.count, "\(masked)")
    }
}
