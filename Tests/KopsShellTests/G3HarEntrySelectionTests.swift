import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// tester70b G3: `verify --file` of a HAR capture read its first entry with a body: an analytics beacon before the
/// webhook gave "without a signature header of its own" (and, with --signature, "invalid … the secret is wrong"); of two
/// deliveries only the first was checked; `postData.encoding: "base64"` was not decoded; Node's flat `rawHeaders` list was
/// not read as headers. Now the entry carrying a signature header is checked (or the one whose body is webhook JSON),
/// named with its place, URL and time; several signed entries are each checked and reported.
@Suite struct G3HarEntrySelectionTests {
    static let secret = RealWorldSignatureTests.kapsoSecret

    private func verify(_ value: Any, _ extra: [String] = []) throws -> (status: KopsShell.ExitStatus, out: String, err: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kops-g3-\(UUID().uuidString).har")
        try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = OfflineShell.run(["verify", "--secret", Self.secret, "--file", file.path] + extra)
        return (result.status, result.out, result.err)
    }

    private func parts() throws -> (wire: String, signature: String) {
        (try RealWorldSignatureTests.text("kapso-es.wire.json"),
         try RealWorldSignatureTests.text("kapso-es.signature.txt").trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static var beacon: [String: Any] { [
        "startedDateTime": "2026-11-20T14:30:01.000Z",
        "request": [
            "method": "POST", "url": "https://www.google-analytics.com/g/collect?tid=G-XXXX",
            "headers": [["name": "content-type", "value": "text/plain"]],
            "postData": ["mimeType": "text/plain", "text": "v=2&tid=G-XXXX&en=page_view"],
        ],
    ] }

    static func delivery(_ text: String, signature: String?, time: String, base64: Bool = false) -> [String: Any] {
        var headers = [["name": "content-type", "value": "application/json"]]
        if let signature { headers.append(["name": "x-webhook-signature", "value": signature]) }
        var postData: [String: Any] = ["mimeType": "application/json", "text": text]
        if base64 { postData["encoding"] = "base64" }
        return [
            "startedDateTime": time,
            "request": ["method": "POST", "url": "https://hooks.example.com/kapso", "headers": headers, "postData": postData],
        ]
    }

    static func har(_ entries: [[String: Any]]) -> [String: Any] { ["log": ["version": "1.2", "entries": entries]] }

    @Test func theSignedEntryAfterAnotherRequestWithABodyIsChecked() throws {
        let (wire, signature) = try parts()
        let file = Self.har([Self.beacon, Self.delivery(wire, signature: signature, time: "2026-11-20T14:30:05.120Z")])
        for extra in [[], ["--signature", signature]] {
            let run = try verify(file, extra)
            #expect(run.status == .ok, "\(extra): \(run.out)\(run.err)")
            #expect(run.out.hasPrefix("valid: X-Webhook-Signature matches"), "\(run.out)")
            #expect(run.err.contains("of 2 entries; entry 2 of 2 (POST https://hooks.example.com/kapso, 2026-11-20T14:30:05.120Z)"), "\(run.err)")
        }
    }

    @Test func withoutSignatureHeadersTheWebhookJSONEntryIsChecked() throws {
        let (wire, signature) = try parts()
        let file = Self.har([Self.beacon, Self.delivery(wire, signature: nil, time: "2026-11-20T14:30:05.120Z")])
        let run = try verify(file, ["--signature", signature])
        #expect(run.status == .ok, "\(run.out)\(run.err)")
        #expect(run.err.contains("entry 2 of 2") && run.err.contains("webhook's JSON"), "\(run.err)")
    }

    @Test func eachOfTwoSignedDeliveriesIsReported() throws {
        let (wire, signature) = try parts()
        let edited = wire.replacingOccurrences(of: "mañana", with: "hoy")
        #expect(edited != wire)
        let file = Self.har([
            Self.delivery(edited, signature: signature, time: "2026-11-20T14:30:05.000Z"),
            Self.delivery(wire, signature: signature, time: "2026-11-20T14:30:06.000Z"),
        ])
        let run = try verify(file)
        #expect(run.status == .failure, "\(run.out)\(run.err)")
        let entry2 = try #require(run.out.range(of: "entry 2 of 2 (POST https://hooks.example.com/kapso, 2026-11-20T14:30:06.000Z):"))
        #expect(run.out[entry2.upperBound...].contains("valid: X-Webhook-Signature matches"), "\(run.out)")
        #expect(run.out.contains("entry 1 of 2"), "\(run.out)")
        #expect(run.err.contains("1 of the HAR capture's 2 signed entries does not match") && run.err.contains("the secret is right"), "\(run.err)")
    }

    @Test func aBase64PostDataIsDecoded() throws {
        let (wire, signature) = try parts()
        let text = Data(wire.utf8).base64EncodedString()
        let run = try verify(Self.har([Self.delivery(text, signature: signature, time: "2026-11-20T14:30:05Z", base64: true)]))
        #expect(run.status == .ok, "\(run.out)\(run.err)")
        #expect(run.err.contains("base64-decoded as its postData \"encoding\": \"base64\" says"), "\(run.err)")
    }

    @Test func nodesFlatRawHeadersAreRead() throws {
        let (wire, signature) = try parts()
        let run = try verify(["headers": ["Content-Type", "application/json", "X-Webhook-Signature", signature], "body": wire])
        #expect(run.status == .ok, "\(run.out)\(run.err)")
    }
}
