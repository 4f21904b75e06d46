import Foundation
import KapsoClient
import KapsoDiagnostics
import KopsShell
import KopsTestSupport
import Testing

/// The four webhook-signature rows of `cases/real-world/README.md`, and what users paste as a signature.
@Suite struct RealWorldSignatureTests {
    static let metaSecret = "app_secret_fake_0123456789abcdef"
    static let kapsoSecret = "whsec_case_py_0001"

    static func path(_ name: String) -> String { Fixtures.realWorldCases.appendingPathComponent(name).path }
    static func text(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: Fixtures.realWorldCases.appendingPathComponent(name)), as: UTF8.self)
    }

    private func verify(_ words: [String], secret: String) -> (status: KopsShell.ExitStatus, out: String, err: String) {
        let result = OfflineShell.run(["verify", "--secret", secret] + words)
        #expect(!(result.out + result.err).contains(secret), "the secret leaked")
        return (result.status, result.out, result.err)
    }

    @Test func metaWireBodyIsValid() throws {
        let run = verify(["--meta", "--signature", try Self.text("meta-unicode.signature.txt"), "--file", Self.path("meta-unicode.wire.json")], secret: Self.metaSecret)
        #expect(run.status == .ok)
        #expect(run.out == "valid: X-Hub-Signature-256 matches the 536-byte body\n")
    }

    @Test func metaRestringifiedBodyNamesMetasEscapedForm() throws {
        let run = verify(
            ["--meta", "--signature", try Self.text("meta-unicode.signature.txt"), "--file", Self.path("meta-unicode.restringified.json")],
            secret: Self.metaSecret)
        #expect(run.status == .failure)
        #expect(
            run.err == "error: invalid signature: the body was re-serialised; Meta signs its escaped form (non-ASCII as "
                + "lowercase \\uXXXX, '/' as '\\/'), which matches: hash the raw bytes as received, before any JSON parsing\n")
    }

    /// probe14 P14-8: a request-bin export that kept Meta's body as parsed JSON: its Meta-escaped form stands for the
    /// body, as the compact form does for Kapso's, so the genuine delivery is valid; under a wrong secret the rebuilt
    /// body does not match, which proves nothing about a body whose bytes are gone (probe21 P21-8): exit 65.
    @Test func aMetaBodyExportedAsParsedJSONIsReadInMetasEscapedForm() throws {
        let wire = try Data(contentsOf: Fixtures.realWorldCases.appendingPathComponent("meta-unicode.wire.json"))
        let signature = try Self.text("meta-unicode.signature.txt").trimmingCharacters(in: .whitespacesAndNewlines)
        let export = #"{"headers": {"X-Hub-Signature-256": ""# + signature + #""}, "body": "# + String(decoding: wire, as: UTF8.self) + "}"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rbm-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(export.utf8).write(to: file)
        let run = verify(["--meta", "--file", file.path], secret: Self.metaSecret)
        #expect(run.status == .ok, "\(run.err)")
        #expect(run.out == "valid: X-Hub-Signature-256 matches the 536-byte body\n")
        #expect(run.err.contains("its Meta-escaped form stands for the body"), "\(run.err)")
        #expect(run.err.hasSuffix("against its own X-Hub-Signature-256 header\n"), "\(run.err)")
        let other = verify(["--meta", "--file", file.path], secret: "app_secret_other_0123456789abcdef")
        #expect(other.status == .uncheckable)
        #expect(other.err.hasPrefix("error: verify: cannot check the signature: this export cannot prove or disprove"), "\(other.err)")
    }

    @Test func kapsoWireBodyIsValid() throws {
        let run = verify(["--signature", try Self.text("kapso-es.signature.txt"), "--file", Self.path("kapso-es.wire.json")], secret: Self.kapsoSecret)
        #expect(run.status == .ok)
        #expect(run.out.hasPrefix("valid: X-Webhook-Signature matches the "))
    }

    /// probe7 P7-10: the Spanish Kapso body read as Latin-1 and written back as UTF-8 (`maÃ±ana`) is named as such,
    /// not answered with a list that includes "the secret is wrong".
    @Test func kapsoBodyReadAsLatin1NamesTheMojibake() throws {
        let wire = try Data(contentsOf: Fixtures.realWorldCases.appendingPathComponent("kapso-es.wire.json"))
        let mojibake = String(String.UnicodeScalarView(wire.map { Unicode.Scalar($0) }))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kapso-es-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(mojibake.utf8).write(to: file)
        let run = verify(["--signature", try Self.text("kapso-es.signature.txt"), "--file", file.path], secret: Self.kapsoSecret)
        #expect(run.status == .failure)
        #expect(run.err.hasPrefix("error: invalid signature: the body's UTF-8 was decoded as Latin-1 and encoded again"))
        #expect(!run.err.contains("the secret is wrong"))
    }

    @Test func kapsoPythonDumpsBodyNamesTheCompactForm() throws {
        let run = verify(
            ["--signature", try Self.text("kapso-es.signature.txt"), "--file", Self.path("kapso-es.python-dumps.json")], secret: Self.kapsoSecret)
        #expect(run.status == .failure)
        #expect(run.err.hasPrefix("error: invalid signature: the body was re-formatted; the signature matches its compact form"))
    }

    /// What people paste as the signature: each is recognised, named in one line, and still checked.
    @Test(arguments: [
        ("X-Hub-Signature-256: sha256=HEX", "a whole header line was pasted ('X-Hub-Signature-256: …'); only its value was checked"),
        ("SHA256=HEX", "the prefix was written 'SHA256='; senders write 'sha256=' (read the same)"),
        ("  sha256=HEX \n", "whitespace in the pasted value (spaces, tabs or line breaks) was ignored"),
        ("sha256=\nHEX", "whitespace in the pasted value (spaces, tabs or line breaks) was ignored"),
    ])
    func pastedFormsAreRecognisedAndNamed(_ form: String, _ note: String) throws {
        let hex = try Self.text("meta-unicode.signature.txt").dropFirst("sha256=".count)
        let signature = form.replacingOccurrences(of: "HEX", with: String(hex))
        let run = verify(["--meta", "--signature", signature, "--file", Self.path("meta-unicode.wire.json")], secret: Self.metaSecret)
        #expect(run.status == .ok)
        #expect(run.out == "valid: X-Hub-Signature-256 matches the 536-byte body\n")
        #expect(run.err == note + "\n")
    }

    @Test func legacySHA1HeaderIsCheckedAsSHA1AndNamed() throws {
        let body = try Data(contentsOf: Fixtures.realWorldCases.appendingPathComponent("meta-unicode.wire.json"))
        // HMAC-SHA1 of the wire body under the app secret, computed independently with `openssl dgst -sha1 -hmac`.
        let sha1 = "sha1=" + Self.opensslSHA1(body: body, key: Self.metaSecret)
        let run = verify(["--signature", "X-Hub-Signature: " + sha1, "--file", Self.path("meta-unicode.wire.json")], secret: Self.metaSecret)
        #expect(run.status == .ok)
        #expect(run.out == "valid: X-Hub-Signature (legacy SHA-1) matches the 536-byte body\n")
        #expect(run.err.contains("'sha1=' is Meta's legacy X-Hub-Signature (HMAC-SHA1)"))
        // probe21 P21-21: a bare 'sha1=' value is Meta's only when Meta's signature is checked (--meta, or the header
        // line above); as Kapso's it is never valid, and one that does not match is malformed.
        let zeros = "sha1=" + String(repeating: "0", count: 40)
        let wrong = verify(["--meta", "--signature", zeros, "--file", Self.path("meta-unicode.wire.json")], secret: Self.metaSecret)
        #expect(wrong.status == .failure)
        #expect(wrong.err.hasPrefix("error: invalid signature: the legacy SHA-1 X-Hub-Signature does not match"))
        let kapso = verify(["--signature", zeros, "--file", Self.path("meta-unicode.wire.json")], secret: Self.metaSecret)
        #expect(kapso.status == .usage)
        #expect(kapso.err.contains("Kapso never signs with SHA-1"), "\(kapso.err)")
        #expect(kapso.err.contains("a Meta delivery's X-Hub-Signature is checked with --meta and the app secret"))
    }

    @Test func metaEscapedFormRebuildsMetasBytes() throws {
        let wire = try Self.text("meta-unicode.wire.json")
        let parsed = try JSONValue.parse(Array(try Self.text("meta-unicode.restringified.json").utf8))
        #expect(SignatureCheck.metaEscaped(parsed) == wire)
        #expect(SignatureCheck.metaEscaped(["s": "é/🍝\u{1}\"\\"]) == #"{"s":"\u00e9\/\ud83c\udf5d\u0001\"\\"}"#)
    }

    /// probe14 P14-9: a delivery saved by 'listen --save' with its body gzip-compressed (compressed by the gzip tool)
    /// and the body cut short are said so, the gzip one as matching once decompressed.
    @Test func aSavedGzipDeliveryAndACutBodyAreNamed() throws {
        let wire = try Data(contentsOf: Fixtures.realWorldCases.appendingPathComponent("kapso-es.wire.json"))
        let signature = try Self.text("kapso-es.signature.txt").trimmingCharacters(in: .whitespacesAndNewlines)
        let compressed = Self.gzipped(wire)
        try #require(compressed.starts(with: [0x1F, 0x8B]), "the gzip tool is needed")
        let head = "POST /hook HTTP/1.1\r\ncontent-type: application/json\r\ncontent-encoding: gzip\r\n"
            + "x-webhook-signature: \(signature)\r\ncontent-length: \(compressed.count)\r\n\r\n"
        let saved = FileManager.default.temporaryDirectory.appendingPathComponent("kops-gz-\(UUID().uuidString).http")
        let cut = FileManager.default.temporaryDirectory.appendingPathComponent("kops-cut-\(UUID().uuidString).json")
        defer {
            try? FileManager.default.removeItem(at: saved)
            try? FileManager.default.removeItem(at: cut)
        }
        try (Data(head.utf8) + compressed).write(to: saved)
        try wire.prefix(515).write(to: cut)
        let gz = verify(["--file", saved.path], secret: Self.kapsoSecret)
        #expect(gz.status == .failure)
        #expect(
            gz.err.contains(
                "; the body is gzip-compressed (\(compressed.count) bytes, starting 1f 8b), not JSON; decompressed (1031 bytes) "
                    + "it matches the signature"), "\(gz.err)")
        let other = verify(["--file", saved.path], secret: "whsec_case_py_0002")
        #expect(other.err.contains("decompressed (1031 bytes) it still does not match this secret and signature"), "\(other.err)")
        for secret in [Self.kapsoSecret, "whsec_case_py_0002"] {
            let run = verify(["--signature", signature, "--file", cut.path], secret: secret)
            #expect(run.status == .failure)
            #expect(run.err.hasPrefix("error: invalid signature: the body is not complete JSON: it ends mid-JSON after 515 bytes"), "\(run.err)")
        }
    }

    static func gzipped(_ body: Data) -> Data {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("kops-gzin-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: input) }
        guard (try? body.write(to: input)) != nil, let pipe = try? ChildPipe() else { return Data() }
        let process = try? ChildProcess(
            executable: "/usr/bin/env", arguments: ["gzip", "-c", "-n"], stdin: .file(input.path), stdout: .descriptor(pipe.writeEnd))
        close(pipe.writeEnd)
        let bytes = pipe.readAll()
        process?.wait()
        return Data(bytes)
    }

    static func opensslSHA1(body: Data, key: String) -> String {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("kops-sha1-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: input) }
        guard (try? body.write(to: input)) != nil, let pipe = try? ChildPipe() else { return "" }
        let process = try? ChildProcess(
            executable: "/usr/bin/env", arguments: ["openssl", "dgst", "-sha1", "-hmac", key, "-hex"],
            stdin: .file(input.path), stdout: .descriptor(pipe.writeEnd))
        close(pipe.writeEnd)
        let text = String(decoding: pipe.readAll(), as: UTF8.self)
        process?.wait()
        return String(text.split(separator: " ").last ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
