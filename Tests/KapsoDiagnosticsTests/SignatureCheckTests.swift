import KapsoDiagnostics
import Testing

/// What users paste as a webhook signature, read into the value to check and one note per oddity.
@Suite struct SignatureCheckTests {
    static let hex = String(repeating: "ab", count: 32)

    @Test(arguments: [
        ("sha256=\(hex)", "sha256=\(hex)", 0),
        (hex, hex, 0),
        ("SHA256=\(hex)", "sha256=\(hex)", 1),
        ("X-Hub-Signature-256: sha256=\(hex)", "sha256=\(hex)", 1),
        ("x-webhook-signature:\(hex)", hex, 1),
        (" \(hex)\r\n", hex, 1),
        ("X-Hub-Signature-256:  sha256= \(hex)", "sha256=\(hex)", 2),
        ("Sha1=\(String(repeating: "c", count: 40))", "sha1=\(String(repeating: "c", count: 40))", 2),
    ])
    func readsWhatUsersPaste(_ raw: String, _ value: String, _ notes: Int) {
        let pasted = SignatureCheck.read(raw)
        #expect(pasted.value == value)
        #expect(pasted.notes.count == notes, "\(pasted.notes)")
    }

    @Test func namesTheLegacySHA1Header() {
        let pasted = SignatureCheck.read("sha1=" + String(repeating: "0", count: 40))
        #expect(pasted.algorithm == .sha1)
        #expect(pasted.notes == ["'sha1=' is Meta's legacy X-Hub-Signature (HMAC-SHA1); it was checked as such; prefer X-Hub-Signature-256 ('sha256=')"])
    }
}
