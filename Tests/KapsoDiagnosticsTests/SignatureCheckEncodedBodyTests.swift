import Foundation
import KapsoClient
@testable import KapsoDiagnostics
import KopsHTTP
import Testing

/// probe10 P10-6: an AWS Lambda event (`"isBase64Encoded": true`), a body saved as base64 and one saved as a JSON
/// string (a log line): the body inside is checked or named, never "the secret is wrong" when the HMAC matches it.
@Suite struct SignatureCheckEncodedBodyTests {
    typealias Repair = SignatureCheckRepairTests

    static var base64: String { Data(Repair.body).base64EncodedString() }

    static func lambdaEvent(flag: JSONValue, body: String) -> [UInt8] {
        let event = JSONValue.object([
            "headers": .object(["x-webhook-signature": .string(Repair.sign(Repair.body))]),
            "isBase64Encoded": flag,
            "body": .string(body),
        ])
        return Array(event.serialized().utf8)
    }

    @Test func aLambdaEventsBase64BodyIsDecodedAsItsFlagSays() throws {
        let envelope = try #require(SignatureCheck.Envelope(Self.lambdaEvent(flag: true, body: Self.base64)))
        #expect(envelope.body == Repair.body)
        #expect(envelope.encoding == .base64)
        #expect(envelope.what.hasPrefix("an AWS Lambda event"))
        #expect(envelope.whereBody == #"in its "body" member, base64-decoded as its "isBase64Encoded": true says,"#)
        #expect(envelope.signature(meta: false)?.value == Repair.sign(Repair.body))
    }

    @Test func aFalseFlagOrABodyThatIsNotBase64IsReadAsWritten() throws {
        let text = String(decoding: Repair.body, as: UTF8.self)
        let plain = try #require(SignatureCheck.Envelope(Self.lambdaEvent(flag: false, body: text)))
        #expect(plain.body == Repair.body && plain.encoding == .asWritten)
        let wrong = try #require(SignatureCheck.Envelope(Self.lambdaEvent(flag: true, body: text)))
        #expect(wrong.body == Repair.body && wrong.encoding == .notBase64)
        #expect(wrong.whereBody.contains("the body is not base64"))
    }

    @Test(arguments: [false, true])
    func aBodySavedAsBase64IsNamedWhenItsDecodedBytesMatch(_ wrapped: Bool) {
        // `base64` wraps at 76 columns and ends with a newline.
        var text = Self.base64
        if wrapped {
            text = stride(from: 0, to: text.count, by: 76).map { String(Array(text)[$0..<min($0 + 76, text.count)]) }
                .joined(separator: "\n") + "\n"
        }
        let saved = Array(text.utf8)
        let found = Repair.cause(saved, signature: Repair.sign(Repair.body))
        #expect(found.hasPrefix("the body is base64 (\(saved.count) bytes) of a \(Repair.body.count)-byte body that matches the signature"), "\(found)")
        #expect(!found.contains("the secret is wrong"))
        // Under another secret no cause is named; a body that is not JSON is said so first (probe14 P14-9).
        let other = Repair.cause(saved, signature: Repair.sign(Repair.body, "whsec_other"))
        #expect(other.hasPrefix("the body is not JSON ("), "\(other)")
        #expect(other.contains(SignatureCheck.commonCauses), "\(other)")
    }

    @Test func aBodySavedAsAJSONStringIsNamedWhenItsTextMatches() {
        let saved = Array(JSONValue.string(String(decoding: Repair.body, as: UTF8.self)).serialized().utf8) + [0x0A]
        let found = Repair.cause(saved, signature: Repair.sign(Repair.body))
        #expect(found.hasPrefix("the body was saved as a JSON string"), "\(found)")
        #expect(found.contains("the \(Repair.body.count)-byte text inside matches"))
        let other = Repair.cause(saved, signature: Repair.sign(Repair.body, "whsec_other"))
        #expect(other.hasPrefix(SignatureCheck.unexplained), "\(other)")
    }

    @Test func base64DecodingRefusesWhatIsNotBase64() {
        #expect(SignatureCheck.base64Decoded(Repair.body) == nil)
        #expect(SignatureCheck.base64Decoded(Array("abc".utf8)) == nil, "too short to be a body")
        #expect(SignatureCheck.base64Decoded(Array("eyJhIjoxfQ".utf8)) == Array(#"{"a":1}"#.utf8), "padding optional")
    }
}
