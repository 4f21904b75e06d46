import Foundation
import KapsoClient
import KapsoSimulator
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// probe26's sends and replies: a send answered with a server error (5xx) has an unknown outcome (P26-16); a reply to a
/// username contact goes to their BSUID, in either of Meta's spellings (P26-14); coupon and carousel templates name the
/// values a send needs (P26-12); `logs search --around` names a missing time zone (P26-10).
@Suite struct Probe26SendTests {
    /// Forwards every request to the simulator except a write (`POST`, `PATCH`, `DELETE`), which gets `status` and `body`.
    final class FailingWrites: HTTPTransport {
        let inner: any HTTPTransport
        let status: Int
        let body: String
        let contentType: String
        var observer: (@Sendable (HTTPExchange) -> Void)?

        init(_ inner: any HTTPTransport, status: Int, body: String, contentType: String = "application/json") {
            self.inner = inner
            self.status = status
            self.body = body
            self.contentType = contentType
        }

        func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
            guard request.method != "GET" else { return try inner.send(request) }
            return HTTPResponse(status: status, headers: [("Content-Type", contentType)], body: Array(body.utf8))
        }
    }

    static func writing(_ lines: [String], status: Int, body: String, contentType: String = "application/json") async throws
        -> ShellRun
    {
        try await runShell(lines) { context in
            let client = context.client
            context.client = KapsoClient(
                baseURL: client.baseURL, apiKey: client.apiKey,
                transport: FailingWrites(client.transport, status: status, body: body, contentType: contentType))
        }
    }

    struct Gateway: Sendable, CustomStringConvertible {
        var status: Int
        var body: String
        var contentType = "application/json"
        var said: String
        var description: String { "\(status) \(body)" }
    }

    static let gateways = [
        Gateway(
            status: 504, body: #"{"error":"Gateway timeout: Meta did not answer in time"}"#,
            said: "the API answered 504 (Gateway timeout: Meta did not answer in time), a gateway that stopped waiting for the server behind it"),
        Gateway(status: 503, body: #"{"error":"Service Unavailable"}"#, said: "the API answered 503 (Service Unavailable), unavailable or overloaded"),
        Gateway(
            status: 500, body: #"{"error":"Internal server error"}"#,
            said: "the API answered 500 (Internal server error), a failure on the server's side"),
        Gateway(
            status: 502, body: "<html>bad gateway</html>", contentType: "text/html",
            said: "the API answered 502 (the error body is not JSON, starting '<html>bad gateway</html>'), a gateway that got no valid answer"),
    ]

    /// P26-16: "not sent … check the request with --dry-run", exit 1, invited a resend of a message that may be out.
    @Test(arguments: gateways)
    func aSendAnsweredWithAServerErrorHasAnUnknownOutcome(_ gateway: Gateway) async throws {
        let run = try await Self.writing(
            ["message \(Demo.danaInbound)", "reply Thanks"], status: gateway.status, body: gateway.body, contentType: gateway.contentType)
        #expect(run.statuses == [.ok, .unknownOutcome], "\(run.err)")
        #expect(run.err.contains("error: the outcome is unknown: " + gateway.said), "\(run.err)")
        #expect(run.err.contains("the message may have been sent: check with 'messages --phone-number "), "\(run.err)")
        #expect(run.err.hasSuffix("' before sending again\n"), "\(run.err)")
        #expect(!run.err.contains("not sent") && !run.err.contains("--dry-run"), "\(run.err)")
    }

    /// Meta's code for a message that failed (131000 "Message failed to send") is still read from the catalogue;
    /// CodedServerErrorTests has the codes that leave the outcome unknown.
    @Test func metasCodedFailureOfTheMessageStaysItsCatalogueEntry() async throws {
        let run = try await Self.writing(
            ["message \(Demo.danaInbound)", "reply Thanks"], status: 500,
            body: #"{"error":{"message":"(#131000) Something went wrong","type":"OAuthException","code":131000,"fbtrace_id":"A"}}"#)
        #expect(run.statuses == [.ok, .failure], "\(run.err)")
        #expect(run.err.contains("131000") && !run.err.contains("outcome is unknown"), "\(run.err)")
    }

    /// The same kind on the webhook writes: a 500 to a create is no proof that no webhook was made.
    @Test func aWebhookWriteAnsweredWithAServerErrorHasAnUnknownOutcome() async throws {
        let run = try await Self.writing(
            ["webhooks create --url https://example.com/hook --events whatsapp.message.received"], status: 500,
            body: #"{"error":"Internal server error"}"#)
        #expect(run.statuses == [.unknownOutcome], "\(run.err)")
        #expect(
            run.err.hasSuffix(
                "the outcome is unknown: the API answered 500 (Internal server error), a failure on the server's side; "
                    + "the webhook may exist: check with 'webhooks' before retrying\n"), "\(run.err)")
    }

    static func seed(_ name: String) -> SimulatorSeed { TestSeeds.file("\(name).seed.json") }

    static let metaBSUID = "user.9373795779eb6441c8adb2eaee5b848e7dd174ddd302d7db62142f4722d574b6"

    /// P26-14: Meta's username adopter writes with `"from": ""` and `from_user_id`; the reply went to `"to": ""`.
    @Test func aReplyToAMessageWithAnEmptyFromGoesToItsUserID() async throws {
        let ran = try await runDemo(
            ["message wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", "reply --dry-run hello"],
            number: "100200300400501", seed: Self.seed("probe26-bsuid-user"))
        #expect(ran.map(\.status) == [0, 0], "\(ran.map(\.err))")
        #expect(ran[1].out.contains("\"recipient\": \"\(Self.metaBSUID)\""), "\(ran[1].out)")
        #expect(!ran[1].out.contains("\"to\":"), "\(ran[1].out)")
    }

    /// P26-14: `user.<hex>`, the BSUID form of Meta's examples, is read by whois and `reply --to`.
    @Test func metasUserDotBSUIDIsReadByWhoisAndReply() async throws {
        let ran = try await runDemo(
            ["whois \(Self.metaBSUID)", "reply --to \(Self.metaBSUID) --dry-run hi"], number: "100200300400501",
            seed: Self.seed("probe26-bsuid-user"))
        #expect(ran.map(\.status) == [0, 0], "\(ran.map(\.err))")
        #expect(ran[0].out.contains("is the business-scoped user id of Sheena Nelson"), "\(ran[0].out)")
        #expect(ran[1].out.contains("\"recipient\": \"\(Self.metaBSUID)\""), "\(ran[1].out)")
    }

    /// P26-14 sibling: a conversation whose `phone_number` is `""` has no number; its BSUID is written to.
    @Test func aConversationWithAnEmptyPhoneNumberIsRepliedToByItsUserID() async throws {
        let ran = try await runDemo(
            ["conversation 0a1b2c3d-0000-4000-8000-0000000022a1", "reply --dry-run hi"], number: "100200300400501",
            seed: Self.seed("probe26-empty-phone"))
        #expect(ran.map(\.status) == [0, 0], "\(ran.map(\.err))")
        #expect(ran[1].out.contains("\"recipient\": \"US.13491208655302749999\""), "\(ran[1].out)")
        #expect(!ran[1].out.contains("\"to\": \"\""), "\(ran[1].out)")
        #expect(!ran[0].out.contains("()"), "\(ran[0].out)")
    }

    /// P26-12: a coupon code template's COPY_CODE button needs its code at every send; it was "parameters: none" and
    /// sent with `"components": []`.
    @Test func aCouponTemplateNamesItsCodeAndIsNotSentWithoutIt() async throws {
        let ran = try await runDemo(
            ["template coupon_promo", "reply --to +14155550401 --template coupon_promo --dry-run"], number: "100200300400501",
            seed: Self.seed("probe26-coupon-carousel"), width: 300)
        #expect(ran[0].status == 0, "\(ran[0].err)")
        #expect(ran[0].out.contains("COPY_CODE (example code SAVE20)"), "\(ran[0].out)")
        #expect(ran[0].out.contains("button 0 coupon code"), "\(ran[0].out)")
        #expect(ran[0].out.contains("cannot be sent: 132000: the COPY_CODE button (button 0) needs the coupon code"), "\(ran[0].out)")
        #expect(ran[1].status == 1, "\(ran[1].out)")
        #expect(ran[1].err.contains("132000: coupon_promo: the COPY_CODE button (button 0) needs the coupon code at every send (its example: SAVE20)"), "\(ran[1].err)")
        #expect(!ran[1].out.contains("\"components\": []"), "\(ran[1].out)")
    }

    /// P26-12 sibling: a media-card carousel's cards need their header media and values at every send.
    @Test func aCarouselTemplateNamesWhatEachCardNeeds() async throws {
        let ran = try await runDemo(
            ["template summer_carousel", "reply --to +14155550401 --template summer_carousel --dry-run"],
            number: "100200300400501", seed: Self.seed("probe26-coupon-carousel"), width: 300)
        // What each card needs is said once among the fields, in `parameters` (no `carousel` line repeating it), then the
        // refusal says why it cannot be sent.
        let needs = "each card's image header, body {{1}} and URL button value"
        #expect(ran[0].out.split(separator: "\n").map(String.init) == [
            "name:       summer_carousel", "language:   en_GB", "category:   MARKETING", "status:     APPROVED", "quality:    -",
            "id:         780100200300503", "format:     POSITIONAL", "body:       Rare succulents for sale!",
            "parameters: carousel: \(needs)",
            "send:       cannot be sent: 132000: the template is a carousel of 2 cards, and every send gives \(needs), which kops "
                + "cannot send yet; send it from your integration (a carousel component with each card's values), or use a "
                + "template without cards",
        ], "\(ran[0].out)")
        #expect(ran[1].status == 1, "\(ran[1].out)")
        #expect(ran[1].err.contains("the template is a carousel of 2 cards, and every send gives each card's image header"), "\(ran[1].err)")
    }

    /// P26-10: a time without a zone is a time whose zone is missing, not an unknown id.
    @Test(arguments: ["2026-11-21T11:00:00", "2026-11-21 11:00"])
    func aTimeWithoutAZoneIsNamedAsSuch(_ typed: String) async throws {
        let ran = try await runDemo(["logs search --around '\(typed)'"], number: "100200300400501")
        #expect(ran[0].status == 64, "\(ran[0].err)")
        #expect(
            ran[0].err.contains(
                "2026-11-21T11:00:00 has no time zone, and kops does not guess whether it is UTC or local: add Z for UTC "
                    + "(2026-11-21T11:00:00Z) or your offset (e.g. 2026-11-21T11:00:00-05:00 for New York in winter)"), "\(ran[0].err)")
        #expect(!ran[0].err.contains("as an id") && !ran[0].err.contains("neither an id"), "\(ran[0].err)")
    }
}
