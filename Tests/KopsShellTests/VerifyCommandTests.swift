import Foundation
import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

@Suite struct VerifyCommandTests {
    static let secret = "whsec_demo_123"
    static let bodyFile = Fixtures.folder.appendingPathComponent("webhook.v2.message_received.json").path
    /// The fixture is one received message, the shape of one item of a batched delivery: the batch pitfall is
    /// listed ahead of the wrong secret (probe21 P21-20).
    static let commonCauses =
        "it does not match this body and secret; common causes: the body was re-serialised from parsed "
        + "JSON instead of hashing the raw bytes; a trailing newline was added; the body is one item of a batched "
        + "delivery's data[] (with buffering on, X-Webhook-Batch: true, the signature covers the whole batch body, "
        + "'batch': true and 'data': [...]: verify that once, before splitting data[]); the secret is wrong "
        + "(each webhook has its own secret_key); Meta's X-Hub-Signature-256 and Kapso's "
        + "X-Webhook-Signature were mixed up (Meta signs with the app secret)"

    private var signature: String {
        get throws { String(decoding: try Fixtures.data("webhook.v2.message_received.signature.txt"), as: UTF8.self) }
    }

    private var body: String {
        get throws { String(decoding: try Fixtures.data("webhook.v2.message_received.json"), as: UTF8.self) }
    }

    /// Runs `verify` and checks that no secret reached either stream.
    private func verify(_ words: [String], secrets: [String] = [secret]) -> (
        status: KopsShell.ExitStatus, out: String, err: String
    ) {
        let result = OfflineShell.run(["verify"] + words)
        for secret in secrets + [OfflineShell.apiKey] {
            #expect(!Array((result.out + result.err).utf8).contains(Array(secret.utf8)), "secret leaked: \(secret)")
        }
        #expect(result.requests == 0)
        return (result.status, result.out, result.err)
    }

    @Test func fixtureFileIsValid() throws {
        let result = verify(["--secret", Self.secret, "--signature", try signature, "--file", Self.bodyFile])
        #expect(result.status == .ok)
        #expect(result.out == "valid: X-Webhook-Signature matches the 1063-byte body\n")
        #expect(result.err == "")
    }

    /// Writes `bytes` to a fresh temporary file and runs `body` with its path.
    private func withFile<T>(_ bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kops-verify-\(UUID().uuidString)")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try body(file.path)
    }

    /// probe9 P9-4: a delivery as `listen --save` writes it (request line, headers, an empty line, the raw body) is
    /// read as such: its body is checked, against the file's own signature header when none is given.
    @Test func aSavedDeliveryHasItsBodyCheckedAgainstItsOwnHeader() throws {
        let head = "POST /hook HTTP/1.1\r\ncontent-type: application/json\r\nx-webhook-event: whatsapp.message.received\r\n"
            + "x-webhook-signature: \(try signature)\r\ncontent-length: 1063\r\n\r\n"
        let saved = Array(head.utf8) + Array(try body.utf8)
        let note = "the file is a saved HTTP request (request line, headers, an empty line, then the body: what "
            + "'listen --save' writes); the 1063-byte body after the empty line was checked"
        try withFile(saved) { path in
            let given = verify(["--secret", Self.secret, "--signature", try signature, "--file", path])
            #expect(given.status == .ok)
            #expect(given.out == "valid: X-Webhook-Signature matches the 1063-byte body\n")
            #expect(given.err == note + "\n")
            let own = verify(["--secret", Self.secret, "--file", path])
            #expect(own.status == .ok)
            #expect(own.err == note + " against its own X-Webhook-Signature header\n")
            let wrong = verify(["--secret=whsec_other_456", "--file", path], secrets: ["whsec_other_456"])
            #expect(wrong.status == .failure)
            #expect(wrong.err == "error: invalid signature: " + note + " against its own X-Webhook-Signature header; \(Self.commonCauses)\n")
        }
        // probe14 P14-17: re-saved by an editor (a newline after the body): the body is read to its saved content-length,
        // as 'replay' reads it, and the delivery is valid; a body of another length is still checked whole.
        try withFile(saved + Array("\n".utf8)) { path in
            let resaved = verify(["--secret", Self.secret, "--file", path])
            #expect(resaved.status == .ok, "\(resaved.err)")
            #expect(resaved.out == "valid: X-Webhook-Signature matches the 1063-byte body\n")
            #expect(resaved.err.contains(
                "the 1063-byte body after the empty line, to its saved content-length (the 1 byte of line ends after it, an "
                    + "editor's newline on save, left out), was checked"), "\(resaved.err)")
        }
        try withFile(saved + Array(" x".utf8)) { path in
            #expect(verify(["--secret", Self.secret, "--file", path]).status == .failure)
        }
        // A file with no signature header of its own still needs --signature.
        try withFile(Array("POST / HTTP/1.1\r\nhost: x\r\n\r\n{}".utf8)) { path in
            let none = verify(["--secret", Self.secret, "--file", path])
            #expect(none.status == .usage)
            #expect(
                none.err == "error: verify: missing --signature HEX (the file is a saved request without a signature header "
                    + "(X-Webhook-Signature or X-Hub-Signature-256) of its own); usage: \(VerifyCommand.usage)\n")
        }
        // A plain body: the usage shows --signature optional, so the error says when it is.
        try withFile(Array(#"{"event":"x"}"#.utf8)) { path in
            let plain = verify(["--secret", Self.secret, "--file", path])
            #expect(plain.status == .usage)
            #expect(
                plain.err == "error: verify: missing --signature HEX (the file is a body only; --signature may be left out only "
                    + "for a saved request that carries its own signature header ('listen --save' writes one, or a request-bin "
                    + "JSON export)); usage: \(VerifyCommand.usage)\n")
        }
        let text = verify(["--secret", Self.secret, "--body", "{}"])
        #expect(text.status == .usage)
        #expect(text.err.hasPrefix("error: verify: missing --signature HEX (the text given is a body only; "), "\(text.err)")
    }

    /// probe9 P9-4: a request-bin style JSON export keeps the raw body as a string; its own header, when it is not a
    /// signature, is said to be the file's.
    @Test func aJSONExportHasItsBodyChecked() throws {
        let export = JSONValue.object(["headers": .object(["x-webhook-signature": "x"]), "body": .string(try body)])
        try withFile(Array(export.serialized().utf8)) { path in
            let given = verify(["--secret", Self.secret, "--signature", try signature, "--file", path])
            #expect(given.status == .ok)
            #expect(given.out == "valid: X-Webhook-Signature matches the 1063-byte body\n")
            #expect(given.err.hasPrefix("the file is a JSON export of a request"))
            let own = verify(["--secret", Self.secret, "--file", path])
            #expect(own.status == .usage)
            #expect(own.err.hasPrefix("error: verify: malformed signature: the file's own X-Webhook-Signature header: "), "\(own.err)")
        }
    }

    @Test func wrongSecretListsTheCommonCauses() throws {
        let result = verify(
            ["--secret=whsec_other_456", "--signature", try signature, "--file", Self.bodyFile],
            secrets: ["whsec_other_456"])
        #expect(result.status == .failure)
        #expect(result.out == "")
        #expect(result.err == "error: invalid signature: \(Self.commonCauses)\n")
    }

    /// probe7 P7-5: a field joined from two headers (RFC 9110 §5.3) is checked value by value, never called
    /// malformed; a value with its JSON quotes is read and the quotes named; Stripe's format is named.
    @Test func aJoinedSignatureFieldIsCheckedValueByValue() throws {
        let zeros = String(repeating: "0", count: 64)
        for (joined, which) in [("\(try signature), \(zeros)", "1st"), ("\(zeros), \(try signature)", "2nd")] {
            let result = verify(["--secret", Self.secret, "--signature", joined, "--file", Self.bodyFile])
            #expect(result.status == .ok)
            #expect(result.out.hasPrefix("valid: the \(which) of 2 X-Webhook-Signature values matches the 1063-byte body\n"))
            #expect(result.err.contains("2 signature values were received"))
        }
        let none = verify(["--secret", Self.secret, "--signature", "\(zeros), \(zeros)", "--file", Self.bodyFile])
        #expect(none.status == .failure)
        #expect(none.err.hasPrefix("error: invalid signature: the same signature value") || none.err.contains("none matches"))
        #expect(!none.err.contains("malformed"))
        let quoted = verify(["--secret", Self.secret, "--signature", "\"\(try signature)\"", "--file", Self.bodyFile])
        #expect(quoted.status == .ok)
        #expect(quoted.err.contains("pasted with its quotes"))
        let stripe = verify(["--secret", Self.secret, "--signature", "t=1795255200,v1=\(zeros)", "--file", Self.bodyFile])
        #expect(stripe.status == .usage)
        #expect(stripe.err.contains("Stripe's Stripe-Signature format"))
    }

    @Test func tamperedBodyListsTheCommonCauses() throws {
        let tampered = try body.replacingOccurrences(of: "A-1042", with: "A-1043")
        let result = verify(["--secret", Self.secret, "--signature", try signature, "--body", tampered])
        #expect(result.status == .failure)
        #expect(result.err == "error: invalid signature: \(Self.commonCauses)\n")
    }

    @Test func trailingNewlineIsDetected() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kops-verify-\(UUID().uuidString).json")
        try Data((try body + "\n").utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = verify(["--secret", Self.secret, "--signature", try signature, "--file", file.path])
        #expect(result.status == .failure)
        #expect(
            result.err
                == "error: invalid signature: the body ends with a newline and the signature matches without it; "
                + "hash the body exactly as received, with nothing appended\n")
    }

    /// probe5 P5-5/P5-10: whitespace or a byte-order mark added around the body is named as such, not as a
    /// re-formatted body (its JSON is the sender's own); the compact-form check used to claim it.
    @Test(arguments: [
        ("", "\n\n", "the body has 2 newlines after it, and the signature matches without them"),
        (" ", "", "the body has a space before it, and the signature matches without it"),
        ("\t", "\r\n\r\n", "the body has a tab before it and 2 CRLF line breaks after it, and the signature matches without them"),
        ("\u{FEFF}", "", "the body has a UTF-8 byte-order mark before it, and the signature matches without it"),
    ])
    func bytesAddedAroundTheBodyAreNamed(_ before: String, _ after: String, _ cause: String) throws {
        let result = verify(["--secret", Self.secret, "--signature", try signature, "--body", before + (try body) + after])
        #expect(result.status == .failure)
        #expect(result.err.hasPrefix("error: invalid signature: " + cause), "\(result.err)")
        #expect(result.err.hasSuffix("hash the body exactly as received, with nothing added\n"), "\(result.err)")
    }

    /// probe5 P5-10: a secret pasted or stored with whitespace around it is named when the trimmed one matches.
    @Test func aSecretWithWhitespaceAroundItIsNamed() throws {
        let result = verify(["--secret", " \(Self.secret)\n", "--signature", try signature, "--body", try body])
        #expect(result.status == .failure)
        #expect(result.err.hasPrefix("error: invalid signature: the secret has whitespace around it"), "\(result.err)")
        let both = verify(["--secret", "\(Self.secret) ", "--signature", try signature, "--body", (try body) + "\n"])
        #expect(both.err.contains("the body ends with a newline") && both.err.contains("and the secret has whitespace around it"), "\(both.err)")
    }

    /// probe6 P6-12: a secret pasted with its JSON quotes is named (alone, and with a body mistake).
    @Test func aSecretWithQuotesAroundItIsNamed() throws {
        let quoted = verify(["--secret", "\"\(Self.secret)\"", "--signature", try signature, "--body", try body])
        #expect(quoted.status == .failure)
        #expect(quoted.err.hasPrefix("error: invalid signature: the secret has quotes around it"), "\(quoted.err)")
        let both = verify(["--secret", " '\(Self.secret)'", "--signature", try signature, "--body", (try body) + "\n"])
        #expect(both.err.contains("the body ends with a newline") && both.err.contains("and the secret has quotes around it"), "\(both.err)")
    }

    /// probe6 P6-12: a base64 signature that decodes to the right HMAC is named as an encoding mistake, not "not hex".
    @Test func aBase64SignatureIsNamed() throws {
        let hex = try signature.trimmingCharacters(in: .whitespacesAndNewlines)
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        let base64 = Data(bytes).base64EncodedString()
        let right = verify(["--secret", Self.secret, "--signature", base64, "--file", Self.bodyFile])
        #expect(right.status == .failure)
        #expect(right.err.hasPrefix("error: invalid signature: the value is base64, and it decodes to the HMAC-SHA256 that matches"), "\(right.err)")
        let wrong = verify(["--secret", "whsec_other_456", "--signature", base64, "--file", Self.bodyFile], secrets: ["whsec_other_456"])
        #expect(wrong.status == .usage)
        #expect(wrong.err.contains("it reads as base64 of 32 bytes, which does not match"), "\(wrong.err)")
    }

    /// probe6 P6-12: a plain SHA-256 of the body, and an HMAC with key and message swapped, are named.
    @Test func hashesThatAreNotTheHMACAreNamed() throws {
        let bodyBytes = Array(try body.utf8)
        let plain = verify(["--secret", Self.secret, "--signature", WebhookSignature.sha256Hex(bodyBytes), "--body", try body])
        #expect(plain.status == .failure)
        #expect(plain.err.hasPrefix("error: invalid signature: the value is a plain SHA-256 of the body"), "\(plain.err)")
        let swapped = WebhookSignature.hmacSHA256Hex(key: bodyBytes, message: Array(Self.secret.utf8))
        let result = verify(["--secret", Self.secret, "--signature", "sha256=" + swapped, "--body", try body, "--meta"])
        #expect(result.status == .failure)
        #expect(result.err.hasPrefix("error: invalid signature: the value is an HMAC-SHA256 with key and message swapped"), "\(result.err)")
    }

    /// probe15 P15-8: a value of SHA-512's or MD5's length names the hash, and says so when that HMAC with the
    /// secret matches (exit 1, the secret and body are right); sha256(secret + body) is named as a plain hash.
    @Test func aDigestOfAnotherHashIsNamedByItsLength() throws {
        let bodyBytes = Array(try body.utf8)
        let key = Array(Self.secret.utf8)
        let sha512 = WebhookSignature.hmacHex("SHA512", key: key, message: bodyBytes)
        #expect(sha512.count == 128)
        let matched = verify(["--secret", Self.secret, "--signature", sha512, "--body", try body])
        #expect(matched.status == .failure)
        #expect(matched.err.hasPrefix(
            "error: invalid signature: 128 hex characters is a SHA-512 digest, and HMAC-SHA512 of this \(bodyBytes.count)-byte "
                + "body with this secret matches it: the secret and body are right, but the sender's code uses SHA-512"),
            "\(matched.err)")
        let md5 = WebhookSignature.hmacHex("MD5", key: Array("whsec_other".utf8), message: bodyBytes)
        #expect(md5.count == 32)
        let other = verify(["--secret", Self.secret, "--signature", md5, "--body", try body])
        #expect(other.status == .usage)
        #expect(other.err.contains(
            "expected 64 hex characters, got 32; 32 hex characters is an MD5 digest (HMAC-MD5 with this secret does not match "
                + "this body either)"), "\(other.err)")
        let handRolled = WebhookSignature.sha256Hex(key + bodyBytes)
        let plain = verify(["--secret", Self.secret, "--signature", handRolled, "--body", try body])
        #expect(plain.status == .failure)
        #expect(plain.err.hasPrefix("error: invalid signature: the value is a plain SHA-256 of the secret followed by the body"),
            "\(plain.err)")
    }

    /// probe5 P5-10: a SHA-1 digest under 'sha256=' is named; a legacy sha1= value that fails gets the same causes.
    @Test func sha1ValuesAreNamed() throws {
        let forty = String(repeating: "ab", count: 20)
        let mislabelled = verify(["--secret", Self.secret, "--signature", "sha256=" + forty, "--body", "{}"])
        #expect(mislabelled.status == .usage)
        #expect(mislabelled.err.contains("40 hex characters is a SHA-1 digest, Meta's legacy X-Hub-Signature"), "\(mislabelled.err)")
        let legacy = verify(["--secret", Self.secret, "--signature", "sha1=" + forty, "--body", "{}", "--meta"])
        #expect(legacy.status == .failure)
        #expect(legacy.err.contains("or check the X-Hub-Signature-256 value ('sha256=…') against"), "\(legacy.err)")
        #expect(!legacy.err.contains("with --meta"), "--meta was given: \(legacy.err)")
    }

    @Test func reformattedJSONIsDetected() throws {
        let pretty = try JSONValue.parse(Array(try body.utf8)).serialized(pretty: true)
        let result = verify(["--secret", Self.secret, "--signature", try signature, "--body", pretty])
        #expect(result.status == .failure)
        #expect(
            result.err
                == "error: invalid signature: the body was re-formatted; the signature matches its compact form, "
                + "so hash the raw bytes as received, not JSON serialised again\n")
    }

    /// The same HMAC with or without Meta's prefix: a value a handler stripped of 'sha256=' still proves the body
    /// and secret (probe finding F17), so it is valid. Here the secret (whsec_) and the body are Kapso's: the line says
    /// it is a Kapso delivery to check without --meta, not that Meta's prefix is missing (tester48 F8).
    @Test func aSignatureWithoutMetasPrefixIsValidAndTheMissingPrefixNamed() throws {
        let result = verify(["--secret", Self.secret, "--signature", try signature, "--file", Self.bodyFile, "--meta"])
        #expect(result.status == .ok)
        #expect(result.out == "valid: X-Webhook-Signature matches the 1063-byte body\n")
        #expect(result.err.contains("this looks like a Kapso delivery (a Kapso webhook secret (whsec_…), bare hex)"))
        // The JSON names Kapso's header too, and no missing prefix (Kapso's value has none).
        let json = verify(["--secret", Self.secret, "--signature", try signature, "--file", Self.bodyFile, "--meta", "--output", "json"])
        #expect(json.out.contains("\"header\": \"X-Webhook-Signature\""), "\(json.out)")
        #expect(!json.out.contains("prefix_missing"), "\(json.out)")
        #expect(result.err.contains("check it without --meta"))
        let wrong = verify(["--secret", "not-the-secret", "--signature", try signature, "--file", Self.bodyFile, "--meta"])
        #expect(wrong.status == .failure)
        #expect(wrong.err.hasPrefix("error: invalid signature: Meta's X-Hub-Signature-256 starts with 'sha256=' and this value does not; "))
    }

    @Test func metaFormIsValidWithMetaAndToleratedWithout() throws {
        let metaForm = "sha256=" + (try signature)
        let meta = verify(["--secret", Self.secret, "--signature", metaForm, "--file", Self.bodyFile, "--meta"])
        #expect(meta.status == .ok)
        #expect(meta.out == "valid: X-Hub-Signature-256 matches the 1063-byte body\n")
        let kapso = verify(["--secret", Self.secret, "--signature", metaForm, "--file", Self.bodyFile])
        #expect(kapso.status == .ok)
        #expect(kapso.out == "valid: X-Webhook-Signature matches the 1063-byte body\n")
        #expect(kapso.err == "the 'sha256=' prefix is Meta's form; Kapso's X-Webhook-Signature is bare hex\n")
    }

    @Test(arguments: [
        ("xyz", "character 1 is not a hex digit (expected 64 hex characters)"),
        ("abc123", "expected 64 hex characters, got 6"),
        (secret, "character 1 is not a hex digit (expected 64 hex characters)"),
    ])
    func badHexIsRejectedBeforeReadingTheBody(signature: String, reason: String) {
        // The file does not exist: the signature is checked first.
        let result = verify([
            "--secret", Self.secret, "--signature", signature, "--file", "/nonexistent/kops/body.json",
        ])
        #expect(result.status == .usage)
        #expect(result.out == "")
        #expect(
            result.err == "error: verify: malformed signature: \(reason); pass the header value exactly as received\n")
    }

    @Test func missingFileIsStatus66() throws {
        let result = verify([
            "--secret", Self.secret, "--signature", try signature, "--file", "/nonexistent/kops/body.json",
        ])
        #expect(result.status == .noInput)
        #expect(result.status.rawValue == 66)
        #expect(result.err == "error: cannot read '/nonexistent/kops/body.json': no such file; check the path\n")
    }

    @Test func needsExactlyOneBodySource() throws {
        let none = verify(["--secret", Self.secret, "--signature", try signature])
        #expect(none.status == .usage)
        #expect(none.err == "error: verify: missing --file FILE or --body TEXT; usage: \(VerifyCommand.usage)\n")
        let both = verify([
            "--secret", Self.secret, "--signature", try signature, "--file", Self.bodyFile, "--body", "{}",
        ])
        #expect(both.status == .usage)
        #expect(both.err == "error: verify: invalid combination '--file with --body'; expected only one of them\n")
    }

    @Test func missingSecretIsAUsageError() throws {
        let result = verify(["--signature", try signature, "--body", "{}"])
        #expect(result.status == .usage)
        #expect(result.err == "error: verify: missing --secret SECRET (or --secret-env VAR); usage: \(VerifyCommand.usage)\n")
    }

    @Test func typedLineNeverEchoesTheSecret() throws {
        let offline = OfflineShell()
        offline.shell.run(line: "verify --secret \(Self.secret) --signature \(try signature) --body '{}'; help verify")
        #expect(!offline.output.combined.contains(Self.secret))
        #expect(offline.output.err.hasPrefix("error: invalid signature: it does not match"))
    }

    /// `help verify` lists every spelling `verify` and `listen` recognise (session 16's note: the help lagged).
    @Test func helpListsEverySpellingItRecognises() throws {
        let offline = OfflineShell()
        offline.shell.run(line: "help verify")
        // Read as prose: the page is fitted to 80 columns, so a phrase may run on the next line.
        let help = offline.output.out.replacingOccurrences(of: "\n *", with: " ", options: .regularExpression)
        for spelling in [
            "a header received twice", "',' (as a proxy joins them), ';' or a space", "pasted with quotes", "Stripe's 't=…,v1=…'",
            "Standard Webhooks (Svix) 'v1,…'", "'sha256=sha256=…'", "invisible characters", "zero-width space U+200B",
            "base64 instead of hex",
        ] {
            #expect(help.contains(spelling), "help verify lacks \(spelling): \(help)")
        }
    }

    /// probe8 P8-10: the spellings acceptance testing found: 'sha256=' written twice, a zero-width space, values
    /// joined with ';' or a space.
    @Test func doubledPrefixInvisibleCharactersAndOtherSeparatorsAreRead() throws {
        let hex = try signature.trimmingCharacters(in: .whitespacesAndNewlines)
        let zeros = String(repeating: "0", count: 64)
        let doubled = verify(["--secret", Self.secret, "--signature", "sha256=sha256=" + hex, "--file", Self.bodyFile])
        #expect(doubled.status == .failure)
        #expect(doubled.err.hasPrefix("error: invalid signature: the 'sha256=' prefix appears twice"), "\(doubled.err)")
        let zwsp = verify(["--secret", Self.secret, "--signature", String(hex.prefix(10)) + "\u{200B}" + hex.dropFirst(10), "--file", Self.bodyFile])
        #expect(zwsp.status == .ok)
        #expect(zwsp.out.hasPrefix("valid: X-Webhook-Signature matches the 1063-byte body"))
        #expect((zwsp.out + zwsp.err).contains("U+200B (zero-width space) at character 11"), "\(zwsp.out)\(zwsp.err)")
        for joined in ["\(hex);\(zeros)", "\(zeros) \(hex)"] {
            let result = verify(["--secret", Self.secret, "--signature", joined, "--file", Self.bodyFile])
            #expect(result.status == .ok, "\(joined): \(result.err)")
            #expect(result.out.hasPrefix("valid: the "), "\(result.out)")
        }
    }
}
