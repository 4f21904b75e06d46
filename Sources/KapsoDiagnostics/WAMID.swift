internal import Foundation

/// Reads a WhatsApp message id (`wamid.` + base64): `wamid.HBgLMTQxNTU1NTAxNDIVAgAS…` carries the
/// contact's number `14155550142`.
///
/// Meta does not document the layout. In the ids observed (Meta's webhook samples, the demo seed),
/// the base64 decodes to a small binary record whose first field is byte `0x18`, a length byte, and
/// the contact's number in ASCII digits; an id without such a field yields no number, not an error.
public enum WAMID {
    /// Why a text is not a WAMID.
    public enum Problem: Error, Sendable, Equatable {
        /// It does not start with `wamid.`.
        case missingPrefix
        /// The part after `wamid.` is not base64.
        case notBase64
    }

    /// The contact number inside a WAMID (digits), nil when the id holds none; an error when `text` is no WAMID.
    public static func contactNumber(in text: String) -> Result<String?, Problem> {
        guard text.hasPrefix("wamid.") else { return .failure(.missingPrefix) }
        // Ids copied from URLs arrive percent-encoded (`%3D` for `=`).
        var encoded = String(text.dropFirst(6)).replacingOccurrences(of: "%3D", with: "=")
            .replacingOccurrences(of: "%2B", with: "+").replacingOccurrences(of: "%2F", with: "/")
        let alphabet = encoded.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+/=".contains($0)) }
        guard alphabet, !encoded.isEmpty, encoded.count % 4 != 1 else { return .failure(.notBase64) }
        while encoded.count % 4 != 0 { encoded += "=" }
        guard let data = Data(base64Encoded: encoded) else { return .failure(.notBase64) }
        return .success(number(in: Array(data)))
    }

    // The first `0x18 <length> <digits>` field with 7 to 15 digits.
    private static func number(in bytes: [UInt8]) -> String? {
        var index = 0
        while index + 2 < bytes.count {
            let length = Int(bytes[index + 1])
            if bytes[index] == 0x18, (7...15).contains(length), index + 2 + length <= bytes.count {
                let field = bytes[(index + 2)..<(index + 2 + length)]
                if field.allSatisfy({ (0x30...0x39).contains($0) }) { return String(decoding: field, as: UTF8.self) }
            }
            index += 1
        }
        return nil
    }
}
