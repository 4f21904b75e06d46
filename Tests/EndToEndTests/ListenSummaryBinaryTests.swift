import Foundation
import KapsoClient
import KopsHTTP
import KopsTestSupport
import Testing

/// `listen --output json` carries each delivery's one-line summary (`summary`), the words the plain line prints after
/// the number (`ReceivedDelivery.itemsText`): a message's id and type, a status, a template's or the account's event;
/// server text in it is made visible, never a control sequence (probe33).
@Suite(.serialized) struct ListenSummaryBinaryTests {
    /// A Meta `message_template_status_update` whose template name carries an escape sequence, as a sender could send it.
    static let templateRejected = #"""
        {"object":"whatsapp_business_account","entry":[{"id":"200300400500601","changes":[{"field":"message_template_status_update","value":{"event":"REJECTED","message_template_id":1234567890,"message_template_name":"holiday\u001b[31m_hours","message_template_language":"en_US","reason":"INVALID_FORMAT"}}]}]}
        """#

    @Test func eachDeliveryLineHasItsSummaryWithServerTextMadeVisible() async throws {
        try await offPool {
            let plain = try ListenBinaryTests.Listener([])
            let json = try ListenBinaryTests.Listener(["--output", "json"])
            let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: 10))
            for listener in [plain, json] {
                let fire = try ProcessRunner.run("kops", ["-c", "webhooks fire whatsapp.message.failed --meta --to \(listener.url)"])
                #expect(fire.status == 0, "\(fire.stderr)")
                let sent = try transport.send(
                    HTTPRequest(method: "POST", url: listener.url, headers: [HTTPHeader("Content-Type", "application/json")],
                                body: Array(Self.templateRejected.utf8)))
                #expect(sent.status == 200)
            }
            let (lines, _, _) = plain.stop()
            let (out, err, status) = json.stop()
            #expect(status == 0, "\(err)")
            let objects = try out.split(separator: "\n").map { try JSONValue.parse(String($0)) }.filter { $0["event"] != nil }
            try #require(objects.count == 2, "\(out)")
            let summaries = objects.compactMap { $0["summary"]?.string }
            #expect(summaries.count == 2, "\(out)")
            // The same words as the plain line, after the number.
            for summary in summaries { #expect(lines.contains(summary), "\(summary) / \(lines)") }
            #expect(summaries[0].contains(" failed 131"), "\(summaries[0])")
            #expect(summaries[1].hasPrefix("template holiday\\x1b[31m_hours (en_US) REJECTED, reason INVALID_FORMAT"), "\(summaries[1])")
            #expect(!summaries[1].contains("\u{1B}"), "\(summaries[1])")
        }
    }
}
