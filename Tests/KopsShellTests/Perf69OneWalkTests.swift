import Foundation
import KapsoClient
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// Session 69 (docs/performance.md): `Redactor.needsRedaction`, the test every printed text takes, shares its readings:
/// the secrets' 8-byte windows are found once and the whole secrets looked for only where one is (or the secret is
/// shorter), curl's `-u` and Basic credentials are found in one scan, and the shaped credentials' walk passes the bytes
/// no reading stops at in a loop of their own. Its answer must be the five tests' asked one by one, for every text, and
/// secrets in a printed table are still masked on the terminal and in the transcript.
@Suite struct Perf69OneWalkTests {
    /// Secret sets: word-like and random, sharing first bytes (`whsec_`), shorter than 8 bytes (looked for whole only),
    /// upper case, and none.
    static let secretSets: [[String]] = [
        ["whsec_analytics_987", "whsec_demo_123", "whsec_sales_654", "bench_key_0123456789"],
        ["sk-live-SECRET-abcdef123456", "k9Zq7x", "Basic1"],
        ["abcd", "wxyz-12", "production-key", "correcthorsebatterystaple"],
        ["whsec_Zq81mXkP0aWebhookQq", "QmFzZTZzS2VzaGVyZQyy", "-u a:b9"],
        ["line\nfeed-Secret-42x", "\u{E9}t\u{E9}2026"],
        [],
    ]

    /// Pieces of those secrets (whole, cut, in another case, base64, percent-encoded), cut marks, curl's user flags, Basic
    /// credentials, the bytes each test stops at, and bytes none does.
    static let pieces = [
        "whsec_analytics_987", "whsec_demo_123", "bench_key_0123456789", "k9Zq7x", "K9ZQ7X", "Basic1", "abcd", "wxyz-12",
        "production-key", "correcthorse", "batterystap", "sk-live-", "SECRET-abcdef12", "Zq81mXkP0a", "QmFzZTZzS2Vz",
        "d2hzZWNfZGVtb18xMjM", "whsec%5Fdemo%5F123", "feed-Secret-42x", "\u{E9}t\u{E9}2026", "whsec_\u{2026}23", "k9Z\u{2026}",
        "\u{2026}", "...", "***", "-u ", "-U", "--user ", "--user=", "--proxy-user ", "-uadmin:pw", "admin:pw", "curl ",
        "Basic ", "basic+", "BASIC%20", "%2520", "YWRtaW46cHc=", "b", "B", "-", "--", "whatsapp.message.received",
        "https://hooks.acme-demo.test/kapso/", "Authorization: ", "?access_token=", "EAAGm0PX4ZCpsBAKZCZB", "  ", "        ",
        " ", "\t", "\n", "\"", "'", "(", ":", "=", "/", ".", "x", "7", "_", "%", "\u{E9}", "\u{301}",
    ]

    static func text(_ generator: inout SplitMix, most: UInt64 = 10) -> String {
        (0..<Int(generator.next() % most)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
    }

    /// The redactors of each set: as made, and revealing each secret of it.
    static var redactors: [Redactor] {
        secretSets.flatMap { set in
            let redactor = Redactor(knownSecrets: set.map { Secret($0) })
            return [redactor] + set.map { redactor.revealing($0) }
        }
    }

    /// `needsRedaction` before session 69: the five tests one by one (and the cut echoes'), as its body read.
    static func fiveTests(_ redactor: Redactor, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            redactor.secretPatterns.occurs(in: bytes) || redactor.mayMaskFragments(in: bytes)
                || redactor.shortCutEchoes.occurs(in: bytes)
                || CurlUserCredentials.mayOccur(in: bytes) || BasicCredentials.mayOccur(in: bytes)
                || ShapedCredentials.mayOccur(in: bytes, orColonEndsHeaderOrURL: Redactor.credentialHeaderBytes)
        }
    }

    @Test func needsRedactionAnswersAsTheFiveTests() {
        let redactors = Self.redactors
        var generator = SplitMix(seed: 6969)
        var (yes, no) = (0, 0)
        for _ in 0..<6_000 {
            let text = Self.text(&generator)
            for redactor in redactors {
                let old = Self.fiveTests(redactor, text)
                #expect(redactor.needsRedaction(text) == old, "\(text.debugDescription)")
                if old { yes += 1 } else { no += 1 }
            }
        }
        #expect(yes > 20_000 && no > 20_000, "\(yes) \(no)")
    }

    /// The whole secrets are looked for only where a window of a secret's forms is, or among the secrets shorter than
    /// a window: the answer is the full search's for every text and set.
    @Test func thePatternsAnswerAsTheFullSearch() {
        var generator = SplitMix(seed: 6970)
        var found = 0
        for set in Self.secretSets {
            let secrets = set.map { Secret($0) }
            let (patterns, fragments) = (SecretPatterns(secrets), SecretFragments(secrets))
            for _ in 0..<8_000 {
                var text = Self.text(&generator, most: 6)
                let (gated, full) = text.withUTF8 { bytes in
                    (patterns.occurs(in: bytes, windowsFound: !fragments.hits(in: bytes, first: false).isEmpty), patterns.occurs(in: bytes))
                }
                #expect(gated == full, "\(text.debugDescription)")
                if full { found += 1 }
            }
            // Each secret whole, at each of eight offsets, between other bytes.
            for secret in set {
                for pad in 0..<8 {
                    var text = String(repeating: "x", count: pad) + secret + " tail"
                    #expect(text.withUTF8 { bytes in
                        patterns.occurs(in: bytes, windowsFound: !fragments.hits(in: bytes, first: false).isEmpty)
                    }, "\(pad)")
                }
            }
        }
        #expect(found > 2_000, "\(found)")
    }

    /// curl's user flag before session 69, spelled out: from each `-` (found eight bytes at a time) as
    /// `CurlUserCredentials.mayOccur` read it.
    static func curlUserBefore(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func isBefore(_ byte: UInt8) -> Bool { [0x20, 0x09, 0x27, 0x22, 0x28].contains(byte) }
        let longFlags = [Array("--user".utf8), Array("--proxy-user".utf8)]
        var index = 0
        while index + 1 < bytes.count {
            guard let dash = ByteWords.firstIndex(of: UInt8(ascii: "-"), in: bytes, from: index) else { return false }
            index = dash
            defer { index += 1 }
            guard index + 1 < bytes.count, index == 0 || isBefore(bytes[index - 1]) else { continue }
            let next = bytes[index + 1]
            let long = bytes[index + 1] == UInt8(ascii: "-")
                && longFlags.contains { flag in index + flag.count <= bytes.count && (0..<flag.count).allSatisfy { bytes[index + $0] == flag[$0] } }
            guard next == UInt8(ascii: "u") || next == UInt8(ascii: "U") || long else { continue }
            var end = index + 1
            while end < bytes.count, bytes[end] != 0x20, bytes[end] != 0x09, bytes[end] != 0x0A { end += 1 }
            var value = end
            while value < bytes.count, bytes[value] == 0x20 || bytes[value] == 0x09 { value += 1 }
            while value < bytes.count, bytes[value] != 0x20, bytes[value] != 0x09, bytes[value] != 0x0A {
                if bytes[value] == UInt8(ascii: ":") { return true }
                value += 1
            }
            for colon in index..<end where bytes[colon] == UInt8(ascii: ":") { return true }
        }
        return false
    }

    /// The one scan for `-` and `b` answers as the two tests, and curl's test as it read before, on random texts of the
    /// flags, Basic credentials and the bytes around them, at every offset of their eight bytes.
    @Test func userOrBasicAnswersAsTheTwoTests() {
        var generator = SplitMix(seed: 6971)
        var (yes, no) = (0, 0)
        for _ in 0..<30_000 {
            let text = Array((String(repeating: "y", count: Int(generator.next() % 8)) + Self.text(&generator, most: 8)).utf8)
            text.withUnsafeBufferPointer { bytes in
                let (curl, basic) = (CurlUserCredentials.mayOccur(in: bytes), BasicCredentials.mayOccur(in: bytes))
                #expect(curl == Self.curlUserBefore(bytes), "\(String(decoding: text, as: UTF8.self).debugDescription)")
                #expect(UserOrBasicCredentials.mayOccur(in: bytes) == (curl || basic), "\(String(decoding: text, as: UTF8.self).debugDescription)")
                if curl || basic { yes += 1 } else { no += 1 }
            }
        }
        #expect(yes > 1_000 && no > 3_000, "\(yes) \(no)")
    }

    /// Every byte value at every position of texts up to 19 bytes, from three starts: the first position found is the
    /// first byte that is the byte, or ORed with 0x20 is the letter.
    @Test func aByteOrALetterIsFoundWhereTheByteByByteReadingFindsIt() {
        for (byte, letter) in [(UInt8(ascii: "-"), UInt8(ascii: "b")), (UInt8(ascii: "B"), UInt8(ascii: "z")), (0x00, UInt8(ascii: "a"))] {
            for length in 0...19 {
                for position in 0..<max(length, 1) {
                    for value in UInt8(0)...UInt8(255) {
                        var text = [UInt8](repeating: 0x2E, count: length)
                        if position < length { text[position] = value }
                        if length > 1 { text[length - 1] = byte }
                        text.withUnsafeBufferPointer { bytes in
                            for start in [0, position, max(0, length - 9)] where start <= length {
                                let expected = (start..<length).first { bytes[$0] == byte || bytes[$0] | 0x20 == letter }
                                #expect(ByteWords.firstIndex(of: byte, orLetter: letter, in: bytes, from: start) == expected, "\(text) \(start)")
                            }
                        }
                    }
                }
            }
        }
    }

    /// Canary: the API key, a short known secret, curl's `-u` password and a Basic credential in a number's name, at each
    /// offset of its eight bytes, are masked in the `numbers` table on the terminal and in the transcript.
    @Test func secretsInATableCellAreMasked() async throws {
        let apiKey = "kops_canary_ONEWALK_6969"
        let values = [apiKey, "W6q9Xt", "curl -u admin:Hunter2pw", "Basic Ym9iOnMzY3IzdA=="]
        let items = try Fixtures.json("phone_numbers.list.json")["data"]?.array ?? []
        var data: [JSONValue] = []
        for (index, value) in values.enumerated() {
            for pad in 0..<8 {
                guard case .object(var object) = items[(index + pad) % items.count] else { continue }
                object["id"] = .string("10020030040\(index)\(pad)")
                object["phone_number_id"] = .string("10020030040\(index)\(pad)")
                object["name"] = .string(String(repeating: "n", count: pad) + " \(value) x")
                data.append(.object(object))
            }
        }
        let body = JSONValue.object(["data": .array(data), "meta": ["page": 1, "per_page": 100, "total_pages": 1, "total_count": .number(String(data.count))]])
        let (terminal, transcript) = try await offPool {
            let server = try HostileServer { request in
                guard request.path.contains("/whatsapp/phone_numbers") else { return .json(status: 404, #"{"error":"Not found"}"#) }
                return .json(body.serialized())
            }
            defer { server.stop() }
            let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))
            let client = KapsoClient(baseURL: server.baseURL, apiKey: Secret(apiKey), transport: transport)
            let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
            let output = BufferOutput()
            let shell = Shell(context: context, renderer: Renderer(), output: output)
            shell.redactor.knownSecrets.append(Secret("W6q9Xt"))
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(session: shell.context.session, host: "127.0.0.1"), destination: .memory)
            shell.recorder = recorder
            #expect(shell.run(line: "numbers --per-page 100") == .ok)
            return (output.combined, recorder.text)
        }
        #expect(terminal.contains("Basic <redacted>") && terminal.contains("admin:<redacted>"), "\(terminal)")
        for secret in [apiKey, "W6q9Xt", "Hunter2pw", "Ym9iOnMzY3IzdA"] {
            #expect(!terminal.contains(secret), "\(secret) reached the terminal")
            #expect(!transcript.contains(secret), "\(secret) reached the transcript")
        }
    }
}
