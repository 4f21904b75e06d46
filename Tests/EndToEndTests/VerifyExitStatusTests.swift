import Foundation
import KopsTestSupport
import Testing

/// `kops verify` through the binary (probe21): which verdict and exit status each of the tester's cases gets: 0 valid,
/// 1 invalid, 64 malformed, 65 a request-bin export whose parsed body cannot prove or disprove the signature.
@Suite struct VerifyExitStatusTests {
    static let kapsoSecret = "whsec_case_py_0001"
    static let metaSecret = "app_secret_fake_0123456789abcdef"
    static let kapsoSignature = "e73bda07a28d974fa4f44cada16a3a21413a696efcc701e7929ba469e0a48a33"
    static let metaSignature = "sha256=b16306272f9ddaeff0886f510723027044d48c84b7329b9e282afe9890ea43db"
    /// HMAC-SHA1 of each wire body under its secret (Python's hmac, the tester's scripts).
    static let kapsoSHA1 = "a634b4c7e27fdad35c0c2c6dabd73277bb9d98da"
    static let metaSHA1 = "96df1f85655f5b331d84d7dae06b12e5632a1555"

    static func signatures(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Signatures/" + name).path
    }

    static func realWorld(_ name: String) -> String { Fixtures.realWorldCases.appendingPathComponent(name).path }

    static let kapsoWire = realWorld("kapso-es.wire.json")
    static let metaWire = realWorld("meta-unicode.wire.json")

    /// `(arguments, status, text the output holds)`; `K`/`M` stand for `--secret` with the Kapso or Meta secret.
    static let cases: [(String, [String], Int32, String)] = [
        // P21-8: a parsed body whose rebuilt form matches is valid; one whose keys the tool sorted cannot be checked.
        ("export kept in order", ["K", "--file", signatures("bin-kapso-obj.json")], 0, "valid: X-Webhook-Signature matches the 1031-byte body"),
        ("export sorted", ["K", "--file", signatures("bin-kapso-obj-sorted.json")], 65,
         "error: verify: cannot check the signature: this export cannot prove or disprove the signature"),
        ("meta export sorted", ["M", "--meta", "--file", signatures("bin-meta-obj-sorted.json")], 65,
         "its Meta-escaped form, the one kops can rebuild, does not match"),
        ("export sorted, signature given", ["K", "--signature", kapsoSignature, "--file", signatures("bin-kapso-obj-sorted.json")], 65,
         "export the body as received"),
        // P21-21: SHA-1 is never Kapso's; both spellings of one digest get the same verdict; Meta's legacy header is.
        ("sha1= as Kapso's", ["K", "--signature", "sha1=" + kapsoSHA1, "--file", kapsoWire], 1,
         "error: invalid signature: a 'sha1=' value is a SHA-1 digest, and it is HMAC-SHA1 of this 1031-byte body with this secret: your code computes HMAC-SHA1"),
        ("bare SHA-1 as Kapso's", ["K", "--signature", kapsoSHA1, "--file", kapsoWire], 1,
         "error: invalid signature: 40 hex characters is a SHA-1 digest, and it is HMAC-SHA1 of this 1031-byte body with this secret: your code computes HMAC-SHA1"),
        ("wrong sha1= as Kapso's", ["K", "--signature", "sha1=" + String(repeating: "0", count: 40), "--file", kapsoWire], 64,
         "error: verify: malformed signature: a 'sha1=' value is a SHA-1 digest"),
        ("wrong bare SHA-1 as Kapso's", ["K", "--signature", String(repeating: "0", count: 40), "--file", kapsoWire], 64,
         "error: verify: malformed signature: 40 hex characters is a SHA-1 digest"),
        ("SHA-1 under sha256= as Kapso's", ["K", "--signature", "sha256=" + kapsoSHA1, "--file", kapsoWire], 1,
         "error: invalid signature: 40 hex characters is a SHA-1 digest, and it is HMAC-SHA1 of this 1031-byte body with this secret: your code computes HMAC-SHA1"),
        ("sha1= with --meta", ["M", "--meta", "--signature", "sha1=" + metaSHA1, "--file", metaWire], 0,
         "valid: X-Hub-Signature (legacy SHA-1) matches the 536-byte body"),
        ("bare SHA-1 with --meta", ["M", "--meta", "--signature", metaSHA1, "--file", metaWire], 0,
         "the value has no 'sha1=' prefix: Meta's X-Hub-Signature carries one"),
        ("X-Hub-Signature line", ["M", "--signature", "X-Hub-Signature: sha1=" + metaSHA1, "--file", metaWire], 0,
         "valid: X-Hub-Signature (legacy SHA-1) matches the 536-byte body"),
        // P21-12: spellings of the same hex are valid and named.
        ("sha256:", ["K", "--signature", "sha256:" + kapsoSignature, "--file", kapsoWire], 0,
         "the prefix was written 'sha256:'; senders write 'sha256=' (read the same)"),
        ("0x", ["K", "--signature", "0x" + kapsoSignature, "--file", kapsoWire], 0, "a '0x' prefix was added to the hex"),
        ("v1=", ["K", "--signature", "v1=" + kapsoSignature, "--file", kapsoWire], 0, "the value starts 'v1='"),
        // P21-16: a Kapso webhook secret or a Meta access token given as Meta's app secret.
        ("whsec_ with --meta", ["--secret", kapsoSecret, "--meta", "--signature", metaSignature, "--file", metaWire], 1,
         "error: invalid signature: it does not match this body and secret; the secret given is a Kapso webhook secret (whsec_…), not the app secret"),
        ("EAA with --meta", ["--secret", "EAAGm0PX4ZCpsBAKZAZBlahblahblahblahblah", "--meta", "--signature", metaSignature, "--file", metaWire], 1,
         "the secret given is a Meta access token (EAA…), not the app secret"),
        // P21-4: NFD and re-serialised, both named.
        ("NFD and pretty", ["K", "--signature", kapsoSignature, "--file", signatures("k-nfd-pretty.json")], 1,
         "and the body was re-serialised: normalised to NFC (composed), its compact form matches the signature"),
        ("NFD and re-serialised, Meta", ["M", "--meta", "--signature", metaSignature, "--file", signatures("m-nfd.json")], 1,
         "normalised to NFC (composed), Meta's escaped form"),
        // P21-20: one item against the batch's signature; the batch itself is valid.
        ("batch", ["K", "--signature", "d4bcc26933580a2b24ab84b45d2a4ecf34b95c44d197801a12fb07f545fbc0c8", "--file", signatures("batch.json")], 0,
         "valid: X-Webhook-Signature matches the 2222-byte body"),
        ("batch item", ["K", "--signature", "d4bcc26933580a2b24ab84b45d2a4ecf34b95c44d197801a12fb07f545fbc0c8", "--file", kapsoWire], 1,
         "a trailing newline was added; the body is one item of a batched delivery's data[]"),
        // The real-world cases stay right.
        ("real-world Kapso", ["K", "--signature", kapsoSignature, "--file", kapsoWire], 0, "valid: X-Webhook-Signature matches the 1031-byte body"),
        ("real-world Meta", ["M", "--meta", "--signature", metaSignature, "--file", metaWire], 0, "valid: X-Hub-Signature-256 matches the 536-byte body"),
        ("real-world Meta re-stringified", ["M", "--meta", "--signature", metaSignature, "--file", realWorld("meta-unicode.restringified.json")], 1,
         "the body was re-serialised; Meta signs its escaped form"),
        ("real-world Python dumps", ["K", "--signature", kapsoSignature, "--file", realWorld("kapso-es.python-dumps.json")], 1,
         "the body was re-formatted; the signature matches its compact form"),
    ]

    @Test(arguments: cases)
    func verifyEndsWithTheStatusOfItsVerdict(_ name: String, _ arguments: [String], _ status: Int32, _ text: String) async throws {
        let expanded = arguments.flatMap { word in
            word == "K" ? ["--secret", Self.kapsoSecret] : word == "M" ? ["--secret", Self.metaSecret] : [word]
        }
        let result = try await offPool { try ProcessRunner.run("kops", ["--no-color", "verify"] + expanded) }
        #expect(result.status == status, "\(name): \(result.stderr)")
        #expect((result.stdout + result.stderr).contains(text), "\(name): \(result.stdout)\(result.stderr)")
        // One line of error at most, and never the secret.
        #expect(result.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }.count == (status == 0 ? 0 : 1))
        for secret in [Self.kapsoSecret, Self.metaSecret, "EAAGm0PX4ZCpsBAKZAZBlahblahblahblahblah"] where expanded.contains(secret) {
            #expect(!(result.stdout + result.stderr).contains(secret), "\(name)")
        }
    }
}
