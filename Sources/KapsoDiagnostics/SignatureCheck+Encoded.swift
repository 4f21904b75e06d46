internal import Foundation
public import KapsoClient

// MARK: - A body kept encoded: base64 (AWS Lambda events) or a JSON string (a log line)

extension SignatureCheck {
    /// The bytes `text` is base64 of, e.g. `eyJtZXNzYWdlIjp7` → `{"message":{`: the standard or URL-safe alphabet,
    /// padding optional, line breaks and spaces anywhere (`base64` wraps at 76 columns and ends with a newline);
    /// nil when it is not base64 of at least 6 bytes.
    ///
    /// An AWS API Gateway or Lambda function URL event holds a binary (or, depending on its settings, any) body
    /// base64-encoded in `body` and says so with `"isBase64Encoded": true` (docs.aws.amazon.com, API Gateway
    /// "Lambda proxy integrations", input format; Lambda "function URLs", request payload): a handler must
    /// decode it before hashing.
    public static func base64Decoded(_ text: [UInt8]) -> [UInt8]? {
        var compact: [UInt8] = []
        compact.reserveCapacity(text.count)
        for byte in text {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "-"): compact.append(UInt8(ascii: "+"))
            case UInt8(ascii: "_"): compact.append(UInt8(ascii: "/"))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="):
                compact.append(byte)
            default: return nil
            }
        }
        guard compact.count >= 8, compact.count % 4 != 1 else { return nil }
        while compact.count % 4 != 0 { compact.append(UInt8(ascii: "=")) }
        guard let data = Data(base64Encoded: Data(compact)), data.count >= 6 else { return nil }
        return Array(data)
    }

    /// The UTF-8 of the text a body holds as one JSON string literal, e.g. `"{\"message\":…}"` → `{"message":…}`;
    /// nil when the body is not a JSON string (whitespace around it allowed).
    ///
    /// What a log line (`console.log(JSON.stringify(rawBody))`, a CloudWatch or Datadog message copied with its
    /// quotes) or a JSON field holding the raw body saves: quotes around, `"` and `\` escaped inside.
    static func jsonStringDecoded(_ body: [UInt8]) -> [UInt8]? {
        guard ByteScan.contains(UInt8(ascii: "\""), in: body), case .string(let text)? = try? JSONValue.parse(body), !text.isEmpty else {
            return nil
        }
        return Array(text.utf8)
    }

    static func base64Cause(encoded: Int, decoded: Int) -> String {
        "the body is base64 (\(encoded) bytes) of a \(decoded)-byte body that matches the signature: decode it "
            + "before hashing (an AWS API Gateway or Lambda event holds the body so when its \"isBase64Encoded\" is true)"
    }

    static func jsonStringCause(decoded: Int) -> String {
        "the body was saved as a JSON string (in quotes, its quotes and backslashes escaped, as a log line or "
            + "JSON.stringify of the raw body writes it); the \(decoded)-byte text inside matches: hash the raw bytes "
            + "as received, not the logged string"
    }
}
