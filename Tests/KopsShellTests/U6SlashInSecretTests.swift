import KopsTestSupport
import Testing

/// tester53b U6 over loopback (demo): a `whsec_` secret whose base64 body holds a `/` or `+` is masked whole where it
/// is shown, never `<redacted>/abcdefghijklmnopqrst` (the shape's word ended at the `/`, and the known secret was no
/// longer found whole).
@Suite struct U6SlashInSecretTests {
    @Test(arguments: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZI/abcdefghijklmnopqrst", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZI+abcdefghijklmnopqrst"])
    func aBase64SecretIsMaskedWhole(_ secret: String) async throws {
        let ran = try await runDemo(["set x \(secret)", "set", "explain \(secret)"], number: nil)
        for run in ran {
            #expect(!(run.out + run.err).contains("abcdefghijklmnopqrst"), "\(run.out)\n\(run.err)")
        }
        #expect(ran[1].out.contains("x: <redacted>"), "\(ran[1].out)")
    }
}
