import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// tester70 F1: `verify --file` of a HAR capture (browser devtools', Charles', mitmproxy's export), a Pipedream event
/// export and a request-bin export with headers as `[name, value]` pairs hashed the whole file as the body, or missed the
/// signature header in it, and said "invalid signature … the secret is wrong" of a valid delivery. The request inside is
/// read: the real-world case's wire body and signature (`kapso-es`) verify as valid in each.
@Suite struct F1CaptureExportVerifyTests {
    static let secret = RealWorldSignatureTests.kapsoSecret

    private func verify(_ json: String) throws -> (status: KopsShell.ExitStatus, out: String, err: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kops-f1-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = OfflineShell.run(["verify", "--secret", Self.secret, "--file", file.path])
        return (result.status, result.out, result.err)
    }

    private func parts() throws -> (wire: String, signature: String) {
        (try RealWorldSignatureTests.text("kapso-es.wire.json"),
         try RealWorldSignatureTests.text("kapso-es.signature.txt").trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private func encoded(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func aHARCaptureVerifiesFromTheRequestInside() throws {
        let (wire, signature) = try parts()
        let har: [String: Any] = ["log": ["version": "1.2", "entries": [
            ["request": ["method": "GET", "url": "https://hooks.example.com/favicon.ico", "headers": []]],
            ["request": [
                "method": "POST", "url": "https://hooks.example.com/kapso",
                "headers": [["name": "content-type", "value": "application/json"], ["name": "x-webhook-signature", "value": signature]],
                "postData": ["mimeType": "application/json", "text": wire],
            ]],
        ]]]
        let run = try verify(try encoded(har))
        #expect(run.status == .ok, "\(run.out)\(run.err)")
        #expect(run.out.hasPrefix("valid: X-Webhook-Signature matches"), "\(run.out)")
        #expect(run.err.contains("a HAR capture"), "\(run.err)")
        #expect(!run.err.contains("the secret is wrong"), "\(run.err)")
    }

    @Test func headersAsNameValuePairsAreRead() throws {
        let (wire, signature) = try parts()
        let run = try verify(try encoded(["headers": [["X-Webhook-Signature", signature], ["Content-Type", "application/json"]], "body": wire]))
        #expect(run.status == .ok, "\(run.out)\(run.err)")
        #expect(!run.err.contains("without a signature header"), "\(run.err)")
    }

    @Test func aPipedreamEventExportIsReadAsAnExportOfParsedJSON() throws {
        let (wire, signature) = try parts()
        let event = "{\"event\":{\"headers\":{\"x-webhook-signature\":\"\(signature)\"},\"body\":\(wire)}}"
        let run = try verify(event)
        #expect(run.status == .ok, "\(run.out)\(run.err)")
        #expect(run.err.contains("\"event.body\"") || run.err.contains("parsed JSON"), "\(run.err)")
        #expect(!run.err.contains("the secret is wrong"), "\(run.err)")
    }
}
