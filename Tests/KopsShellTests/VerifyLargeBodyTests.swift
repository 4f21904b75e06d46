import Foundation
import KapsoClient
import KapsoDiagnostics
import KopsHTTP
import KopsShell
import Testing

/// probe18 P18-19: `verify --file` on a large file took 2.3 s per MB (100 MB: 233 s) in the search for a mismatch's
/// cause and ignored Ctrl-C: a file over 8 MiB (listen's limit) is refused before it is read, and Ctrl-C ends the
/// search between two forms of the body.
@Suite struct VerifyLargeBodyTests {
    private static let signature = String(repeating: "a", count: 64)

    /// A sparse file of `size` bytes (no disk used), removed after `body`.
    private func withSparseFile<T>(size: Int, _ body: (String) throws -> T) throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kops-verify-\(UUID().uuidString)").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(size))
        try handle.close()
        return try body(path)
    }

    @Test func aFileOverListensLimitIsRefusedBeforeItIsRead() throws {
        let size = 100_000_000
        let (result, seconds) = try withSparseFile(size: size) { path in
            let start = ContinuousClock.now
            let result = OfflineShell.run(["verify", "--secret", "whsec_x", "--signature", Self.signature, "--file", path])
            return ((result, path), (ContinuousClock.now - start) / .seconds(1))
        }
        #expect(result.0.status == .usage)
        #expect(result.0.err == "error: verify: invalid --file '\(Shortened.text(result.1))'; expected a webhook body as "
            + "received, at most 8 MiB as 'listen' takes them (webhook bodies are kilobytes); this file is \(size) "
            + "bytes: is it the right file?\n")
        #expect(seconds < 5)
    }

    @Test func aBodyAtTheLimitIsStillChecked() throws {
        try withSparseFile(size: 8 << 20) { path in
            let result = OfflineShell.run(["verify", "--secret", "whsec_x", "--signature", Self.signature, "--file", path])
            #expect(result.status == .failure)
            #expect(result.err.hasPrefix("error: invalid signature: the body is not JSON"), "\(result.err)")
        }
    }

    /// Ctrl-C (a press counted after the command began) ends the search at the next form of the body: the command
    /// says `cancelled`, not a cause it did not finish looking for.
    @Test func ctrlCEndsTheSearchForACause() throws {
        let body = Array("{\"a\":1}\n".utf8)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kops-verify-\(UUID().uuidString)").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(body)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let signature = WebhookSignature.hmacSHA256Hex(key: Array("whsec_x".utf8), message: Array(body.dropLast()))
        let words = ["verify", "--secret", "whsec_x", "--signature", signature, "--file", path]

        let quiet = OfflineShell()
        #expect(quiet.shell.run(words: words) == .failure)
        #expect(quiet.output.err.contains("the body ends with a newline"), "\(quiet.output.err)")

        let pressed = OfflineShell()
        let presses = Presses()
        pressed.shell.context.interruptPresses = { presses.next() }
        #expect(pressed.shell.run(words: words) == .failure)
        #expect(pressed.output.err == "error: cancelled\n")
    }

    @Test func theSearchStopsWhenAsked() {
        let body = Array("{\"a\":1}\n".utf8)
        let secret = Secret("whsec_x")
        let signature = WebhookSignature.hmacSHA256Hex(key: Array("whsec_x".utf8), message: Array(body.dropLast()))
        #expect(SignatureCheck.cause(body: body, secret: secret, signature: signature, meta: false).hasPrefix("the body ends"))
        #expect(SignatureCheck.cause(body: body, secret: secret, signature: signature, meta: false, stop: { true })
            == SignatureCheck.unexplained)
    }
}

/// Ctrl-C counts that rise at every look: whoever looks twice sees a press in between.
private final class Presses: @unchecked Sendable {
    private var count = 0

    func next() -> Int {
        defer { count += 1 }
        return count
    }
}
