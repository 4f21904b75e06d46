import Foundation
import KapsoClient
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// Session 67 (docs/performance.md): `BasicCredentials.mayOccur` finds the `b`s of a text eight bytes at a time
/// (`ByteWords.firstIndex(ofLetter:)`) where it read every byte. The answer must be the byte-by-byte reading's for every
/// text, at every offset of the word in its eight bytes, and a Basic credential in a printed table cell is still masked.
@Suite struct Perf67BasicBytesTests {
    /// The reading before session 67: every byte tested for `b` in either case.
    static func byteByByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 8 else { return false }
        for index in 0..<(bytes.count - 6) where bytes[index] | 0x20 == UInt8(ascii: "b") {
            if BasicCredentials.startsCredential(bytes, at: index) { return true }
        }
        return false
    }

    static func answers(_ bytes: [UInt8]) -> (words: Bool, bytes: Bool) {
        bytes.withUnsafeBufferPointer { (BasicCredentials.mayOccur(in: $0), byteByByte($0)) }
    }

    /// Every byte value at every position of texts up to 19 bytes, from every start: the first position found is the
    /// first byte that ORed with 0x20 is the letter (the letter or its upper case, nothing else).
    @Test func aLetterIsFoundWhereTheByteByByteReadingFindsIt() {
        for letter in [UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "z")] {
            for length in 0...19 {
                for position in 0..<max(length, 1) {
                    for value in UInt8(0)...UInt8(255) {
                        var text = [UInt8](repeating: 0x2E, count: length)
                        if position < length { text[position] = value }
                        if length > 0 { text[length - 1] = letter }
                        text.withUnsafeBufferPointer { bytes in
                            for start in [0, position, max(0, length - 9)] where start <= length {
                                let expected = (start..<length).first { bytes[$0] | 0x20 == letter }
                                #expect(ByteWords.firstIndex(ofLetter: letter, in: bytes, from: start) == expected, "\(text) \(start)")
                            }
                        }
                    }
                }
            }
        }
    }

    /// The word, cut or whole, after each kind of byte, at each of the eight offsets a word's bytes can start at,
    /// with and without bytes after it: the two readings agree, and both answers are common.
    @Test func theAnswerIsTheByteByByteReadings() {
        let words = [
            "basic ", "Basic+", "BASIC%", "bAsIc\t", "basic", "basi ", "xbasic ", "%3Dbasic ", "%5Fbasic ", "_basic ", "-Basic ",
            "basicx", "bbasic ", "Bbasic+", "b asic ", "\u{E9}basic ",
        ]
        let fillers = [" ", "a", "B", "b", "\u{E9}", "%", "ba", "bas"]
        var (yes, no) = (0, 0)
        for word in words {
            for filler in fillers {
                for before in 0...17 {
                    for after in 0...9 {
                        let text = Array((String(repeating: filler, count: before) + word + String(repeating: "x", count: after)).utf8)
                        let (words, bytes) = Self.answers(text)
                        #expect(words == bytes, "\(String(decoding: text, as: UTF8.self).debugDescription)")
                        if bytes { yes += 1 } else { no += 1 }
                    }
                }
            }
        }
        #expect(yes > 2_000 && no > 2_000, "\(yes) \(no)")
    }

    /// Random texts of the word in both cases, cut or whole, separators, escapes and word bytes.
    @Test func randomTextsAgree() {
        let pieces = ["b", "B", "basic", "BASIC", "Basic", "bAsIc", "asic", "basi", " ", "+", "%", "%20", "%3D", "%5F", "\t", "_", "-", "x", "\u{E9}"]
            .map { Array($0.utf8) }
        var generator = SplitMix(seed: 6767)
        var (yes, no) = (0, 0)
        for _ in 0..<40_000 {
            let text = (0..<Int(generator.next() % 12)).flatMap { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
            let (words, bytes) = Self.answers(text)
            #expect(words == bytes, "\(String(decoding: text, as: UTF8.self).debugDescription)")
            if bytes { yes += 1 } else { no += 1 }
        }
        #expect(yes > 100 && no > 100, "\(yes) \(no)")
    }

    /// Canary: a Basic credential in a number's name, at each offset of its eight bytes, is masked in the `numbers` table
    /// on the terminal and in the transcript (the table's text test is the path `mayOccur` stands in).
    @Test func aBasicCredentialInATableCellIsMasked() async throws {
        let credentials = ["YWRtaW46cHc", "Ym9iOnMzY3IzdA", "dTpwYXNzd29yZA"]
        let items = try Fixtures.json("phone_numbers.list.json")["data"]?.array ?? []
        var data: [JSONValue] = []
        for (index, credential) in credentials.enumerated() {
            for pad in 0..<8 {
                guard case .object(var object) = items[(index + pad) % items.count] else { continue }
                object["id"] = .string("10020030040\(index)\(pad)")
                object["phone_number_id"] = .string("10020030040\(index)\(pad)")
                object["name"] = .string(String(repeating: "n", count: pad) + " Basic \(credential)==")
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
            let client = KapsoClient(baseURL: server.baseURL, apiKey: Secret("kops_canary_BASIC_6767"), transport: transport)
            let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
            let output = BufferOutput()
            let shell = Shell(context: context, renderer: Renderer(), output: output)
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(session: shell.context.session, host: "127.0.0.1"), destination: .memory)
            shell.recorder = recorder
            #expect(shell.run(line: "numbers --per-page 100") == .ok)
            return (output.combined, recorder.text)
        }
        #expect(terminal.contains("Basic <redacted>"), "\(terminal)")
        for credential in credentials {
            #expect(!terminal.contains(credential), "\(credential) reached the terminal")
            #expect(!transcript.contains(credential), "\(credential) reached the transcript")
        }
    }
}
