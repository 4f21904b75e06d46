import Foundation
@testable import KopsShell
import Testing

/// `verify --file` of saved requests in forms people have (tester50 F8, F5): `payload sample`'s print saved to a file (a
/// header block without a request line, and the terminal's newline after the body), and a raw capture of a chunked
/// request (`Transfer-Encoding: chunked`, the body in hex-sized chunks).
@Suite struct VerifySavedFormsTests {
    /// Writes `bytes` to a fresh temporary file and runs `body` with its path.
    private func withFile<T>(_ bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kops-saved-\(UUID().uuidString)")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try body(file.path)
    }

    /// `payload sample EVENT > FILE`: what the command prints on standard output.
    private var sample: String {
        get throws {
            let printed = OfflineShell.run("payload", "sample", "whatsapp.message.received")
            try #require(printed.status == .ok)
            return printed.out
        }
    }

    /// F8: the header block is read as a saved request (its own X-Webhook-Signature is used), and the newline the print
    /// put after the JSON body is the file's, not the body's: the saved sample verifies as valid and says what it left
    /// out (fix51; it was "invalid … the body ends with a newline"). The other direction: a body byte changed, or another
    /// secret, is invalid all the same, never "the secret is right".
    @Test func aSavedPayloadSampleVerifiesAndAChangedOneDoesNot() throws {
        let printed = try sample
        #expect(printed.hasSuffix("}\n"))
        let result = try withFile(Array(printed.utf8)) { OfflineShell.run("verify", "--secret", "whsec_example", "--file", $0) }
        #expect(result.status == .ok, "\(result.err)")
        #expect(result.out.hasPrefix("valid: X-Webhook-Signature matches the "), "\(result.out)")
        #expect(result.err.contains("a saved HTTP request without its request line"), "\(result.err)")
        #expect(result.err.contains("to the end of its JSON (no content-length header ends it; the 1 byte of line ends"), "\(result.err)")
        // Without the print's newline it is the signed body too.
        let exact = try withFile(Array(printed.dropLast().utf8)) {
            OfflineShell.run("verify", "--secret", "whsec_example", "--file", $0)
        }
        #expect(exact.status == .ok, "\(exact.err)")
        // A changed body byte (its last digit), and the right file under another secret: invalid.
        let digit = try #require(printed.lastIndex { $0.isNumber })
        let changed = printed.replacingCharacters(in: digit...digit, with: printed[digit] == "1" ? "2" : "1")
        let tampered = try withFile(Array(changed.utf8)) { OfflineShell.run("verify", "--secret", "whsec_example", "--file", $0) }
        #expect(tampered.status == .failure, "\(tampered.out)\(tampered.err)")
        #expect(tampered.err.contains("invalid signature") && !tampered.err.contains("the secret is right"), "\(tampered.err)")
        let otherSecret = try withFile(Array(printed.utf8)) { OfflineShell.run("verify", "--secret", "whsec_other", "--file", $0) }
        #expect(otherSecret.status == .failure, "\(otherSecret.out)\(otherSecret.err)")
        #expect(!otherSecret.err.contains("the secret is right"), "\(otherSecret.err)")
    }

    /// A body that merely starts with a `word: text` line is no header block: it names no request header.
    @Test func aBodyStartingWithAColonLineIsNoHeaderBlock() throws {
        let body = Array("Note: hello\n\n{\"a\":1}".utf8)
        let result = try withFile(body) { OfflineShell.run("verify", "--secret", "whsec_example", "--file", $0) }
        #expect(result.status == .usage)
        #expect(result.err.contains("the file is a body only"), "\(result.err)")
    }

    /// The sample's body and its X-Webhook-Signature, read from the print.
    private func sampleParts() throws -> (body: [UInt8], signature: String) {
        let printed = try sample
        let parts = printed.components(separatedBy: "\n\n")
        let signature = try #require(
            parts[0].split(separator: "\n").first { $0.hasPrefix("X-Webhook-Signature: ") }?.dropFirst(21))
        return (Array(parts[1].dropLast().utf8), String(signature))
    }

    /// F5: a raw capture of a chunked request verifies against its own header once de-chunked, and says so; a body that
    /// `listen --save` already de-chunked under a kept `transfer-encoding: chunked` header is read as it is.
    @Test func aChunkedCaptureIsDechunkedByItsShape() throws {
        let (body, signature) = try sampleParts()
        let head = "POST /wa HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
            + "X-Webhook-Signature: \(signature)\r\n\r\n"
        let half = body.count / 2
        let crlf: [UInt8] = [13, 10]
        let first: [UInt8] = Array((String(half, radix: 16) + "\r\n").utf8) + Array(body[..<half]) + crlf
        let second: [UInt8] = Array((String(body.count - half, radix: 16) + ";ext=1\r\n").utf8) + Array(body[half...]) + crlf
        let framed: [UInt8] = Array(head.utf8) + first + second + Array("0\r\n\r\n".utf8)
        let result = try withFile(framed) { OfflineShell.run("verify", "--secret", "whsec_example", "--file", $0) }
        #expect(result.status == .ok, "\(result.err)")
        #expect(result.out.hasPrefix("valid: X-Webhook-Signature matches the \(body.count)-byte body"), "\(result.out)")
        #expect(result.err.contains("in HTTP chunked framing (\(framed.count - head.utf8.count) bytes"), "\(result.err)")
        let saved = try withFile(Array(head.utf8) + body) { OfflineShell.run("verify", "--secret", "whsec_example", "--file", $0) }
        #expect(saved.status == .ok, "\(saved.err)")
        #expect(!saved.err.contains("chunked framing"))
    }

    /// F5, a chunked body given alone (`--body`'s bytes, a body file cut from a capture) with the signature: the cause
    /// names the framing, not the secret.
    @Test func aChunkedBodyAloneNamesTheFraming() throws {
        let (body, signature) = try sampleParts()
        let framed: [UInt8] = Array((String(body.count, radix: 16) + "\r\n").utf8) + body + Array("\r\n0\r\n\r\n".utf8)
        let result = try withFile(framed) {
            OfflineShell.run("verify", "--secret", "whsec_example", "--signature", signature, "--file", $0)
        }
        #expect(result.status != .ok)
        #expect(result.err.contains("the body is in HTTP chunked framing"), "\(result.err)")
        #expect(result.err.contains("de-chunked (\(body.count) bytes) it matches"))
        #expect(!result.err.contains("the secret is wrong"))
    }
}
